{#- A clearance for a classification outside the vocabulary, or for one that is not protected. -#}
with

clearances as (

    select * from {{ ref('stg_policy__clearances') }}

),

vocabulary as (

    select * from {{ ref('stg_vocabulary__classifications') }}

),

final as (

    select
        '{{ uc_governance.seed_path("clearances") }}' as seed_file,
        clearances.row_key,
        'classification' as column_name,
        clearances.classification as offending_value,
        'clearance_classification_unknown' as rule_name,
        case
            when vocabulary.classification is null
                then 'unknown classification; see seeds/vocabulary/classifications.csv'
            else 'is not a protected classification; everyone sees it in clear'
        end as message
    from clearances
    left join vocabulary
        on clearances.classification = vocabulary.classification
    where vocabulary.classification is null or not vocabulary.is_protected

)

select * from final
