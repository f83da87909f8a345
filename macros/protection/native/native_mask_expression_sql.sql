{#- SQL expression (evaluated by the warehouse over policy rows) whose value is the text of the
    masked expression of a native mask function: mask rule `mask_rule` applied to the function's
    parameter (native_function_parameter), returning type `data_type`. The text comes from the
    same mask rule macros as the dynamic views (mask_sql), rendered once per rule at compile time
    for a string column and for any other type (a placeholder then replaced by the column's
    type, which validate_policy_seed allows only as letters and digits, e.g. decimal(10,2)).
    Arguments are SQL expressions (column names). An unknown rule gives NULL (the policy rule
    mask_rule_unknown stops the build before). -#}
{% macro native_mask_expression_sql(mask_rule, data_type) %}
    {%- set parameter = uc_governance.native_function_parameter() -%}
    {%- set placeholder = '__uc_governance_data_type__' -%}
    {%- set literal = uc_governance.string_literal_sql -%}
    {%- set base_type = "split_part(" ~ data_type ~ ", '(', 1)" -%}
    {%- set branches = [] -%}
    {%- for rule in uc_governance.mask_rule_names() -%}
        {%- do branches.append(
            "when " ~ mask_rule ~ " = " ~ literal(rule) ~ " and " ~ base_type ~ " = 'string' then "
            ~ literal(uc_governance.mask_sql(rule, parameter, 'string'))) -%}
        {%- do branches.append(
            "when " ~ mask_rule ~ " = " ~ literal(rule) ~ " then replace("
            ~ literal(uc_governance.mask_sql(rule, parameter, placeholder)) ~ ", "
            ~ literal(placeholder) ~ ", upper(" ~ data_type ~ "))") -%}
    {%- endfor -%}
    {{- return("case " ~ branches | join(" ") ~ " end") -}}
{% endmacro %}

{#- The name of the one parameter of a native mask function (the masked column's value). -#}
{% macro native_function_parameter() %}
    {{- return('column_value') -}}
{% endmacro %}
