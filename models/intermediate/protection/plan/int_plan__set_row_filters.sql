{#- Plan action rows: see macro plan_set_row_filters_sql. -#}
{{ uc_governance.plan_set_row_filters_sql(
    ref('int_protection__native_row_filters'),
    ref('stg_uc__protection_state'),
    ref('int_access__securable_state'),
) }}
