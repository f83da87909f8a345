{#- Mask rule last4_phone (guide §5.2): `***-***-` and the last 4 characters. A value of 4
    characters or fewer would be shown whole, so it becomes `***-***-****`. NULL stays NULL,
    '' stays ''. -#}
{% macro mask_last4_phone_sql(expression) %}
    {{- uc_governance._mask_last4_sql(expression, '***-***-') -}}
{% endmacro %}
