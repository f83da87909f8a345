{#- The relation that answers group membership on targets without an account, or none where the
    account answers. Called by each dynamic view at parse time too, so that dbt orders it first. -#}
{% macro group_membership_relation() %}
    {{- return(adapter.dispatch('group_membership_relation', 'uc_governance')()) -}}
{% endmacro %}

{#- DuckDB: the demo-only membership seed (staged). -#}
{% macro default__group_membership_relation() %}
    {{- return(ref('stg_policy__demo_group_members')) -}}
{% endmacro %}

{#- Databricks implementation of group_membership_relation: the account answers. The staged seed
    is still referenced (and not read) so that a view has the same parents on every target. -#}
{% macro databricks__group_membership_relation() %}
    {%- do ref('stg_policy__demo_group_members') -%}
    {{- return(none) -}}
{% endmacro %}
