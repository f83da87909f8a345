{#- Coverage: a table with protected classified columns or row access rules that is not listed
    in protected_tables.csv, so has neither a dynamic view nor native protection. A listed table
    in view mode always gets its view: the plan creates it on Databricks, the view model on
    local (docs/decisions/0051). With dynamic views switched off (var
    uc_governance_dynamic_views) its readers get nothing: the view's grants wait as missing
    securables and the base table has none. -#}
with

columns as (

    select * from {{ ref('int_protection__columns') }}

),

row_access as (

    select * from {{ ref('int_protection__row_access') }}

),

protected_tables as (

    select * from {{ ref('stg_policy__protected_tables') }}

),

needing as (

    select
        table_name,
        '{{ uc_governance.seed_path("column_classifications") }}' as seed_file
    from columns
    where is_protected
    union distinct
    select
        table_name,
        '{{ uc_governance.seed_path("row_access") }}' as seed_file
    from row_access

),

final as (

    select
        needing.seed_file,
        needing.table_name as row_key,
        'table_name' as column_name,
        needing.table_name as offending_value,
        'protected_table_without_protection' as rule_name,
        'has protected columns or row rules but is not listed in '
        || '{{ uc_governance.seed_path("protected_tables") }}' as message
    from needing
    left join protected_tables
        on needing.table_name = protected_tables.table_name
    where protected_tables.table_name is null

)

select * from final
