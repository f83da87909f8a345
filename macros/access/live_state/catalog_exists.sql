{#- Whether a catalog of this name exists in the metastore: one read of
    system.information_schema.catalogs; always false on a target without Unity Catalog (local). -#}
{% macro catalog_exists(catalog) %}
    {%- set metastore_catalogs = source('unity_catalog', 'catalogs') -%}
    {%- if not execute or not uc_governance.can_enforce_grants() -%}
        {{- return(false) -}}
    {%- endif -%}
    {%- set query -%}
        select count(*) from {{ metastore_catalogs }}
        where lower(catalog_name) = lower({{ uc_governance.string_literal_sql(catalog) }})
    {%- endset -%}
    {{- return(run_query(query).columns[0].values()[0] | int > 0) -}}
{% endmacro %}
