{#- A SQL expression: element `position` (1-based) of the array `expression`. -#}
{% macro array_element_sql(expression, position) %}
    {{- return(adapter.dispatch('array_element_sql', 'uc_governance')(expression, position)) -}}
{% endmacro %}

{#- Spark and Databricks SQL: element_at counts from 1 (subscripts count from 0). -#}
{% macro default__array_element_sql(expression, position) %}
    {{- return('element_at(' ~ expression ~ ', ' ~ (position | int) ~ ')') -}}
{% endmacro %}

{#- DuckDB: list subscripts count from 1. -#}
{% macro duckdb__array_element_sql(expression, position) %}
    {{- return(expression ~ '[' ~ (position | int) ~ ']') -}}
{% endmacro %}
