{#- Plan action rows: see macro plan_set_masks_sql. -#}
{{ uc_governance.plan_set_masks_sql(
    ref('int_protection__native_masks'),
    ref('stg_uc__protection_state'),
    ref('int_access__securable_state'),
) }}
