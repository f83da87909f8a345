select
    '{{ uc_governance.seed_path("grants") }}' as seed_file,
    declared_grants.row_key,
    'securable_type' as column_name,
    declared_grants.securable_type as offending_value,
    'unknown_securable_type' as rule_name,
    'unknown securable type; see seeds/vocabulary/securable_types.csv' as message
from {{ ref('stg_policy__grants') }} as declared_grants
left join {{ ref('stg_vocabulary__securable_types') }} as securable_types
    on declared_grants.securable_type = securable_types.securable_type
where securable_types.securable_type is null
