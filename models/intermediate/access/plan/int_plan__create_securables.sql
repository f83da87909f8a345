{#- Plan action rows: see macro plan_create_securables_sql. -#}
{{ uc_governance.plan_create_securables_sql(ref('int_access__securable_state')) }}
