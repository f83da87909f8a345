{#- Plan rows (step 0, no statement): existing declared securables whose grants the runner sees
    only in part (int_access__securable_state.partial_view), so that the reader knows the plan
    may not list every undeclared grant there, and whether revokes are planned on them
    (uc_governance_revoke_on_partial_view). `securable_state` has the columns of
    int_access__securable_state. -#}
{% macro plan_partial_view_sql(securable_state) %}
    {%- set revoke = uc_governance.uc_governance_config()['revoke_on_partial_view'] %}
    {%- set reason -%}
        'the runner is neither metastore admin nor owner of this securable or of its catalog or '
        || 'schema, so information_schema shows it only part of the grants here; declared grants '
        {%- if revoke %}
        || 'are applied, and undeclared grants it can see are revoked '
        || '(uc_governance_revoke_on_partial_view is true)'
        {%- else %}
        || 'are applied, undeclared grants are not revoked '
        || '(set uc_governance_revoke_on_partial_view to revoke the ones it can see)'
        {%- endif %}
    {%- endset %}
    select
        {{- uc_governance._info_plan_row_sql("'partial_view'", reason) }}
    from {{ securable_state }} as securable_state
    where partial_view
{% endmacro %}
