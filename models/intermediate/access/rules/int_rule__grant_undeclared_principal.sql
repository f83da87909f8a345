select
    '{{ uc_governance.seed_path("grants") }}' as seed_file,
    declared_grants.row_key,
    'principal' as column_name,
    declared_grants.principal as offending_value,
    'principal_not_declared' as rule_name,
    case
        when service_principals.application_id is not null
            then
                'is the display name of a service principal; grants name it by application id '
                || service_principals.application_id
        else
            'is not a declared group (' || '{{ uc_governance.seed_path("groups") }}'
            || '), a user email or a service principal application id'
    end as message
from {{ ref('stg_policy__grants') }} as declared_grants
left join {{ ref('int_access__declared_principals') }} as declared_principals
    on declared_grants.principal_key = declared_principals.principal_key
left join {{ ref('stg_policy__service_principals') }} as service_principals
    on lower(declared_grants.principal_key) = lower(service_principals.display_name)
where
    declared_principals.principal_key is null
    and not {{ uc_governance.looks_like_user_or_service_principal_sql('declared_grants.principal_key') }}
