select
    '{{ uc_governance.seed_path("securables") }}' as seed_file,
    securables.row_key,
    'owner' as column_name,
    securables.owner as offending_value,
    'owner_not_declared' as rule_name,
    'is not a declared group, a user email or a service principal application id' as message
from {{ ref('stg_policy__securables') }} as securables
left join {{ ref('int_access__declared_principals') }} as declared_principals
    on securables.owner_key = declared_principals.principal_key
where
    securables.owner_key is not null
    and declared_principals.principal_key is null
    and not {{ uc_governance.looks_like_user_or_service_principal_sql('securables.owner_key') }}
