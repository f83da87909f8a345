{#- Generic test: live Unity Catalog grants match the policy seeds. Fails with one row per
    difference, read fresh when the test runs: every statement apply would still send (missing
    grant, undeclared direct grant, missing catalog or schema, wrong owner). Owners, protected
    principals and securables that do not exist yet are not drift; the plan explains them. Put it
    on governance_apply_log so that `dbt build` runs it after apply; run it alone with
    `dbt test --select governance_apply_log,test_name:live_grants_match_policy` to detect drift
    without applying. Databricks only. -#}
{% test live_grants_match_policy(model) %}
    {{ config(tags=['live_grants'], enabled=(target.type != 'duckdb')) }}
    {%- set catalogs = uc_governance.present_managed_catalogs() %}
    {{ uc_governance.grants_plan_sql(
        '(' ~ uc_governance.live_privileges_sql(catalogs) ~ ')',
        '(' ~ uc_governance.live_securables_sql(catalogs) ~ ')',
        only_changes=true,
    ) }}
{% endtest %}
