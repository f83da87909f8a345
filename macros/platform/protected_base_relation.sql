{#- The relation of protected base table `table_name` (`catalog.schema.table`) that a dynamic view
    reads. -#}
{% macro protected_base_relation(table_name) %}
    {{- return(adapter.dispatch('protected_base_relation', 'uc_governance')(table_name)) -}}
{% endmacro %}

{#- DuckDB: the demo-only sample seed `demo_<table>` (loaded in schema <schema> of the local
    database, where the source points on local), so that dbt loads it before the view. -#}
{% macro default__protected_base_relation(table_name) %}
    {{- return(ref('demo_' ~ table_name.split('.')[-1])) -}}
{% endmacro %}

{#- Databricks: the source `<catalog>__<schema>`.<table>, built by pipelines. -#}
{% macro databricks__protected_base_relation(table_name) %}
    {%- set parts = table_name.split('.') -%}
    {{- return(source(parts[0] ~ '__' ~ parts[1], parts[2])) -}}
{% endmacro %}
