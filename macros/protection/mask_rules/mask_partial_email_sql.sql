{#- Mask rule partial_email (guide §5.2): the first 3 characters of the local part, `***@`, the
    domain. split_part is 1-based on both engines (unlike Spark's 0-based split(...)[i] and
    DuckDB's 1-based lists) and returns '' when there is no '@'. NULL stays NULL, '' stays ''. -#}
{% macro mask_partial_email_sql(expression) %}
    {{- "case when " ~ expression ~ " is null or " ~ expression ~ " = '' then " ~ expression
        ~ " else left(split_part(" ~ expression ~ ", '@', 1), 3) || '***@' || split_part("
        ~ expression ~ ", '@', 2) end" -}}
{% endmacro %}
