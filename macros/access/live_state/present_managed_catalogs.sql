{#- The catalogs that the policy seeds manage and that exist in the metastore now, as a list of
    lower-case names: one read, the declared catalogs joined with
    system.information_schema.catalogs. A catalog that does not exist yet has no
    information_schema to read. On a target without Unity Catalog (local) nothing exists. The
    relations are named before any early return so that the lineage is the same on every target.
    The read goes to the seeds themselves, with the staging model's normalisation (names
    trimmed and lower-cased; metastore-level types belong to no catalog): on Databricks the
    staging models are ephemeral, so `declared_securables` has no relation to query
    (docs/decisions/0041-fixed-cost-of-a-no-op-run.md). -#}
{% macro present_managed_catalogs(declared_securables) %}
    {%- set metastore_catalogs = source('unity_catalog', 'catalogs') -%}
    {%- set securables = ref('securables') -%}
    {%- set securable_types = ref('securable_types') -%}
    {%- if not execute or not uc_governance.can_enforce_grants() -%}
        {{- return([]) -}}
    {%- endif -%}
    {%- set query -%}
        select distinct declared.catalog_name
        from (
            select split_part(lower(trim(securables.securable_name)), '.', 1) as catalog_name
            from {{ securables }} as securables
            left join {{ securable_types }} as securable_types
                on upper(trim(securables.securable_type))
                    = upper(trim(securable_types.securable_type))
            where coalesce(lower(trim(securable_types.level)), 'catalog') = 'catalog'
        ) as declared
        inner join {{ metastore_catalogs }} as live
            on lower(live.catalog_name) = declared.catalog_name
        order by declared.catalog_name
    {%- endset -%}
    {{- return(run_query(query).columns[0].values() | list) -}}
{% endmacro %}
