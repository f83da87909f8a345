{#- Mask rule last4_ssn (guide §5.2): `***-**-` and the last 4 characters; 4 characters or fewer
    become `***-**-****`. NULL stays NULL, '' stays ''. -#}
{% macro mask_last4_ssn_sql(expression) %}
    {{- uc_governance._mask_last4_sql(expression, '***-**-') -}}
{% endmacro %}
