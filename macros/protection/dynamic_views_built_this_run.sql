{#- The securables ('VIEW catalog.schema.view', lower case) of the dynamic view models selected in
    this dbt invocation: the plan treats them as existing, because apply runs after them
    (governance_apply_log depends on int_protection__dynamic_views), so a new view and its grants
    land in the same run. Empty at parse time. -#}
{% macro dynamic_views_built_this_run() %}
    {%- set built = [] -%}
    {%- if execute -%}
        {%- for node in graph.nodes.values() if node.resource_type == 'model' -%}
            {%- set securable = (node.config.meta or {}).get('uc_governance_securable') -%}
            {%- if securable and node.unique_id in selected_resources -%}
                {%- do built.append(securable | lower) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    {{- return(built | sort) -}}
{% endmacro %}
