{#- SQL expression: true when an information_schema privilege row is a direct grant rather than
    one inherited from a parent. Unity Catalog documents NULL for direct grants; some warehouses
    return the string 'NONE' (verify). Both are treated as direct here, and nowhere else. -#}
{% macro is_direct_grant_sql(expression) %}
    {{- "(" ~ expression ~ " is null or upper(trim(" ~ expression ~ ")) in ('', 'NONE'))" -}}
{% endmacro %}
