{#- A SQL expression: the UTC timestamp of `expression` milliseconds since 1970-01-01 (bigint). -#}
{% macro epoch_ms_to_timestamp_sql(expression) %}
    {{- return(adapter.dispatch('epoch_ms_to_timestamp_sql', 'uc_governance')(expression)) -}}
{% endmacro %}

{#- Spark and Databricks SQL: timestamp_millis. -#}
{% macro default__epoch_ms_to_timestamp_sql(expression) %}
    {{- return('timestamp_millis(' ~ expression ~ ')') -}}
{% endmacro %}

{#- DuckDB: epoch_ms(bigint) returns a timestamp without time zone. -#}
{% macro duckdb__epoch_ms_to_timestamp_sql(expression) %}
    {{- return('epoch_ms(cast(' ~ expression ~ ' as bigint))') -}}
{% endmacro %}
