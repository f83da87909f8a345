{#- `dbt run-operation print_governance_summary`: after a build, prints what the policy declares,
    what the plan holds and what this target can and cannot enforce. Reads only. -#}
{% macro print_governance_summary() %}
    {%- set counts_query -%}
        select 'groups' as item, count(*) as n from {{ ref('stg_policy__groups') }}
        union all
        select 'service principals', count(*) from {{ ref('stg_policy__service_principals') }}
        union all
        select 'securables', count(*) from {{ ref('stg_policy__securables') }}
        union all
        select 'grants', count(*) from {{ ref('stg_policy__grants') }}
        union all
        select 'policy violations', count(*) from {{ ref('policy_violations') }}
    {%- endset -%}
    {%- set plan_query -%}
        select action, count(*) as n, sum(privilege_count) as privileges
        from {{ ref('governance_plan') }}
        group by action
        order by min(plan_step), action
    {%- endset -%}
    {%- set lines = ['', 'uc_governance summary (target ' ~ target.name ~ ', ' ~ target.type ~ ')', 'Policy:'] -%}
    {%- for row in run_query(counts_query).rows -%}
        {%- do lines.append('  ' ~ row[0] ~ ': ' ~ row[1]) -%}
    {%- endfor -%}
    {%- do lines.append('Plan (dbt show --select governance_plan; make plan writes target/plan/plan.sql):') -%}
    {%- for row in run_query(plan_query).rows -%}
        {%- do lines.append('  ' ~ row[0] ~ ': ' ~ row[1] ~ ' row(s), ' ~ (row[2] or 0) ~ ' privilege(s)') -%}
    {%- endfor -%}
    {%- set statements = run_query(
        'select statement from ' ~ ref('governance_plan')
        ~ ' where statement is not null order by plan_order'
    ).columns[0].values() -%}
    {%- set shown = 25 -%}
    {%- do lines.append('Statements' ~ (' (first ' ~ shown ~ ')' if statements | length > shown else '') ~ ':') -%}
    {%- for statement in statements[:shown] -%}
        {%- do lines.append('  ' ~ statement ~ ';') -%}
    {%- endfor -%}
    {%- if statements | length > shown -%}
        {%- do lines.append('  ... and ' ~ (statements | length - shown) ~ ' more (make plan)') -%}
    {%- endif -%}
    {%- if uc_governance.can_enforce_grants() -%}
        {%- do lines.append('This target enforces grants: apply ran in governance_apply_log.') -%}
    {%- else -%}
        {%- do lines.append('NOT ENFORCED: target ' ~ target.name ~ ' has no Unity Catalog. The plan was computed '
            ~ 'against an empty privilege state and nothing was granted or revoked; live-grant tests '
            ~ 'are disabled here. Run against a workspace with --target databricks (see README).') -%}
    {%- endif -%}
    {%- do lines.append('Docs: target/index.html (dbt docs serve).') -%}
    {{ print(lines | join('\n')) }}
{% endmacro %}
