select
    '{{ uc_governance.seed_path("securables") }}' as seed_file,
    securables.row_key,
    'securable_type' as column_name,
    securables.securable_type as offending_value,
    'unknown_securable_type' as rule_name,
    'unknown securable type; see seeds/vocabulary/securable_types.csv' as message
from {{ ref('stg_policy__securables') }} as securables
left join {{ ref('stg_vocabulary__securable_types') }} as securable_types
    on securables.securable_type = securable_types.securable_type
where securable_types.securable_type is null
