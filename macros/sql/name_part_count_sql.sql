{#- SQL expression: the number of dot-separated parts in a securable name. -#}
{% macro name_part_count_sql(expression) %}
    {{- "(length(" ~ expression ~ ") - length(replace(" ~ expression ~ ", '.', '')) + 1)" -}}
{% endmacro %}
