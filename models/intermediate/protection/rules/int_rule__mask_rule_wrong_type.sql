{#- A mask rule on a column whose type it does not fit (a mask returns the column's type), e.g.
    partial_email on a date. The type is compared by its name before any parenthesis. -#}
with

classifications as (

    select * from {{ ref('stg_policy__column_classifications') }}

),

mask_rules as (

    select * from {{ ref('stg_vocabulary__mask_rules') }}

),

typed as (

    select
        classifications.row_key,
        classifications.mask_rule,
        classifications.data_type,
        mask_rules.data_types,
        split_part(classifications.data_type, '(', 1) as base_type
    from classifications
    inner join mask_rules
        on classifications.mask_rule = mask_rules.mask_rule

),

final as (

    select
        '{{ uc_governance.seed_path("column_classifications") }}' as seed_file,
        row_key,
        'mask_rule' as column_name,
        mask_rule as offending_value,
        'mask_rule_wrong_type' as rule_name,
        'cannot mask a column of type ' || data_type || '; the rule fits: ' || data_types as message
    from typed
    where
        data_types != '*'
        and (' ' || data_types || ' ') not like ('% ' || base_type || ' %')

)

select * from final
