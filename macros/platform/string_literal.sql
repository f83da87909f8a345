{#- A value known to Jinja (a catalog name, a test argument) as a SQL string literal. -#}
{% macro string_literal(value) %}
    {{- return(adapter.dispatch('string_literal', 'uc_governance')(value)) -}}
{% endmacro %}

{% macro default__string_literal(value) %}
    {{- return("'" ~ (value | string) | replace("'", "''") ~ "'") -}}
{% endmacro %}

{#- Databricks string literals escape with a backslash; a doubled quote would end the literal. -#}
{% macro databricks__string_literal(value) %}
    {{- return("'" ~ (value | string) | replace('\\', '\\\\') | replace("'", "\\'") ~ "'") -}}
{% endmacro %}
