{#- The grants plan as a SQL script for review: `make plan` (or `dbt compile --select
    governance_plan_review` after building governance_plan) writes it to
    target/compiled/uc_governance/analyses/governance_plan_review.sql and target/plan/plan.sql.
    Every statement apply would send, in order, each under a comment saying why; rows that are
    deliberately left alone are listed as comments. -#}
{%- do ref('governance_plan') -%}
{% if execute -%}
    {%- set plan = run_query(
        'select plan_order, action, securable_type, securable_name, principal, privileges, '
        ~ 'statement, reason from ' ~ ref('governance_plan') ~ ' order by plan_order'
    ) -%}
-- uc_governance plan for target {{ target.name }} ({{ target.type }}): {{ plan.rows | length }} row(s)
{%- if not uc_governance.can_enforce_grants() %}
-- This target cannot enforce Unity Catalog grants: computed against an empty privilege state.
{%- endif %}
    {%- for row in plan.rows %}

-- {{ row['plan_order'] }}. {{ row['action'] }} {{ row['securable_type'] }} {{ row['securable_name'] }}
{%- if row['principal'] %} / {{ row['principal'] }}{% endif %}: {{ row['reason'] }}
{%- if row['statement'] %}
{{ row['statement'] }};
{%- elif row['privileges'] %}
-- (kept: {{ row['privileges'] }})
{%- endif %}
    {%- endfor %}
{%- endif %}
