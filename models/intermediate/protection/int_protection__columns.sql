{#- One row per classified column of a protected table: what a reader not cleared sees (the
    effective mask rule: the declared one, `redact` for a protected class without one, none for
    a public column) and where readers query it. -#}
with

classifications as (

    select * from {{ ref('stg_policy__column_classifications') }}

),

protected_tables as (

    select * from {{ ref('stg_policy__protected_tables') }}

),

vocabulary as (

    select * from {{ ref('stg_vocabulary__classifications') }}

),

final as (

    select
        classifications.table_name,
        protected_tables.enforcement,
        protected_tables.view_name,
        classifications.column_name,
        classifications.column_key,
        classifications.data_type,
        classifications.classification,
        classifications.row_key,
        coalesce(vocabulary.is_protected, true) as is_protected,
        case
            when not coalesce(vocabulary.is_protected, true) then null
            else coalesce(classifications.mask_rule, 'redact')
        end as mask_rule
    from classifications
    left join protected_tables
        on classifications.table_name = protected_tables.table_name
    left join vocabulary
        on classifications.classification = vocabulary.classification

)

select * from final
