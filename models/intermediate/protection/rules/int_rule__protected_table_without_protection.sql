{#- Coverage: a table with protected classified columns or row access rules that has neither a
    dynamic view built by this project nor native protection. With dynamic views switched off
    (var uc_governance_dynamic_views) only an unlisted table counts: its readers then get nothing
    (the view's grants wait as missing securables, the base table has none). -#}
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

reads as (

    select * from {{ ref('int_protection__model_reads') }}

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

view_models as (

    select distinct securable from reads
    where securable is not null

),

final as (

    select
        needing.seed_file,
        needing.table_name as row_key,
        'table_name' as column_name,
        needing.table_name as offending_value,
        'protected_table_without_protection' as rule_name,
        case
            when protected_tables.table_name is null
                then
                    'has protected columns or row rules but is not listed in '
                    || '{{ uc_governance.seed_path("protected_tables") }}'
            else
                'no dbt model builds its view ' || protected_tables.view_name
                || ' (a model calling dynamic_view_config and dynamic_view_sql)'
        end as message
    from needing
    left join protected_tables
        on needing.table_name = protected_tables.table_name
    left join view_models
        on view_models.securable = 'VIEW ' || protected_tables.view_name
    where
        protected_tables.table_name is null
        {%- if uc_governance.uc_governance_config()['dynamic_views'] %}
            or (protected_tables.enforcement = 'view' and view_models.securable is null)
        {%- endif %}

)

select * from final
