{#- SQL expression: a privilege name as Unity Catalog reports it, in the seeds' spelling
    (upper case, words separated by spaces). information_schema and SHOW GRANTS have been seen
    with both `USE_SCHEMA` and `USE SCHEMA` (verify against the warehouse): both map to
    `USE SCHEMA` here, and nowhere else. -#}
{% macro normalize_privilege_sql(expression) %}
    {{- "upper(replace(trim(" ~ expression ~ "), '_', ' '))" -}}
{% endmacro %}
