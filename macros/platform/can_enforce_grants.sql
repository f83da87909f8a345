{#- Whether the target can enforce Unity Catalog grants at all. -#}
{% macro can_enforce_grants() %}
    {{- return(adapter.dispatch('can_enforce_grants', 'uc_governance')()) -}}
{% endmacro %}

{#- DuckDB (target local) has no Unity Catalog: plans are shown, never applied. -#}
{% macro default__can_enforce_grants() %}
    {{- return(false) -}}
{% endmacro %}

{#- Databricks enforces Unity Catalog grants. -#}
{% macro databricks__can_enforce_grants() %}
    {{- return(true) -}}
{% endmacro %}
