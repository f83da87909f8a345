with

source as (

    select * from {{ ref('securable_types') }}

),

final as (

    select
        name_parts,
        created_by_uc_governance,
        note,
        lower(trim(level)) as securable_level,
        upper(trim(securable_type)) as securable_type,
        nullif(upper(trim(parent_type)), '') as parent_type
    from source

)

select * from final
