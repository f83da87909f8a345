{#- A column classification outside seeds/vocabulary/classifications.csv. -#}
with

classifications as (

    select * from {{ ref('stg_policy__column_classifications') }}

),

vocabulary as (

    select * from {{ ref('stg_vocabulary__classifications') }}

),

final as (

    select
        '{{ uc_governance.seed_path("column_classifications") }}' as seed_file,
        classifications.row_key,
        'classification' as column_name,
        classifications.classification as offending_value,
        'classification_unknown' as rule_name,
        'unknown classification; see seeds/vocabulary/classifications.csv' as message
    from classifications
    left join vocabulary
        on classifications.classification = vocabulary.classification
    where vocabulary.classification is null

)

select * from final
