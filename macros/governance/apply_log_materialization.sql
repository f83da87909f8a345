{#- Materialization of governance_apply_log: the log table is created once (from the model's
    empty SELECT), then kept; every build runs the model's hooks, and the post-hook (macro
    apply_governance_plan) applies the plan and returns the insert of its log rows. Nothing else
    is sent: no incremental bookkeeping (describe, constraints, masks, row filters, properties,
    temporary view, insert of zero rows), which on Databricks cost 11 round trips a build
    (docs/decisions/0041-fixed-cost-of-a-no-op-run.md). Whether the table exists is answered by
    dbt's relation cache (the schema listing dbt does at start), not by a read of its own.
    --full-refresh, or a relation of another type, recreates it (the log is emptied). -#}
{% materialization uc_governance_apply_log, default %}
    {%- set target_relation = this.incorporate(type='table') -%}
    {%- set existing = adapter.get_relation(
        database=this.database, schema=this.schema, identifier=this.identifier) -%}

    {{ run_hooks(pre_hooks, inside_transaction=False) }}
    {{ run_hooks(pre_hooks, inside_transaction=True) }}

    {%- if existing is none or should_full_refresh() or not existing.is_table %}
        {%- if existing is not none -%}
            {%- do adapter.drop_relation(existing) -%}
        {%- endif %}
        {%- call statement('main') -%}
            {{ get_create_table_as_sql(False, target_relation, sql) }}
        {%- endcall %}
    {%- else %}
        {#- the table is there: nothing to build, no round trip -#}
        {%- do store_raw_result(
            name='main', message='OK (kept)', code='OK', rows_affected=0, agate_table=none) -%}
    {%- endif %}

    {{ run_hooks(post_hooks, inside_transaction=True) }}
    {%- do adapter.commit() -%}
    {{ run_hooks(post_hooks, inside_transaction=False) }}

    {{ return({'relations': [target_relation]}) }}
{% endmaterialization %}
