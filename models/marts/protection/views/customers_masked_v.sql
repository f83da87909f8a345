{#- Guide §5.2 masked view: customers with email and phone masked unless the reader is cleared for
    pii, SSN unless cleared for sensitive. Generated from the protection seeds. -#}
{{ config(**uc_governance.dynamic_view_config('production.analytics.customers_masked_v')) }}

{{ uc_governance.dynamic_view_sql('production.sensitive_data.customers') }}
