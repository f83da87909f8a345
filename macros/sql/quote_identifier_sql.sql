{#- The one place that turns a name from data (principal, catalog, schema, object) into a quoted
    Databricks identifier: a SQL expression that wraps `expression` in backticks and doubles any
    backtick inside. chr() keeps the literal characters out of the SQL text, so the same
    expression runs on Databricks and DuckDB. NULL stays NULL. -#}
{% macro quote_identifier_sql(expression) %}
    {{- "(chr(96) || replace(" ~ expression ~ ", chr(96), chr(96) || chr(96)) || chr(96))" -}}
{% endmacro %}
