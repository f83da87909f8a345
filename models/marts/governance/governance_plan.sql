{#- What apply would send to make Unity Catalog match the policy seeds, computed against the
    live state read at build time (stg_uc__*; empty on target local). One row per action,
    securable and principal, in the order apply sends them. Each action is its own model
    (models/intermediate/<concern>/plan/int_plan__*); a new action is one more line here. -#}
-- depends_on: {{ ref('policy_violations') }}
{{ uc_governance.governance_plan_sql([
    ref('int_plan__missing_securables'),
    ref('int_plan__keeps'),
    ref('int_plan__partial_view'),
    ref('int_plan__create_securables'),
    ref('int_plan__revokes'),
    ref('int_plan__grants'),
    ref('int_plan__set_owners'),
    ref('int_plan__create_functions'),
    ref('int_plan__create_views'), ref('int_plan__replace_views'),
    ref('int_plan__drop_masks'),
    ref('int_plan__drop_row_filters'),
    ref('int_plan__unset_tags'),
    ref('int_plan__drop_functions'),
    ref('int_plan__set_masks'),
    ref('int_plan__set_row_filters'),
    ref('int_plan__set_tags'),
]) }}
