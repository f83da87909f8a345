{#- One row per dynamic view (a protected table with enforcement 'view') and exposure token:
    what the view shows, and to whom, as canonical text (docs/decisions/0051). A token is
    `<column>` for a column in clear for everyone, `*` when the view selects every column,
    `<column>=<group>` for a protected column in clear for a group, `<column>~<rule>` for a
    protected column that everyone else sees masked by a rule revealing part of the value,
    `*rows` when every row is shown to everyone, `*rows:<group>` for an every-row rule and
    `<column>=<value>:<group>` for a row rule. Names and values are percent-encoded
    (_exposure_text_sql), so tokens never contain the list's separators. -#}
{%- set text = uc_governance._exposure_text_sql %}

with

protected_tables as (

    select * from {{ ref('stg_policy__protected_tables') }}

),

columns as (

    select * from {{ ref('int_protection__columns') }}

),

clearances as (

    select * from {{ ref('int_protection__column_clearances') }}

),

row_access as (

    select * from {{ ref('int_protection__row_access') }}

),

views as (

    select
        table_name,
        view_name
    from protected_tables
    where enforcement = 'view' and view_name is not null

),

column_tokens as (

    select
        columns.table_name,
        {{ text('columns.column_key') }} as token
    from columns
    where columns.enforcement = 'view' and not columns.is_protected

    union all

    select
        clearances.table_name,
        {{ text('clearances.column_key') }} || '=' || {{ text('clearances.group_name') }} as token
    from clearances
    inner join views
        on clearances.table_name = views.table_name

    union all

    select
        columns.table_name,
        {{ text('columns.column_key') }} || '~' || columns.mask_rule as token
    from columns
    where
        columns.enforcement = 'view' and columns.is_protected
        and columns.mask_rule not in (
            {%- for rule in uc_governance._mask_rules_revealing_nothing() -%}
                {{ uc_governance.string_literal_sql(rule) }}{{ ', ' if not loop.last }}
            {%- endfor -%}
        )

    union all

    {#- no classified column: the view selects every column of the table #}
    select
        views.table_name,
        '*' as token
    from views
    where not exists (
        select 1 from columns
        where columns.table_name = views.table_name
    )

),

row_tokens as (

    select
        table_name,
        case
            when all_rows then '*rows:' || {{ text('group_name') }}
            else {{ text('column_key') }} || '=' || {{ text('allowed_value') }} || ':' || {{ text('group_name') }}
        end as token
    from row_access
    where enforcement = 'view'

    union all

    {#- no row rule: every row for everyone #}
    select
        views.table_name,
        '*rows' as token
    from views
    where not exists (
        select 1 from row_access
        where row_access.table_name = views.table_name
    )

),

tokens as (

    select * from column_tokens
    union all
    select * from row_tokens

),

final as (

    select distinct
        views.table_name,
        views.view_name,
        tokens.token
    from views
    inner join tokens
        on views.table_name = tokens.table_name

)

select * from final
