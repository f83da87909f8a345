with

source as (

    select * from {{ ref('service_principals') }}

),

final as (

    select
        description,
        purpose,
        trim(display_name) as display_name,
        lower(trim(application_id)) as application_id,
        lower(trim(application_id)) as principal_key
    from source

)

select * from final
