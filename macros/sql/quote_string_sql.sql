{#- The one place that turns free text from data (comments, storage URLs) into a Databricks
    string literal: a SQL expression that escapes backslashes and single quotes with a backslash
    (Databricks string literals treat the backslash as an escape character) and wraps the text in
    single quotes. NULL stays NULL. -#}
{% macro quote_string_sql(expression) %}
    {{- "(chr(39) || replace(replace(" ~ expression ~ ", chr(92), chr(92) || chr(92)), chr(39), chr(92) || chr(39)) || chr(39))" -}}
{% endmacro %}
