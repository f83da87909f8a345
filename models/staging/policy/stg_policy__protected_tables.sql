{#- The protected tables and how each is enforced. Names compared lower-case, as Unity Catalog
    stores them. -#}
with

source as (

    select * from {{ ref('protected_tables') }}

),

final as (

    select
        reason,
        lower(trim(table_name)) as table_name,
        lower(trim(enforcement)) as enforcement,
        lower(trim(view_name)) as view_name,
        lower(trim(table_name)) as row_key
    from source

)

select * from final
