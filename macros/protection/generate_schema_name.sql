{#- dbt's schema naming hook. Nodes whose meta sets uc_governance_literal_schema (the dynamic views,
    the local demo base tables) are built in the schema they name, because that is the Unity
    Catalog schema the securables seed declares; every other node keeps dbt's default
    (<target schema>_<custom schema>). -#}
{% macro generate_schema_name(custom_schema_name, node) %}
    {%- set meta = (node.config.meta if node is not none and node.config is defined else {}) or {} -%}
    {%- if custom_schema_name is not none and meta.get('uc_governance_literal_schema') -%}
        {{- custom_schema_name | trim -}}
    {%- else -%}
        {{- default__generate_schema_name(custom_schema_name, node) -}}
    {%- endif -%}
{% endmacro %}
