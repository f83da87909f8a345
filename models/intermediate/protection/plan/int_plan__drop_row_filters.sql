{#- Plan action rows: see macro plan_drop_row_filters_sql. -#}
{{ uc_governance.plan_drop_row_filters_sql(
    ref('int_protection__native_row_filters'),
    ref('stg_uc__protection_state'),
    ref('stg_policy__protected_tables'),
) }}
