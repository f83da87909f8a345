{#- A SQL expression: milliseconds since 1970-01-01 UTC of the timestamp `expression` (bigint). -#}
{% macro timestamp_to_epoch_ms_sql(expression) %}
    {{- return(adapter.dispatch('timestamp_to_epoch_ms_sql', 'uc_governance')(expression)) -}}
{% endmacro %}

{#- Spark and Databricks SQL: unix_millis. -#}
{% macro default__timestamp_to_epoch_ms_sql(expression) %}
    {{- return('unix_millis(' ~ expression ~ ')') -}}
{% endmacro %}

{#- DuckDB: epoch_ms(timestamp) returns the milliseconds. -#}
{% macro duckdb__timestamp_to_epoch_ms_sql(expression) %}
    {{- return('epoch_ms(' ~ expression ~ ')') -}}
{% endmacro %}
