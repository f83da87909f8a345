{#- Target local only: every mask rule applied to the sample values of seeds/demo/
    mask_rule_samples.csv, one column per rule. Its dbt unit tests fix each rule's output (NULL,
    empty and short inputs included) by hand; tests/protection proves Spark gives the same. -#}
{{ config(enabled=target.type != 'databricks', materialized='view') }}

with

samples as (

    select * from {{ ref('mask_rule_samples') }}

),

final as (

    select
        sample_id,
        text_value,
        date_value,
        {{ uc_governance.mask_partial_email_sql('text_value') }} as partial_email,
        {{ uc_governance.mask_last4_phone_sql('text_value') }} as last4_phone,
        {{ uc_governance.mask_last4_ssn_sql('text_value') }} as last4_ssn,
        {{ uc_governance.mask_redact_sql('text_value', 'string') }} as redact_text,
        {{ uc_governance.mask_redact_sql('date_value', 'date') }} as redact_date,
        {{ uc_governance.mask_keyed_hash_sql('text_value') }} as keyed_hash,
        {{ uc_governance.mask_year_only_sql('date_value', 'date') }} as year_only,
        {{ uc_governance.mask_nullify_sql('text_value', 'string') }} as nullify
    from samples

)

select * from final
