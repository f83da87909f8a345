{#- The catalogs that the policy seeds manage and that exist in the metastore now, as a list of
    lower-case names. Catalogs that do not exist yet have no information_schema to read. -#}
{% macro present_managed_catalogs() %}
    {{- return(adapter.dispatch('present_managed_catalogs', 'uc_governance')()) -}}
{% endmacro %}

{#- DuckDB (target local) has no Unity Catalog: nothing exists, the plan starts from empty. -#}
{% macro default__present_managed_catalogs() %}
    {{- return([]) -}}
{% endmacro %}

{#- One read: declared catalogs joined with system.information_schema.catalogs. -#}
{% macro databricks__present_managed_catalogs() %}
    {%- set declared = ref('stg_policy__securables') -%}
    {%- set metastore_catalogs = source('unity_catalog', 'catalogs') -%}
    {%- if not execute -%}
        {{- return([]) -}}
    {%- endif -%}
    {%- set query -%}
        select distinct declared.catalog_name
        from {{ declared }} as declared
        inner join {{ metastore_catalogs }} as live
            on lower(live.catalog_name) = declared.catalog_name
        order by declared.catalog_name
    {%- endset -%}
    {{- return(run_query(query).columns[0].values() | list) -}}
{% endmacro %}
