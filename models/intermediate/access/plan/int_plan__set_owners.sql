{#- Plan action rows: see macro plan_set_owners_sql. -#}
{{ uc_governance.plan_set_owners_sql(ref('int_access__securable_state')) }}
