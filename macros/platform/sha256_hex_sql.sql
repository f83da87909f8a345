{#- SQL expression: the SHA-256 digest of a string expression as 64 lower-case hex characters. -#}
{% macro sha256_hex_sql(expression) %}
    {{- return(adapter.dispatch('sha256_hex_sql', 'uc_governance')(expression)) -}}
{% endmacro %}

{#- DuckDB (and any engine without Unity Catalog) implementation of sha256_hex_sql. -#}
{% macro default__sha256_hex_sql(expression) %}
    {{- "sha256(" ~ expression ~ ")" -}}
{% endmacro %}

{#- Databricks spells it sha2(x, 256). -#}
{% macro databricks__sha256_hex_sql(expression) %}
    {{- "sha2(" ~ expression ~ ", 256)" -}}
{% endmacro %}
