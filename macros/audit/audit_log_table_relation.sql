{#- `<catalog>`.`security`.`audit_logs`: the guide's audit table, in the catalog whose `security`
    schema seeds/policy/securables.csv declares. Reads the staged securables, so only at
    execution; at parse time (and when compiling offline) the catalog is a placeholder. -#}
{% macro audit_log_table_relation() %}
    {%- if not execute or flags.INTROSPECT is false -%}
        {#- Parse time, or an offline `dbt compile --no-introspect`: the catalog is unknown. -#}
        {{- return('`catalog_of_the_security_schema`.`security`.`audit_logs`') -}}
    {%- endif -%}
    {#- the seed, normalised like stg_policy__securables (ephemeral on Databricks, so it has no
        relation to query: docs/decisions/0041) -#}
    {%- set query -%}
        select distinct split_part(lower(trim(securable_name)), '.', 1) as catalog_name
        from {{ ref('securables') }}
        where
            upper(trim(securable_type)) = 'SCHEMA'
            and split_part(lower(trim(securable_name)), '.', 2) = 'security'
    {%- endset -%}
    {%- set catalogs = run_query(query).columns[0].values() | list -%}
    {%- if catalogs | length != 1 -%}
        {{- exceptions.raise_compiler_error(
            "uc_governance: audit source 'external_table' needs exactly one SCHEMA row named <catalog>.security in seeds/policy/securables.csv; found "
            ~ (catalogs | length) ~ " (" ~ (catalogs | join(', ')) ~ "). Nothing was applied.") -}}
    {%- endif -%}
    {{- return('`' ~ catalogs[0] | replace('`', '``') ~ '`.`security`.`audit_logs`') -}}
{% endmacro %}
