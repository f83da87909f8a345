{#- Plan action rows: see macro plan_revokes_sql. -#}
{{ uc_governance.plan_revokes_sql(
    ref('int_access__grant_comparison'), ref('int_access__securable_state')) }}
