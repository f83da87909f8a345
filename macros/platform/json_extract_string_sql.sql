{#- A SQL expression: the value at JSON path `path` (e.g. '$.userIdentity.email') of the JSON text
    `expression`, as a string (objects and arrays as JSON text); NULL when absent. -#}
{% macro json_extract_string_sql(expression, path) %}
    {{- return(adapter.dispatch('json_extract_string_sql', 'uc_governance')(expression, path)) -}}
{% endmacro %}

{#- Spark and Databricks SQL: get_json_object. -#}
{% macro default__json_extract_string_sql(expression, path) %}
    {{- return('get_json_object(' ~ expression ~ ', ' ~ uc_governance.string_literal_sql(path) ~ ')') -}}
{% endmacro %}

{#- DuckDB's json extension spells it json_extract_string. -#}
{% macro duckdb__json_extract_string_sql(expression, path) %}
    {{- return('json_extract_string(' ~ expression ~ ', ' ~ uc_governance.string_literal_sql(path) ~ ')') -}}
{% endmacro %}
