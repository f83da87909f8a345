{#- Mask rule year_only: the first day of the value's year, in the column's type (date or
    timestamp). make_date and year() behave alike on both engines. NULL stays NULL. -#}
{% macro mask_year_only_sql(expression, data_type) %}
    {{- "cast(make_date(year(" ~ expression ~ "), 1, 1) as " ~ data_type ~ ")" -}}
{% endmacro %}
