with

source as (

    select * from {{ ref('mask_rules') }}

),

final as (

    select
        description,
        lower(trim(mask_rule)) as mask_rule,
        lower(trim(data_types)) as data_types
    from source

)

select * from final
