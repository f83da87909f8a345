{#- Mask rule redact (the rule of a classified column that names none): `[REDACTED]` for a string,
    NULL for any other type (a mask keeps the column's type). NULL stays NULL. -#}
{% macro mask_redact_sql(expression, data_type) %}
    {%- if uc_governance._base_type(data_type) == 'string' -%}
        {{- "case when " ~ expression ~ " is null then null else '[REDACTED]' end" -}}
    {%- else -%}
        {{- uc_governance.mask_nullify_sql(expression, data_type) -}}
    {%- endif -%}
{% endmacro %}
