{#- Plan action rows: see macro plan_create_functions_sql. -#}
{{ uc_governance.plan_create_functions_sql(
    ref('int_protection__native_functions'),
    ref('stg_uc__protection_state'),
) }}
