with

source as (

    select * from {{ ref('service_principals') }}

),

final as (

    select
        trim(display_name) as display_name,
        lower(trim(application_id)) as application_id,
        lower(trim(application_id)) as principal_key,
        description,
        purpose
    from source

)

select * from final
