{#- One row per row-access rule of a protected table, with the view that enforces it. -#}
with

row_access as (

    select * from {{ ref('stg_policy__row_access') }}

),

protected_tables as (

    select * from {{ ref('stg_policy__protected_tables') }}

),

final as (

    select
        row_access.table_name,
        protected_tables.enforcement,
        protected_tables.view_name,
        row_access.column_name,
        row_access.column_key,
        row_access.group_name,
        row_access.group_key,
        row_access.allowed_value,
        row_access.all_rows
    from row_access
    left join protected_tables
        on row_access.table_name = protected_tables.table_name

)

select * from final
