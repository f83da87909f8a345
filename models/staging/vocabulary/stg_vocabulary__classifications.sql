with

source as (

    select * from {{ ref('classifications') }}

),

final as (

    select
        description,
        lower(trim(classification)) as classification,
        coalesce(is_protected, true) as is_protected
    from source

)

select * from final
