{#- Plan action rows: see macro plan_drop_functions_sql. -#}
{{ uc_governance.plan_drop_functions_sql(
    ref('int_protection__native_functions'),
    ref('stg_uc__protection_state'),
    ref('stg_policy__protected_tables'),
) }}
