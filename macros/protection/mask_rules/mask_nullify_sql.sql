{#- Mask rule nullify: NULL of the column's type for every value. -#}
{% macro mask_nullify_sql(expression, data_type) %}
    {{- "cast(null as " ~ data_type ~ ")" -}}
{% endmacro %}
