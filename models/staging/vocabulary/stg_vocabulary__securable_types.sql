with

source as (

    select * from {{ ref('securable_types') }}

),

final as (

    select
        upper(trim(securable_type)) as securable_type,
        name_parts,
        nullif(upper(trim(parent_type)), '') as parent_type,
        created_by_uc_governance,
        note
    from source

)

select * from final
