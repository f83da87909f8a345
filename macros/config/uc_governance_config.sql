{#- The one place where the project's settings and their defaults live. Every macro and model
    reads settings through this macro; users override them with `vars:` or `--vars`. -#}
{% macro uc_governance_config() %}
    {%- set defaults = {
        'apply': true,
        'max_revokes': 10,
        'allow_mass_revoke': false,
        'protected_principals': [],
        'local_user': 'local-user@example.com',
    } -%}
    {%- set resolved = {} -%}
    {%- for key, default in defaults.items() -%}
        {%- do resolved.update({key: var('uc_governance_' ~ key, default)}) -%}
    {%- endfor -%}
    {%- if resolved['protected_principals'] is string -%}
        {%- do resolved.update({'protected_principals': [resolved['protected_principals']]}) -%}
    {%- endif -%}
    {{ return(resolved) }}
{% endmacro %}
