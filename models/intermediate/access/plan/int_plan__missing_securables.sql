{#- Plan action rows: see macro plan_missing_securables_sql. -#}
{{ uc_governance.plan_missing_securables_sql(ref('int_access__securable_state')) }}
