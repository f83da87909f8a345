{#- Plan action rows: see macro plan_create_views_sql. -#}
{{ uc_governance.plan_create_views_sql(
    ref('int_protection__view_definitions'),
    ref('stg_uc__protection_state'),
    ref('stg_uc__securables'),
) }}
