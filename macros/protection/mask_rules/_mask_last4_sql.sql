{#- Private: `prefix` and the last 4 characters of a string expression; 4 characters or fewer are
    fully masked. -#}
{% macro _mask_last4_sql(expression, prefix) %}
    {{- "case when " ~ expression ~ " is null or " ~ expression ~ " = '' then " ~ expression
        ~ " when length(" ~ expression ~ ") <= 4 then '" ~ prefix ~ "****'"
        ~ " else '" ~ prefix ~ "' || right(" ~ expression ~ ", 4) end" -}}
{% endmacro %}
