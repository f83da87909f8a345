{#- Aggregates `expression` into one string, values sorted and separated by `separator`
    (a SQL string literal). -#}
{% macro sorted_string_agg_sql(expression, separator) %}
    {{- return(adapter.dispatch('sorted_string_agg_sql', 'uc_governance')(expression, separator)) -}}
{% endmacro %}

{#- DuckDB and ANSI engines: string_agg with an ordered argument list. -#}
{% macro default__sorted_string_agg_sql(expression, separator) %}
    {{- "string_agg(" ~ expression ~ ", " ~ separator ~ " order by " ~ expression ~ ")" -}}
{% endmacro %}

{#- Databricks: string_agg ... order by needs recent runtimes; collect_list works everywhere. -#}
{% macro databricks__sorted_string_agg_sql(expression, separator) %}
    {{- "array_join(array_sort(collect_list(" ~ expression ~ ")), " ~ separator ~ ")" -}}
{% endmacro %}
