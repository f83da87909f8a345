{#- Plan action rows: see macro plan_partial_view_sql. -#}
{{ uc_governance.plan_partial_view_sql(ref('int_access__securable_state')) }}
