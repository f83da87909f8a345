{#- A mask rule outside seeds/vocabulary/mask_rules.csv. -#}
with

classifications as (

    select * from {{ ref('stg_policy__column_classifications') }}

),

mask_rules as (

    select * from {{ ref('stg_vocabulary__mask_rules') }}

),

final as (

    select
        '{{ uc_governance.seed_path("column_classifications") }}' as seed_file,
        classifications.row_key,
        'mask_rule' as column_name,
        classifications.mask_rule as offending_value,
        'mask_rule_unknown' as rule_name,
        'unknown mask rule; see seeds/vocabulary/mask_rules.csv' as message
    from classifications
    left join mask_rules
        on classifications.mask_rule = mask_rules.mask_rule
    where classifications.mask_rule is not null and mask_rules.mask_rule is null

)

select * from final
