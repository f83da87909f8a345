select
    '{{ uc_governance.seed_path("grants") }}' as seed_file,
    declared_grants.row_key,
    'securable_name' as column_name,
    declared_grants.securable_name as offending_value,
    'securable_not_declared' as rule_name,
    'no ' || declared_grants.securable_type || ' of that name in '
    || '{{ uc_governance.seed_path("securables") }}' as message
from {{ ref('stg_policy__grants') }} as declared_grants
left join {{ ref('stg_policy__securables') }} as securables
    on
        declared_grants.securable_type = securables.securable_type
        and declared_grants.securable_name = securables.securable_name
where securables.securable_name is null
