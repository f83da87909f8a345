{#- Plan action rows: see macro plan_unset_tags_sql. -#}
{{ uc_governance.plan_unset_tags_sql(
    ref('int_protection__native_tags'),
    ref('stg_uc__protection_state'),
    ref('stg_policy__protected_tables'),
) }}
