{#- The principal dbt runs as, as a plain string (one read on Databricks). It is always protected
    from revokes. -#}
{% macro current_principal() %}
    {{- return(adapter.dispatch('current_principal', 'uc_governance')()) -}}
{% endmacro %}

{#- DuckDB has no Unity Catalog identity: target local simulates one (var uc_governance_local_user). -#}
{% macro default__current_principal() %}
    {{- return(uc_governance.uc_governance_config()['local_user']) -}}
{% endmacro %}

{#- Databricks: one read of current_user(). -#}
{% macro databricks__current_principal() %}
    {%- if not execute -%}
        {{- return('') -}}
    {%- endif -%}
    {%- set result = run_query('select current_user() as principal') -%}
    {{- return(result.columns[0].values()[0]) -}}
{% endmacro %}
