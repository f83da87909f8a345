select
    '{{ uc_governance.seed_path("grants") }}' as seed_file,
    declared_grants.row_key,
    'privilege' as column_name,
    declared_grants.privilege as offending_value,
    'privilege_not_valid_for_type' as rule_name,
    'is not a privilege of ' || declared_grants.securable_type
    || '; see seeds/vocabulary/vocabulary_privileges.csv' as message
from {{ ref('stg_policy__grants') }} as declared_grants
inner join {{ ref('stg_vocabulary__securable_types') }} as securable_types
    on declared_grants.securable_type = securable_types.securable_type
left join {{ ref('stg_vocabulary__privileges') }} as vocabulary_privileges
    on
        declared_grants.securable_type = vocabulary_privileges.securable_type
        and declared_grants.privilege = vocabulary_privileges.privilege
where vocabulary_privileges.privilege is null
