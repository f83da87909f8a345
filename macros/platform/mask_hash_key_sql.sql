{#- SQL expression: the secret key of the keyed_hash mask rule. Never a literal from the repository
    on Databricks. -#}
{% macro mask_hash_key_sql() %}
    {{- return(adapter.dispatch('mask_hash_key_sql', 'uc_governance')()) -}}
{% endmacro %}

{#- DuckDB has no secret store: the key comes from env UC_GOVERNANCE_LOCAL_HASH_KEY (a fixed demo
    key when unset; target local holds demo data only). -#}
{% macro default__mask_hash_key_sql() %}
    {{- uc_governance.string_literal_sql(env_var('UC_GOVERNANCE_LOCAL_HASH_KEY', 'local-demo-key-not-a-secret')) -}}
{% endmacro %}

{#- Databricks: secret(scope, key), read by the warehouse when the view runs. -#}
{% macro databricks__mask_hash_key_sql() %}
    {%- set config = uc_governance.uc_governance_config() -%}
    {{- "secret(" ~ uc_governance.string_literal_sql(config['mask_hash_secret_scope']) ~ ", "
        ~ uc_governance.string_literal_sql(config['mask_hash_secret_key']) ~ ")" -}}
{% endmacro %}
