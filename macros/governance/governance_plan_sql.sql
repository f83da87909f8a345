{#- The governance plan as a SELECT: the union of the plan action relations given (each with the
    plan row contract: plan_step, action, securable_type, securable_name, principal, privileges,
    privilege_count, destructive_count, statement, reason), numbered in the order apply sends
    them, with a readable key. Each action is a relation or a parenthesised SELECT. With `only_changes`, only the rows that carry a statement. -#}
{% macro governance_plan_sql(actions, only_changes=false) %}
    select
        row_number() over (
            order by
                plan_step, securable_name, securable_type, action, coalesce(principal, ''),
                coalesce(privileges, '')
        ) as plan_order,
        action || ' | ' || securable_type || ' ' || securable_name
        || coalesce(' | ' || principal, '')
        -- ALL PRIVILEGES is always a statement of its own (never in a list): keep the key unique
        || case when privileges = 'ALL PRIVILEGES' then ' | ALL PRIVILEGES' else '' end
        as plan_key,
        plan_step,
        action,
        securable_type,
        securable_name,
        principal,
        privileges,
        privilege_count,
        destructive_count,
        statement,
        reason
    from (
        {{- uc_governance.union_all_sql(actions, [
            'plan_step', 'action', 'securable_type', 'securable_name', 'principal', 'privileges',
            'privilege_count', 'destructive_count', 'statement', 'reason']) }}
    ) as actions
    {%- if only_changes %}
    where statement is not null
    {%- endif %}
{% endmacro %}
