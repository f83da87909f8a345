{#- Declared securables with their live state: whether each exists now (on a target without
    Unity Catalog, the tables and views that pipelines build are assumed to), and its current
    owner (whoever creates a catalog or schema owns it until the owner is changed: the runner),
    and whether the runner's information_schema view of its grants is partial (partial_view_sql).
    `declared` has the columns of int_access__declared_securables, `live_securables` those of
    stg_uc__securables (a relation or a parenthesised SELECT); `protection_views` (optional)
    those of int_protection__view_definitions: a declared view there counts as existing when its
    base table exists, since the plan creates it (docs/decisions/0051). -#}
{% macro access_securable_state_sql(declared, live_securables, protection_views=none) %}
    select
        declared.*,
        case
            when live_securables.securable_name is not null then true
            {#- native protection functions: created by step 20 of this plan, before the grants #}
            when declared.created_by_protection then true
            {%- if protection_views is not none %}
            {#- dynamic views the plan creates at step 20, before the grants: base table exists #}
            when view_bases.securable_name is not null then true
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
    {%- if protection_views is not none %}
    left join {{ protection_views }} as protection_views
        on
            declared.securable_type = 'VIEW'
            and declared.securable_name = protection_views.view_name
            and {{ uc_governance.uc_governance_config()['dynamic_views'] }}
    left join {{ live_securables }} as view_bases
        on
            view_bases.securable_class = 'TABLE'
            and protection_views.table_name = view_bases.securable_name
    {%- endif %}
{% endmacro %}
