{#- The mask rules mask_sql implements, in the order of seeds/vocabulary/mask_rules.csv (a test
    checks that both list the same rules). Native protection renders one function template per
    rule from this list. -#}
{% macro mask_rule_names() %}
    {{- return(['partial_email', 'last4_phone', 'last4_ssn', 'redact', 'keyed_hash', 'year_only', 'nullify']) -}}
{% endmacro %}
