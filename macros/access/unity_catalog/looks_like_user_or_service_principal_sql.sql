{#- SQL expression: true when a (lower-case) principal is a user email or a service principal
    application id rather than a group name. Row-level checks have already refused malformed ones. -#}
{% macro looks_like_user_or_service_principal_sql(expression) %}
    {{- "(" ~ expression ~ " like '%@%' or (length(" ~ expression ~ ") = 36 and " ~ expression
        ~ " like '________-____-____-____-____________'))" -}}
{% endmacro %}
