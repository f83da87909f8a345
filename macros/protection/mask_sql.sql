{#- SQL expression: `expression` masked by mask rule `mask_rule` (seeds/vocabulary/mask_rules.csv),
    returning `data_type`. A classified column with no rule gets `redact`. An unknown rule stops
    compilation (the policy rules refuse it earlier, with file and row). -#}
{% macro mask_sql(mask_rule, expression, data_type) %}
    {%- set rule = (mask_rule or 'redact') | lower -%}
    {%- if rule == 'partial_email' -%}
        {{- return(uc_governance.mask_partial_email_sql(expression)) -}}
    {%- elif rule == 'last4_phone' -%}
        {{- return(uc_governance.mask_last4_phone_sql(expression)) -}}
    {%- elif rule == 'last4_ssn' -%}
        {{- return(uc_governance.mask_last4_ssn_sql(expression)) -}}
    {%- elif rule == 'redact' -%}
        {{- return(uc_governance.mask_redact_sql(expression, data_type)) -}}
    {%- elif rule == 'keyed_hash' -%}
        {{- return(uc_governance.mask_keyed_hash_sql(expression)) -}}
    {%- elif rule == 'year_only' -%}
        {{- return(uc_governance.mask_year_only_sql(expression, data_type)) -}}
    {%- elif rule == 'nullify' -%}
        {{- return(uc_governance.mask_nullify_sql(expression, data_type)) -}}
    {%- endif -%}
    {{ exceptions.raise_compiler_error("uc_governance: unknown mask rule '" ~ rule
        ~ "'; see seeds/vocabulary/mask_rules.csv") }}
{% endmacro %}

{#- Private: the type name before any parenthesis, lower case (`decimal(10,2)` -> `decimal`). -#}
{% macro _base_type(data_type) %}
    {%- set name = (data_type or '') | lower | trim | replace(' ', '') -%}
    {{- return(name.split('(')[0]) -}}
{% endmacro %}
