{#- A parenthesised SQL list of the action names of the given kinds of audit_action_catalog(),
    for `action_name in {{ audit_actions_sql(['login']) }}`. -#}
{% macro audit_actions_sql(kinds) %}
    {%- set catalog = uc_governance.audit_action_catalog() -%}
    {%- set names = [] -%}
    {%- for kind in ([kinds] if kinds is string else kinds) -%}
        {%- if kind not in catalog -%}
            {{ exceptions.raise_compiler_error("uc_governance: audit_actions_sql: unknown kind '" ~ kind ~ "'; known: " ~ (catalog.keys() | list | join(', '))) }}
        {%- endif -%}
        {%- for name in catalog[kind] if name not in names -%}
            {%- do names.append(name) -%}
        {%- endfor -%}
    {%- endfor -%}
    {%- set literals = [] -%}
    {%- for name in names -%}
        {%- do literals.append(uc_governance.string_literal_sql(name)) -%}
    {%- endfor -%}
    {{- return('(' ~ literals | join(', ') ~ ')') -}}
{% endmacro %}
