{#- The dbt database (relation catalog) where objects of Unity Catalog catalog `catalog_name` live. -#}
{% macro securable_database(catalog_name) %}
    {{- return(adapter.dispatch('securable_database', 'uc_governance')(catalog_name)) -}}
{% endmacro %}

{#- DuckDB: one local database; Unity Catalog schemas become schemas of the same name in it. -#}
{% macro default__securable_database(catalog_name) %}
    {{- return(target.database) -}}
{% endmacro %}

{#- Databricks implementation of securable_database. -#}
{% macro databricks__securable_database(catalog_name) %}
    {{- return(catalog_name) -}}
{% endmacro %}
