{#- A classified column of a table that securables.csv does not declare as TABLE. -#}
with

classifications as (

    select * from {{ ref('stg_policy__column_classifications') }}

),

securables as (

    select * from {{ ref('stg_policy__securables') }}

),

final as (

    select
        '{{ uc_governance.seed_path("column_classifications") }}' as seed_file,
        classifications.row_key,
        'table_name' as column_name,
        classifications.table_name as offending_value,
        'classified_table_not_declared' as rule_name,
        'no TABLE of that name in {{ uc_governance.seed_path("securables") }}' as message
    from classifications
    left join securables
        on
            securables.securable_type = 'TABLE'
            and classifications.table_name = securables.securable_name
    where securables.securable_name is null

)

select * from final
