{#- Plan rows (step 20): CREATE OR REPLACE VIEW for each dynamic view that does not exist while
    its base table does (a view over a missing table waits, and so do its grants, as a missing
    securable). Only where the plan is enforced and the dynamic views are on: on target local
    the dbt view models build them. `definitions` has the columns of
    int_protection__view_definitions, `live_state` those of stg_uc__protection_state,
    `live_securables` those of stg_uc__securables. -#}
{% macro plan_create_views_sql(definitions, live_state, live_securables) %}
    select
        {{- uc_governance._protection_plan_row_sql(
            20, 'create_view', "'VIEW'", 'definitions.view_name', 'definitions.create_statement',
            "'dynamic view over ' || definitions.table_name || '; does not exist'") }}
    from {{ uc_governance._views_over_live_tables_sql(definitions, live_securables) }} as definitions
    left join (
        select object_name from {{ live_state }}
        where state_kind = 'view'
    ) as live
        on definitions.view_name = live.object_name
    where live.object_name is null
{% endmacro %}

{#- Private: a parenthesised SELECT of the rows of `definitions` whose base table exists in
    `live_securables`; none where the plan creates no view (a target that cannot enforce grants,
    or uc_governance_dynamic_views false). -#}
{% macro _views_over_live_tables_sql(definitions, live_securables) %}
    {%- set enabled = uc_governance.can_enforce_grants()
        and uc_governance.uc_governance_config()['dynamic_views'] -%}
    (
        select views.* from {{ definitions }} as views
        inner join {{ live_securables }} as base_tables
            on
                base_tables.securable_class = 'TABLE'
                and views.table_name = base_tables.securable_name
        {%- if not enabled %}
        where 1 = 0
        {%- endif %}
    )
{% endmacro %}
