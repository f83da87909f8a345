{#- Desired and live direct grants side by side, as read at build time. Logic: macro
    access_grant_comparison_sql (the drift test runs it on a fresh read). -#}
{{ uc_governance.access_grant_comparison_sql(
    ref('int_access__desired_grants'),
    ref('int_access__declared_securables'),
    ref('stg_uc__privileges'),
) }}
