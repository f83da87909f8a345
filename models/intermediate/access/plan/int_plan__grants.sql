{#- Plan action rows: see macro plan_grants_sql. -#}
{{ uc_governance.plan_grants_sql(
    ref('int_access__grant_comparison'), ref('int_access__securable_state')) }}
