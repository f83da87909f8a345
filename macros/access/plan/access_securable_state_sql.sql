{#- Declared securables with their live state: whether each exists now (on a target without
    Unity Catalog, the tables and views that pipelines build are assumed to), and its current
    owner (whoever creates a catalog or schema owns it until the owner is changed: the runner),
    and whether the runner's information_schema view of its grants is partial (partial_view_sql).
    `declared` has the columns of int_access__declared_securables, `live_securables` those of
    stg_uc__securables (a relation or a parenthesised SELECT). -#}
{% macro access_securable_state_sql(declared, live_securables) %}
    select
        declared.*,
        case
            when live_securables.securable_name is not null then true
            {#- native protection functions: created by step 20 of this plan, before the grants #}
            when declared.created_by_protection then true
            {%- set built_views = uc_governance.dynamic_views_built_this_run() %}
            {%- if built_views %}
            {#- dynamic views dbt builds in this run, before apply (data protection) #}
            when lower(declared.securable_type || ' ' || declared.securable_name) in (
                {%- for key in built_views %}{{ uc_governance.string_literal_sql(key) }}{{ ', ' if not loop.last }}{% endfor -%}
            ) then true
            {%- endif %}
            {%- if not uc_governance.can_enforce_grants() %}
            when not declared.created_by_uc_governance then true
            {%- endif %}
            else false
        end as exists_now,
        coalesce(
            live_securables.owner_key,
            lower({{ uc_governance.current_principal_sql() }})
        ) as current_owner_key,
        {#- the runner sees only part of the grants on it (docs/decisions/0043) #}
        coalesce(
            live_securables.securable_name is not null
            and {{ uc_governance.partial_view_sql('declared', live_securables) }},
            false
        ) as partial_view
    from {{ declared }} as declared
    left join {{ live_securables }} as live_securables
        on
            declared.securable_class = live_securables.securable_class
            and declared.securable_name = live_securables.securable_name
{% endmacro %}
