with

source as (

    select * from {{ ref('privileges') }}

),

final as (

    select
        upper(trim(securable_type)) as securable_type,
        upper(trim(privilege)) as privilege,
        inherited_by_children
    from source

)

select * from final
