{#- What apply would send to make Unity Catalog match the policy seeds, computed against the
    live state read at build time (stg_uc__*; empty on target local). One row per action,
    securable and principal, in the order apply sends them. Logic: macro grants_plan_sql. -#}
-- depends_on: {{ ref('fct_policy_violations') }}
{{ uc_governance.grants_plan_sql(ref('stg_uc__privileges'), ref('stg_uc__securables')) }}
