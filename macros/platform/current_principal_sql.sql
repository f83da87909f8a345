{#- The principal dbt runs as, as a SQL expression evaluated by the statement that uses it: no
    read of its own (current_principal() costs one round trip per caller). -#}
{% macro current_principal_sql() %}
    {{- return(adapter.dispatch('current_principal_sql', 'uc_governance')()) -}}
{% endmacro %}

{#- Target local (DuckDB) has no Unity Catalog identity: the simulated one, as a literal. -#}
{% macro default__current_principal_sql() %}
    {{- return(uc_governance.string_literal_sql(uc_governance.uc_governance_config()['local_user'])) -}}
{% endmacro %}

{#- Databricks: current_user(), the user's email or the service principal's application id. -#}
{% macro databricks__current_principal_sql() %}
    {{- return('current_user()') -}}
{% endmacro %}
