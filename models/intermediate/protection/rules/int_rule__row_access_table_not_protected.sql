{#- A row access rule on a table that protected_tables.csv does not list (nothing would enforce it). -#}
with

row_access as (

    select * from {{ ref('stg_policy__row_access') }}

),

protected_tables as (

    select * from {{ ref('stg_policy__protected_tables') }}

),

final as (

    select
        '{{ uc_governance.seed_path("row_access") }}' as seed_file,
        row_access.row_key,
        'table_name' as column_name,
        row_access.table_name as offending_value,
        'row_access_table_not_protected' as rule_name,
        'is not listed in {{ uc_governance.seed_path("protected_tables") }}' as message
    from row_access
    left join protected_tables
        on row_access.table_name = protected_tables.table_name
    where protected_tables.table_name is null

)

select * from final
