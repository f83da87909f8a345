{#- The catalogs that the policy seeds manage and that exist in the metastore now, as a list of
    lower-case names: one read, the declared catalogs joined with
    system.information_schema.catalogs. A catalog that does not exist yet has no
    information_schema to read. On a target without Unity Catalog (local) nothing exists. The
    relations are named before any early return so that the lineage is the same on every target. -#}
{% macro present_managed_catalogs(declared_securables) %}
    {%- set metastore_catalogs = source('unity_catalog', 'catalogs') -%}
    {%- if not execute or not uc_governance.can_enforce_grants() -%}
        {{- return([]) -}}
    {%- endif -%}
    {%- set query -%}
        select distinct declared.catalog_name
        from {{ declared_securables }} as declared
        inner join {{ metastore_catalogs }} as live
            on lower(live.catalog_name) = declared.catalog_name
        order by declared.catalog_name
    {%- endset -%}
    {{- return(run_query(query).columns[0].values() | list) -}}
{% endmacro %}
