{#- A SQL expression: the date `expression` plus `days` days (a whole number known to Jinja).
    Through epoch milliseconds, so that it needs no adapter round trip (dbt-databricks' dateadd
    asks the warehouse for its version) and runs alike on DuckDB and Spark. -#}
{% macro audit_add_days_sql(expression, days) %}
    {%- set epoch_ms = uc_governance.timestamp_to_epoch_ms_sql('cast(' ~ expression ~ ' as timestamp)') -%}
    {%- set shifted = epoch_ms ~ ' + ' ~ (days | int) * 86400000 -%}
    {{- return('cast(' ~ uc_governance.epoch_ms_to_timestamp_sql(shifted) ~ ' as date)') -}}
{% endmacro %}
