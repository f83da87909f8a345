{#- One row per dynamic view (a protected table with enforcement 'view'): its SELECT rendered
    in pure SQL in the target's dialect, its exposure, and on Databricks the CREATE OR REPLACE
    VIEW statement the plan sends (docs/decisions/0051). The SELECT is what the guide's §5.2 view
    does, default deny: each classified column in column_key order, a public one as is, a
    protected one in clear for members of a cleared group and masked (the mask rule macros,
    rendered once per rule as for native functions) for everyone else; no classified column:
    every column. Rows kept for a member of an every-row group or of a group allowed the row's
    value, the rules OR-ed (a member of several groups sees the union of their rows, anyone
    else none); no rule: every row. The view's COMMENT carries the exposure and an md5 of the
    SELECT, which the plan compares with the live view's comment. -#}
{#- the simulated membership the SELECT reads on local, named on every target (one graph) #}
{%- do uc_governance.group_membership_relation() %}
{%- set user_free = uc_governance._view_user_free_sql %}
{%- set identifier = uc_governance._view_identifier_sql %}
{%- set member = uc_governance.native_membership_test_sql %}

with

exposure as (

    select * from {{ ref('int_protection__view_exposure') }}

),

columns as (

    select * from {{ ref('int_protection__columns') }}

),

cleared as (

    select * from {{ ref('int_protection__column_cleared_groups') }}

),

row_access as (

    select * from {{ ref('int_protection__row_access') }}

),

views as (

    select
        table_name,
        view_name,
        {{ uc_governance.sorted_string_agg_sql('token', "';'") }} as exposure
    from exposure
    group by table_name, view_name

),

view_columns as (

    select
        columns.table_name,
        columns.column_key,
        columns.is_protected,
        {{ identifier('columns.column_name') }} as quoted_column,
        cleared.membership_sql,
        replace(
            {{ uc_governance.native_mask_expression_sql('columns.mask_rule', 'columns.data_type') }},
            {{ uc_governance.string_literal_sql(uc_governance.native_function_parameter()) }},
            {{ identifier('columns.column_name') }}
        ) as masked_sql
    from columns
    left join cleared
        on
            columns.table_name = cleared.table_name
            and columns.column_key = cleared.column_key
    where columns.enforcement = 'view'

),

select_items as (

    select
        table_name,
        column_key,
        case
            when not is_protected then quoted_column
            when membership_sql is null
                then masked_sql || ' as ' || quoted_column
            else
                'case when ' || membership_sql || ' then ' || quoted_column || ' else '
                || masked_sql || ' end as ' || quoted_column
        end as item_sql
    from view_columns

),

select_lists as (

    select
        table_name,
        {{ uc_governance._ordered_string_agg_sql('item_sql', 'column_key', "', '") }} as select_list_sql
    from select_items
    group by table_name

),

row_tests as (

    select
        table_name,
        case
            when all_rows then {{ member('group_name') }}
            else
                '(' || {{ member('group_name') }} || ' and cast(' || {{ identifier('column_name') }}
                || ' as {{ dbt.type_string() }}) = ' || {{ uc_governance._view_string_sql('allowed_value') }} || ')'
        end as test_sql
    from row_access
    where enforcement = 'view'

),

row_filters as (

    select
        table_name,
        {{ uc_governance.sorted_string_agg_sql('test_sql', "' or '") }} as where_sql
    from row_tests
    group by table_name

),

definitions as (

    select
        views.table_name,
        views.view_name,
        views.exposure,
        coalesce({{ user_free('select_lists.select_list_sql') }}, '*') as select_list_sql,
        {{ user_free('row_filters.where_sql') }} as where_sql,
        'select ' || coalesce(select_lists.select_list_sql, '*')
        || ' from ' || {{ uc_governance._quoted_three_part_sql('views.table_name') }}
        || coalesce(' where ' || row_filters.where_sql, '') as select_sql,
        {{ uc_governance._quoted_three_part_sql('views.view_name') }} as quoted_view_name
    from views
    left join select_lists
        on views.table_name = select_lists.table_name
    left join row_filters
        on views.table_name = row_filters.table_name

),

commented as (

    select
        *,
        'uc_governance dynamic view of ' || {{ uc_governance._exposure_text_sql('table_name') }}
        || ' [exposes ' || exposure || '] [definition ' || md5(select_sql) || ']' as view_comment
    from definitions

),

final as (

    select
        *,
        'CREATE OR REPLACE VIEW ' || quoted_view_name || ' COMMENT '
        || {{ uc_governance.quote_string_sql('view_comment') }} || ' AS ' || select_sql as create_statement
    from commented

)

select * from final
