{#- SQL expression (evaluated over policy rows) whose value is the text of the group membership
    test for the group named by SQL expression `group_name`, as the engine spells it
    (is_account_group_member_sql, rendered once with a placeholder that the warehouse replaces
    with the group as a quoted string literal, quote_string_sql). -#}
{% macro native_membership_test_sql(group_name) %}
    {%- set placeholder = '__uc_governance_group__' -%}
    {%- set literal = uc_governance.string_literal_sql -%}
    {{- return("replace(" ~ literal(uc_governance.is_account_group_member_sql(placeholder)) ~ ", "
        ~ literal(literal(placeholder)) ~ ", " ~ uc_governance.quote_string_sql(group_name) ~ ")") -}}
{% endmacro %}
