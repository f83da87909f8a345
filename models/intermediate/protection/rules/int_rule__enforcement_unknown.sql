{#- An enforcement mode other than `view` (a dynamic view) or `native` (Unity Catalog masks, row
    filter and tags), or a `view` row without the view's name. -#}
with

protected_tables as (

    select * from {{ ref('stg_policy__protected_tables') }}

),

final as (

    select
        '{{ uc_governance.seed_path("protected_tables") }}' as seed_file,
        row_key,
        case when enforcement in ('view', 'native') then 'view_name' else 'enforcement' end as column_name,
        case when enforcement in ('view', 'native') then '' else enforcement end as offending_value,
        'enforcement_unknown' as rule_name,
        case
            when enforcement in ('view', 'native')
                then 'enforcement view needs the name of its dynamic view (catalog.schema.view)'
            else 'is not an enforcement mode; use view or native'
        end as message
    from protected_tables
    where
        enforcement not in ('view', 'native')
        or (enforcement = 'view' and view_name is null)

)

select * from final
