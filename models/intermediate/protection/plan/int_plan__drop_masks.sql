{#- Plan action rows: see macro plan_drop_masks_sql. -#}
{{ uc_governance.plan_drop_masks_sql(
    ref('int_protection__native_masks'),
    ref('stg_uc__protection_state'),
    ref('stg_policy__protected_tables'),
) }}
