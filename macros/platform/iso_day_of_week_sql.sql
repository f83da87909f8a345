{#- A SQL expression: ISO day of the week of `expression` (1 Monday ... 7 Sunday). -#}
{% macro iso_day_of_week_sql(expression) %}
    {{- return(adapter.dispatch('iso_day_of_week_sql', 'uc_governance')(expression)) -}}
{% endmacro %}

{#- Spark and Databricks SQL: extract(dow_iso ...); their dayofweek counts from Sunday. -#}
{% macro default__iso_day_of_week_sql(expression) %}
    {{- return('extract(dow_iso from ' ~ expression ~ ')') -}}
{% endmacro %}

{#- DuckDB: isodow; its dayofweek counts Sunday as 0. -#}
{% macro duckdb__iso_day_of_week_sql(expression) %}
    {{- return('isodow(' ~ expression ~ ')') -}}
{% endmacro %}
