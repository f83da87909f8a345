{#- For analysts: per protected object (the dynamic view readers query) and column, its
    classification, the mask rule a reader not cleared sees, who sees it in clear, and the
    object's row access. A table whose columns are not classified shows one row, column `*`. -#}
with

columns as (

    select * from {{ ref('int_protection__columns') }}

),

clearances as (

    select * from {{ ref('int_protection__column_clearances') }}

),

row_access as (

    select * from {{ ref('int_protection__row_access') }}

),

protected_tables as (

    select * from {{ ref('stg_policy__protected_tables') }}

),

cleared_by_column as (

    select
        table_name,
        column_key,
        {{ uc_governance.sorted_string_agg_sql('group_name', "', '") }} as cleared_groups
    from clearances
    group by table_name, column_key

),

row_rules as (

    select
        table_name,
        case
            when all_rows then group_name || ': every row'
            else group_name || ': ' || column_name || ' = ' || allowed_value
        end as rule_text
    from row_access

),

row_access_by_table as (

    select
        table_name,
        {{ uc_governance.sorted_string_agg_sql('rule_text', "'; '") }} as row_access
    from row_rules
    group by table_name

),

column_rows as (

    select
        columns.table_name,
        columns.column_name,
        columns.classification,
        columns.mask_rule,
        case
            when not columns.is_protected then 'everyone with SELECT'
            else coalesce(cleared_by_column.cleared_groups, 'nobody')
        end as cleared_groups
    from columns
    left join cleared_by_column
        on
            columns.table_name = cleared_by_column.table_name
            and columns.column_key = cleared_by_column.column_key

),

unclassified_tables as (

    select
        protected_tables.table_name,
        '*' as column_name,
        cast(null as {{ dbt.type_string() }}) as classification,
        cast(null as {{ dbt.type_string() }}) as mask_rule,
        'everyone with SELECT' as cleared_groups
    from protected_tables
    left join columns
        on protected_tables.table_name = columns.table_name
    where columns.table_name is null

),

all_rows as (

    select * from column_rows
    union all
    select * from unclassified_tables

),

final as (

    select
        all_rows.table_name as base_table,
        protected_tables.enforcement,
        all_rows.column_name,
        all_rows.classification,
        all_rows.mask_rule,
        all_rows.cleared_groups,
        coalesce(protected_tables.view_name, all_rows.table_name) as protected_object,
        coalesce(row_access_by_table.row_access, 'every row') as row_access
    from all_rows
    left join protected_tables
        on all_rows.table_name = protected_tables.table_name
    left join row_access_by_table
        on all_rows.table_name = row_access_by_table.table_name

)

select * from final
