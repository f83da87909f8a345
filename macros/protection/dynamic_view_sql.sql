{#- The SELECT of the dynamic view protecting base table `table_name` (guide §5.2) on a target
    where dbt builds the view models (target local; on Databricks the plan creates the views,
    docs/decisions/0051): the select list and row filter of int_protection__view_definitions
    (fetched with run_query at execution), over this target's base relation. One generator for
    both targets. At parse time it only declares dependencies (the definitions, the
    policy_violations gate, the membership relation on local, the base table), so a policy
    violation or a malformed seed skips the view: nothing is replaced. The calling model must
    be configured by dynamic_view_config with the view that protected_tables.csv names. -#}
{% macro dynamic_view_sql(table_name) %}
    {%- set definitions = ref('int_protection__view_definitions') -%}
    {%- set gate = ref('policy_violations') -%}
    {%- set membership = uc_governance.group_membership_relation() -%}
    {%- set base = uc_governance.protected_base_relation(table_name) -%}
    {%- if not execute -%}
        {{- return('select 1 as parsing') -}}
    {%- endif -%}
    {%- set declared = run_query(
        "select view_name, select_list_sql, where_sql from " ~ definitions
        ~ " where table_name = " ~ uc_governance.string_literal_sql(table_name | lower)) -%}
    {%- set securable = (model.config.meta or {}).get('uc_governance_securable', '') -%}
    {%- if declared.rows | length != 1 or 'VIEW ' ~ declared.rows[0][0] != securable -%}
        {{ exceptions.raise_compiler_error(
            "uc_governance: model " ~ model.name ~ " builds " ~ securable ~ " over " ~ table_name
            ~ ", which seeds/policy/protected_tables.csv does not declare (enforcement 'view' and this view_name)") }}
    {%- endif -%}
    {%- set row = declared.rows[0] -%}
    {%- set sql = "select\n    " ~ row[1] ~ "\nfrom " ~ base
        ~ ("\nwhere\n    " ~ row[2] if row[2] is not none else "") -%}
    {{- return(sql | replace(uc_governance._view_user_placeholder(), uc_governance.current_user_sql())) -}}
{% endmacro %}
