{#- Fails with one row per difference between the live Unity Catalog state (read fresh, now)
    and the policy seeds: every statement apply would still send. Owners, protected principals
    and securables that do not exist yet are not drift (the plan explains them). -#}
-- depends_on: {{ ref('governance_apply_log') }}
{%- set catalogs = uc_governance.present_managed_catalogs() %}
{{ uc_governance.grants_plan_sql(
    '(' ~ uc_governance.live_privileges_sql(catalogs) ~ ')',
    '(' ~ uc_governance.live_securables_sql(catalogs) ~ ')',
    only_changes=true,
) }}
