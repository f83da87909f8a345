{#- Plan action rows: see macro plan_replace_views_sql. -#}
{{ uc_governance.plan_replace_views_sql(
    ref('int_protection__view_definitions'),
    ref('int_protection__view_exposure'),
    ref('stg_uc__protection_state'),
    ref('stg_uc__securables'),
) }}
