{#- Post-hook of governance_apply_log, and the only macro that sends governance statements.
    Reads the plan, lists every destructive statement (revokes; later drops of masks, filters and
    tags), refuses a plan whose destructive changes exceed the configured threshold (before
    anything is sent), then sends each statement in plan order and stops at the first failure.
    On a target that cannot enforce grants (local) or with uc_governance_apply false it sends
    nothing and says so. Returns the insert of the log rows into `log_relation` (an empty string
    when there is nothing to log). -#}
{% macro apply_governance_plan(plan_relation, log_relation) %}
    {%- if not execute -%}
        {{ return('') }}
    {%- endif -%}
    {%- set settings = uc_governance.uc_governance_config() -%}
    {%- set query -%}
        with plan as (
            select plan_order, plan_key, action, securable_type, securable_name, principal,
                privileges, privilege_count, destructive_count, statement,
                count(*) over (partition by plan_order) as rows_at_order,
                count(*) over (partition by plan_key) as rows_with_key
            from {{ plan_relation }}
        )
        select * from plan
        where statement is not null or action = 'partial_view'
        order by plan_order
    {%- endset -%}
    {%- set rows = run_query(query).rows -%}
    {%- do uc_governance._refuse_inconsistent_plan(rows) -%}
    {%- set steps = [] -%}
    {%- for row in rows -%}
        {%- if row['statement'] is none -%}
            {#- partial_view rows (docs/decisions/0043): said, never sent -#}
            {{ log('uc_governance plan: partial view of the grants on ' ~ row['securable_type'] ~ ' '
                ~ row['securable_name'] ~ ': the runner is neither metastore admin nor owner of it or of a parent; '
                ~ ('undeclared grants it can see are revoked (uc_governance_revoke_on_partial_view is true)'
                    if uc_governance.uc_governance_config()['revoke_on_partial_view']
                    else 'no revoke is planned there (uc_governance_revoke_on_partial_view is false)'), info=True) }}
        {%- else -%}
            {%- do steps.append(row) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set destructive = [] -%}
    {%- set counts = {} -%}
    {%- for step in steps -%}
        {%- do counts.update({step['action']: counts.get(step['action'], 0) + 1}) -%}
        {%- if step['destructive_count'] | int > 0 -%}
            {%- do destructive.append(step) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set removed = destructive | sum(attribute='destructive_count') | int -%}
    {%- set summary = [] -%}
    {%- for action, count in counts | dictsort -%}
        {%- do summary.append(count ~ ' ' ~ action) -%}
    {%- endfor -%}
    {{ log('uc_governance plan: ' ~ steps | length ~ ' statement(s)'
        ~ (' (' ~ summary | join(', ') ~ ')' if summary else ', nothing to change'), info=True) }}
    {%- for step in destructive -%}
        {{ log('uc_governance plan ' ~ ('revokes' if step['action'] == 'revoke' else 'removes')
            ~ ': ' ~ step['statement'], info=True) }}
    {%- endfor -%}
    {%- if removed > settings['max_revokes'] and not settings['allow_mass_revoke'] -%}
        {{ exceptions.raise_compiler_error(
            'uc_governance: refusing to apply: the plan revokes ' ~ removed
            ~ ' privilege(s) in ' ~ destructive | length ~ ' statement(s), more than uc_governance_max_revokes = '
            ~ settings['max_revokes'] ~ '. Nothing was sent. Review the revokes listed above (or '
            ~ 'dbt show --select governance_plan) and, if they are intended, run again with '
            ~ "--vars '{uc_governance_allow_mass_revoke: true}'.") }}
    {%- endif -%}
    {%- set enforce = uc_governance.can_enforce_grants() and settings['apply'] -%}
    {%- if not uc_governance.can_enforce_grants() -%}
        {{ log('uc_governance: target ' ~ target.name ~ ' (' ~ target.type ~ ') cannot enforce Unity '
            ~ 'Catalog grants: the plan above was computed against an empty privilege state and '
            ~ 'nothing was sent. Use target databricks to apply it.', info=True) }}
        {%- set status = 'not_enforced' -%}
    {%- elif not settings['apply'] -%}
        {{ log('uc_governance: uc_governance_apply is false: nothing was sent.', info=True) }}
        {%- set status = 'planned' -%}
    {%- else -%}
        {%- set status = 'applied' -%}
    {%- endif -%}
    {%- if enforce -%}
        {%- set batch_size = uc_governance._apply_batch_size(settings['apply_batch_size']) -%}
        {%- for chunk in steps | batch(batch_size) -%}
            {%- set first = loop.index0 * batch_size + 1 -%}
            {%- set texts = [] -%}
            {%- for step in chunk -%}
                {{ log('uc_governance apply (' ~ (first + loop.index0) ~ '/' ~ steps | length ~ '): '
                    ~ step['statement'], info=True) }}
                {%- do texts.append(step['statement']) -%}
            {%- endfor -%}
            {%- if batch_size == 1 -%}
                {%- do adapter.execute(texts[0], auto_begin=false, fetch=false) -%}
            {%- else -%}
                {{ log('uc_governance apply: sending statements ' ~ first ~ '-' ~ (first + texts | length - 1)
                    ~ ' as one SQL script', info=True) }}
                {%- do adapter.execute(uc_governance.governance_script_sql(texts, first, steps | length),
                    auto_begin=false, fetch=false) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(uc_governance._apply_log_insert(log_relation, steps, status)) }}
{% endmacro %}


{#- Refuses, before anything is sent, a plan whose statements apply could not send safely: a
    step without a position or key, or sharing its position or key with another plan row (the
    order would be undefined, or one change sent twice). The same invariants are the plan's
    generic tests on target local; on Databricks they are checked here, on the rows apply has
    already read, so they cost no round trip (docs/decisions/0041). -#}
{% macro _refuse_inconsistent_plan(rows) %}
    {%- set broken = [] -%}
    {%- for row in rows -%}
        {%- if row['plan_order'] is none or row['plan_key'] is none
            or row['rows_at_order'] | int > 1 or row['rows_with_key'] | int > 1 -%}
            {%- do broken.append('plan_order ' ~ row['plan_order'] ~ ' (' ~ row['rows_at_order']
                ~ ' row(s)), plan_key ' ~ uc_governance._show_value(row['plan_key'])
                ~ ' (' ~ row['rows_with_key'] ~ ' row(s))') -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if broken -%}
        {{ exceptions.raise_compiler_error(
            'uc_governance: refusing to apply: ' ~ broken | length ~ ' plan step(s) without a unique '
            ~ 'position and key, so the order of the statements or their number is not defined: '
            ~ broken[:5] | join('; ') ~ ('; ...' if broken | length > 5 else '')
            ~ '. Nothing was sent. This is a bug in uc_governance: please report it with '
            ~ 'dbt show --select governance_plan.') }}
    {%- endif -%}
{% endmacro %}


{#- Statements per round trip for apply: the uc_governance_apply_batch_size setting resolved.
    'auto' is 500 where SQL scripting runs and 1 elsewhere. The Databricks SQL reference marks
    SQL scripting "Applies to: Databricks SQL, Databricks Runtime 16.3 and above";
    dbt-databricks' compare_dbr_version reads a cluster's runtime (one read, once per
    connection) and treats a SQL warehouse as the newest runtime. A size above 1 asked for on
    an older runtime stops before anything is sent. 500 statements make a script of roughly
    100-200 KB: 5,000 statements are 10 round trips (decision 0040). -#}
{% macro _apply_batch_size(setting) %}
    {%- set scripting = adapter.compare_dbr_version(16, 3) >= 0 -%}
    {%- if setting == 'auto' -%}
        {{- return(500 if scripting else 1) -}}
    {%- endif -%}
    {%- if setting > 1 and not scripting -%}
        {{ exceptions.raise_compiler_error(
            'uc_governance: refusing to apply: uc_governance_apply_batch_size = ' ~ setting
            ~ ' sends SQL scripts, which need a Databricks SQL warehouse or Databricks Runtime 16.3 '
            ~ "or above; this cluster runs an older runtime. Nothing was sent. Set it to 1 or 'auto'.") }}
    {%- endif -%}
    {{- return(setting | int) -}}
{% endmacro %}


{#- The insert of one log row per plan step into the apply log. -#}
{% macro _apply_log_insert(log_relation, steps, status) %}
    {%- if steps | length == 0 -%}
        {{ return('') }}
    {%- endif -%}
    {%- set literal = uc_governance.string_literal_sql -%}
    {%- set rows = [] -%}
    {%- for step in steps -%}
        {%- set values = [
            literal(invocation_id),
            dbt.current_timestamp(),
            literal(target.name),
            step['plan_order'] | int,
            literal(step['plan_key']),
            literal(step['action']),
            literal(step['securable_type']),
            literal(step['securable_name']),
            literal(step['principal']) if step['principal'] is not none else 'null',
            literal(step['privileges']) if step['privileges'] is not none else 'null',
            literal(step['statement']),
            literal(status),
        ] -%}
        {%- do rows.append('(' ~ values | join(', ') ~ ')') -%}
    {%- endfor -%}
    {{ return('insert into ' ~ log_relation ~ ' (invocation_id, applied_at, target_name, plan_order, '
        ~ 'plan_key, action, securable_type, securable_name, principal, privileges, statement, status)'
        ~ ' values\n' ~ rows | join(',\n')) }}
{% endmacro %}
