{#- Whether a catalog of this name exists in the metastore (one read on Databricks). -#}
{% macro catalog_exists(catalog) %}
    {{- return(adapter.dispatch('catalog_exists', 'uc_governance')(catalog)) -}}
{% endmacro %}

{#- DuckDB (target local) has no Unity Catalog. -#}
{% macro default__catalog_exists(catalog) %}
    {{- return(false) -}}
{% endmacro %}

{% macro databricks__catalog_exists(catalog) %}
    {%- set metastore_catalogs = source('unity_catalog', 'catalogs') -%}
    {%- if not execute -%}
        {{- return(false) -}}
    {%- endif -%}
    {%- set query -%}
        select count(*) from {{ metastore_catalogs }}
        where lower(catalog_name) = lower({{ uc_governance.string_literal(catalog) }})
    {%- endset -%}
    {{- return(run_query(query).columns[0].values()[0] | int > 0) -}}
{% endmacro %}
