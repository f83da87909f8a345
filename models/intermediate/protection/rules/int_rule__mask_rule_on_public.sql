{#- A mask rule on a column classified as not protected (public): it would never be applied. -#}
with

columns as (

    select * from {{ ref('int_protection__columns') }}

),

classifications as (

    select * from {{ ref('stg_policy__column_classifications') }}

),

final as (

    select
        '{{ uc_governance.seed_path("column_classifications") }}' as seed_file,
        classifications.row_key,
        'mask_rule' as column_name,
        classifications.mask_rule as offending_value,
        'mask_rule_on_public' as rule_name,
        'the column is classified ' || classifications.classification
        || ', which is shown as is; remove the mask rule or classify the column' as message
    from classifications
    inner join columns
        on classifications.row_key = columns.row_key
    where classifications.mask_rule is not null and not columns.is_protected

)

select * from final
