{#- SQL expression: the user running the query. -#}
{% macro current_user_sql() %}
    {{- return(adapter.dispatch('current_user_sql', 'uc_governance')()) -}}
{% endmacro %}

{#- DuckDB: the simulated user, read when the query runs from the DuckDB variable
    uc_governance_local_user (SET VARIABLE), else the var uc_governance_local_user. -#}
{% macro default__current_user_sql() %}
    {{- "coalesce(cast(getvariable('uc_governance_local_user') as varchar), "
        ~ uc_governance.string_literal_sql(uc_governance.uc_governance_config()['local_user']) ~ ")" -}}
{% endmacro %}

{#- Databricks implementation of current_user_sql. -#}
{% macro databricks__current_user_sql() %}
    {{- "current_user()" -}}
{% endmacro %}
