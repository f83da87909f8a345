{#- One row per protected column and group that sees it in clear: a clearance for the column's
    classification, for every table or narrowed to this table (and column). -#}
with

columns as (

    select * from {{ ref('int_protection__columns') }}

),

clearances as (

    select * from {{ ref('stg_policy__clearances') }}

),

final as (

    select distinct
        columns.table_name,
        columns.view_name,
        columns.column_key,
        columns.classification,
        clearances.group_name,
        clearances.group_key
    from columns
    inner join clearances
        on
            columns.classification = clearances.classification
            and (clearances.table_name is null or columns.table_name = clearances.table_name)
            and (clearances.column_key is null or columns.column_key = clearances.column_key)
    where columns.is_protected

)

select * from final
