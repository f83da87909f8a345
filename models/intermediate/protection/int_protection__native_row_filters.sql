{#- One row per natively protected table (enforcement 'native') with row access rules: its row
    filter function. The function takes the rule columns (parameters filter_column_001, ... in
    the order of their quoted names, the order of the ON list; typed as the column is classified, else STRING) and keeps a row for a
    member of an every-row group or of a group allowed the row's value: the rules OR-ed, so a
    member of several groups sees the union of their rows and anyone else sees none (as the
    dynamic views do). -#}
{%- set settings = uc_governance.uc_governance_config() %}
{#- the simulated membership the function bodies read on local, named on every target (one graph) #}
{%- do uc_governance.group_membership_relation() %}
{%- set agg = uc_governance.sorted_string_agg_sql %}

with

row_access as (

    select * from {{ ref('int_protection__row_access') }}

),

columns as (

    select * from {{ ref('int_protection__columns') }}

),

native_rules as (

    select * from row_access
    where enforcement = 'native'

),

filter_columns as (

    select
        rule_columns.table_name,
        rule_columns.column_key,
        rule_columns.column_name,
        coalesce(columns.data_type, 'string') as data_type,
        dense_rank() over (
            partition by rule_columns.table_name
            order by {{ uc_governance.quote_identifier_sql('rule_columns.column_key') }}
        ) as parameter_rank
    from (
        select
            table_name,
            column_key,
            min(column_name) as column_name
        from native_rules
        group by table_name, column_key
    ) as rule_columns
    left join columns
        on
            rule_columns.table_name = columns.table_name
            and rule_columns.column_key = columns.column_key

),

numbered_columns as (

    select
        *,
        'filter_column_' || lpad(cast(parameter_rank as {{ dbt.type_string() }}), 3, '0') as filter_parameter
    from filter_columns

),

tests as (

    select
        native_rules.table_name,
        case
            when native_rules.all_rows
                then {{ uc_governance.native_membership_test_sql('native_rules.group_name') }}
            else
                '(' || {{ uc_governance.native_membership_test_sql('native_rules.group_name') }}
                || ' and cast(' || numbered_columns.filter_parameter || ' as {{ dbt.type_string() }}) = '
                || {{ uc_governance.quote_string_sql('native_rules.allowed_value') }} || ')'
        end as test_sql
    from native_rules
    inner join numbered_columns
        on
            native_rules.table_name = numbered_columns.table_name
            and native_rules.column_key = numbered_columns.column_key

),

signatures as (

    select
        table_name,
        {{ agg("filter_parameter || ' ' || upper(data_type)", "', '") }} as parameters_sql,
        {{ agg(uc_governance.quote_identifier_sql('column_key'), "', '") }} as on_columns_sql
    from numbered_columns
    group by table_name

),

bodies as (

    select
        table_name,
        {{ uc_governance.sorted_string_agg_sql('test_sql', "' or '") }} as function_body
    from tests
    group by table_name

),

final as (

    select
        signatures.table_name,
        {{ uc_governance.string_literal_sql(settings['protection_function_schema'] ~ '.') }}
        || 'row_filter__' || replace(signatures.table_name, '.', '__') as function_name,
        signatures.parameters_sql,
        signatures.on_columns_sql,
        replace(replace(signatures.on_columns_sql, '`, `', ','), '`', '') as target_columns,
        bodies.function_body
    from signatures
    inner join bodies
        on signatures.table_name = bodies.table_name

)

select * from final
