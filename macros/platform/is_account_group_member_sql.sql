{#- SQL boolean expression: the caller is a member of account group `group_name` (a Jinja string). -#}
{% macro is_account_group_member_sql(group_name) %}
    {{- return(adapter.dispatch('is_account_group_member_sql', 'uc_governance')(group_name)) -}}
{% endmacro %}

{#- DuckDB has no account: membership is simulated from the demo membership seed for the
    simulated caller (current_user_sql). -#}
{% macro default__is_account_group_member_sql(group_name) %}
    {{- "exists (select 1 from " ~ uc_governance.group_membership_relation()
        ~ " as membership where membership.user_key = lower(" ~ uc_governance.current_user_sql()
        ~ ") and membership.group_key = lower(" ~ uc_governance.string_literal_sql(group_name) ~ "))" -}}
{% endmacro %}

{#- Databricks implementation of is_account_group_member_sql. -#}
{% macro databricks__is_account_group_member_sql(group_name) %}
    {{- "is_account_group_member(" ~ uc_governance.string_literal_sql(group_name) ~ ")" -}}
{% endmacro %}
