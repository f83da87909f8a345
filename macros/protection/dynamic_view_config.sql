{#- The model config of the dynamic view `view_name` (`catalog.schema.view`, as declared in
    securables.csv): a view built in that catalog and schema (not in dbt's working schema), named
    so. meta.uc_governance_literal_schema makes generate_schema_name keep the schema as given. -#}
{% macro dynamic_view_config(view_name) %}
    {%- set parts = view_name | lower | trim | string -%}
    {%- set parts = parts.split('.') -%}
    {%- if parts | length != 3 -%}
        {{ exceptions.raise_compiler_error(
            "uc_governance: dynamic view name '" ~ view_name ~ "' must be catalog.schema.view") }}
    {%- endif -%}
    {{- return({
        'materialized': 'view',
        'database': uc_governance.securable_database(parts[0]),
        'schema': parts[1],
        'alias': parts[2],
        'meta': {'uc_governance_literal_schema': true, 'uc_governance_securable': 'VIEW ' ~ parts | join('.')},
        'tags': ['protection'],
    }) -}}
{% endmacro %}
