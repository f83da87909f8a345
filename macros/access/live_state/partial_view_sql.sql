{#- SQL boolean expression: true when the runner's information_schema view of the grants on the
    declared securable `declared` (a table alias with the columns of
    int_access__declared_securables) is partial. The privilege views show every grant on a
    securable only to the metastore admin (the owner of system.information_schema.metastores,
    shown to every user) and, on the stricter reading of the reference, to the owner of the
    securable or of its catalog or schema; anyone else, MANAGE holders included, sees only its
    own grants and those of its groups (docs/decisions/0043-partial-view.md). Ownership is read
    from `live_securables` (the columns of stg_uc__securables: the owners of securables the
    runner can see are always listed). The runner is current_user() or a group it is in
    (is_account_group_member takes a STRING expression). Always false on a target without Unity
    Catalog (local). -#}
{% macro partial_view_sql(declared, live_securables) %}
    {%- set metastores = source('unity_catalog', 'metastores') -%}
    {%- if not uc_governance.can_enforce_grants() -%}
        {{- return('false') -}}
    {%- endif -%}
    {%- set runner = uc_governance.principal_key_sql(uc_governance.current_principal_sql()) -%}
    {%- set sql -%}
        (
            not exists (
                select 1 from {{ metastores }} as metastore
                where {{ uc_governance._is_runner_sql('metastore.metastore_owner', runner) }}
            )
            and not exists (
                select 1 from {{ live_securables }} as owned
                where
                    (
                        (owned.securable_class = {{ declared }}.securable_class
                            and owned.securable_name = {{ declared }}.securable_name)
                        or (owned.securable_class = 'CATALOG'
                            and owned.securable_name = {{ declared }}.catalog_name)
                        or (owned.securable_class = 'SCHEMA'
                            and owned.securable_name = {{ declared }}.catalog_name || '.' || {{ declared }}.schema_name)
                    )
                    and {{ uc_governance._is_runner_sql('owned.owner', runner) }}
            )
        )
    {%- endset -%}
    {{- return(sql) -}}
{% endmacro %}

{#- Databricks only: whether the principal `expression` is the runner (key `runner`) or a group
    the runner belongs to. -#}
{% macro _is_runner_sql(expression, runner) %}
    {{- '(' ~ uc_governance.principal_key_sql(expression) ~ ' = ' ~ runner
        ~ ' or coalesce(is_account_group_member(' ~ expression ~ '), false))' -}}
{% endmacro %}
