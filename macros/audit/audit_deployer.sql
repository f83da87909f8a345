{#- The principal that deploys this project: var uc_governance_deployer, else the principal
    running dbt (uc_governance_local_user on target local). Lower-case. -#}
{% macro audit_deployer() %}
    {%- set deployer = uc_governance.uc_governance_config()['deployer'] -%}
    {{- return((deployer if deployer else uc_governance.current_principal()) | lower) -}}
{% endmacro %}
