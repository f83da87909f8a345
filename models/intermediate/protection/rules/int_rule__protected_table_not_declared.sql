{#- A protected table that is not a declared TABLE, or whose view is not a declared VIEW, in
    securables.csv (the view's grants go through the grant machinery, which needs it declared). -#}
with

protected_tables as (

    select * from {{ ref('stg_policy__protected_tables') }}

),

securables as (

    select * from {{ ref('stg_policy__securables') }}

),

missing_table as (

    select
        protected_tables.row_key,
        'table_name' as column_name,
        protected_tables.table_name as offending_value,
        'no TABLE of that name in {{ uc_governance.seed_path("securables") }}' as message
    from protected_tables
    left join securables
        on
            securables.securable_type = 'TABLE'
            and protected_tables.table_name = securables.securable_name
    where securables.securable_name is null

),

missing_view as (

    select
        protected_tables.row_key,
        'view_name' as column_name,
        protected_tables.view_name as offending_value,
        'no VIEW of that name in {{ uc_governance.seed_path("securables") }}' as message
    from protected_tables
    left join securables
        on
            securables.securable_type = 'VIEW'
            and protected_tables.view_name = securables.securable_name
    where protected_tables.enforcement = 'view' and securables.securable_name is null

),

unioned as (

    select * from missing_table
    union all
    select * from missing_view

),

final as (

    select
        '{{ uc_governance.seed_path("protected_tables") }}' as seed_file,
        row_key,
        column_name,
        offending_value,
        'protected_table_not_declared' as rule_name,
        message
    from unioned

)

select * from final
