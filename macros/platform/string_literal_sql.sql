{#- A value known to Jinja (a catalog name, a test argument) as a SQL string literal. -#}
{% macro string_literal_sql(value) %}
    {{- return(adapter.dispatch('string_literal_sql', 'uc_governance')(value)) -}}
{% endmacro %}

{#- ANSI literal (DuckDB): a single quote is doubled. -#}
{% macro default__string_literal_sql(value) %}
    {{- return("'" ~ (value | string) | replace("'", "''") ~ "'") -}}
{% endmacro %}

{#- Databricks string literals escape with a backslash; a doubled quote would end the literal. -#}
{% macro databricks__string_literal_sql(value) %}
    {{- return("'" ~ (value | string) | replace('\\', '\\\\') | replace("'", "\\'") ~ "'") -}}
{% endmacro %}
