{#- A clearance narrowed to a table or column that has no column of that classification, or to a
    column without a table. -#}
with

clearances as (

    select * from {{ ref('stg_policy__clearances') }}

),

columns as (

    select * from {{ ref('int_protection__columns') }}

),

matched as (

    select
        clearances.row_key,
        count(columns.row_key) as matching_columns
    from clearances
    left join columns
        on
            clearances.classification = columns.classification
            and clearances.table_name = columns.table_name
            and (clearances.column_key is null or clearances.column_key = columns.column_key)
    where clearances.table_name is not null
    group by clearances.row_key

),

final as (

    select
        '{{ uc_governance.seed_path("clearances") }}' as seed_file,
        clearances.row_key,
        case when clearances.table_name is null then 'column_name' else 'table_name' end as column_name,
        coalesce(clearances.table_name || '.' || clearances.column_key, clearances.table_name, clearances.column_key)
            as offending_value,
        'clearance_scope_unknown' as rule_name,
        case
            when clearances.table_name is null then 'a column clearance needs table_name'
            else
                'no column of classification ' || clearances.classification
                || ' there in {{ uc_governance.seed_path("column_classifications") }}'
        end as message
    from clearances
    left join matched
        on clearances.row_key = matched.row_key
    where
        (clearances.table_name is null and clearances.column_key is not null)
        or (clearances.table_name is not null and matched.matching_columns = 0)

)

select * from final
