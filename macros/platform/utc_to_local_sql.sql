{#- A SQL expression: the UTC timestamp `expression` as wall-clock time in the IANA time zone
    `time_zone` (a name known to Jinja, validated by uc_governance_config). -#}
{% macro utc_to_local_sql(expression, time_zone) %}
    {{- return(adapter.dispatch('utc_to_local_sql', 'uc_governance')(expression, time_zone)) -}}
{% endmacro %}

{#- Spark and Databricks SQL: from_utc_timestamp. -#}
{% macro default__utc_to_local_sql(expression, time_zone) %}
    {{- return('from_utc_timestamp(' ~ expression ~ ', ' ~ uc_governance.string_literal_sql(time_zone) ~ ')') -}}
{% endmacro %}

{#- DuckDB (ICU): read the value as UTC, then take the wall clock in the zone. -#}
{% macro duckdb__utc_to_local_sql(expression, time_zone) %}
    {{- return('timezone(' ~ uc_governance.string_literal_sql(time_zone) ~ ', timezone(\'UTC\', ' ~ expression ~ '))') -}}
{% endmacro %}
