with

source as (

    select * from {{ ref('privileges') }}

),

final as (

    select
        inherited_by_children,
        upper(trim(securable_type)) as securable_type,
        upper(trim(privilege)) as privilege
    from source

)

select * from final
