{#- Principals the seeds declare: groups by name, service principals by application id. Users are
    not declared; any well-formed email is accepted. -#}
with

groups as (

    select * from {{ ref('stg_policy__groups') }}

),

service_principals as (

    select * from {{ ref('stg_policy__service_principals') }}

),

final as (

    select
        principal_key,
        group_name as principal_name,
        'GROUP' as principal_type,
        group_name as display_name
    from groups

    union all

    select
        principal_key,
        application_id as principal_name,
        'SERVICE_PRINCIPAL' as principal_type,
        display_name
    from service_principals

)

select * from final
