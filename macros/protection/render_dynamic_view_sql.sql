{#- Renders a dynamic view's SELECT from a protected table's policy, without any query (so it is
    testable offline, and compiles with --no-introspect):
    - each column of `columns` in order: a public one as is; a protected one in clear for members
      of its groups in `cleared` and masked (mask_sql) for everyone else;
    - no column listed: `select *` (a table with row rules only);
    - rows kept when the caller is in a group of an every-row rule, or in a group whose allowed
      value equals the row's column (compared as strings). Rules are OR-ed: a person in several
      groups sees the union of their rows (the guide's CASE gave only the first group's region);
      a person in none sees no row (the guide's ELSE NULL). No rules: no filter.
    Identifiers are quoted by the adapter, group names and values as string literals. -#}
{% macro render_dynamic_view_sql(base_relation, columns, cleared, row_rules) %}
    {%- set select_list = [] -%}
    {%- for column in columns -%}
        {%- set quoted = adapter.quote(column['column_name']) -%}
        {%- if not column['is_protected'] -%}
            {%- do select_list.append(quoted) -%}
        {%- else -%}
            {%- set masked = uc_governance.mask_sql(column['mask_rule'], quoted, column['data_type']) -%}
            {%- set tests = [] -%}
            {%- for group in cleared.get(column['column_key'], []) -%}
                {%- do tests.append(uc_governance.is_account_group_member_sql(group)) -%}
            {%- endfor -%}
            {%- if tests -%}
                {%- do select_list.append(
                    "case\n        when " ~ tests | join("\n            or ") ~ " then " ~ quoted
                    ~ "\n        else " ~ masked ~ "\n    end as " ~ quoted) -%}
            {%- else -%}
                {%- do select_list.append(masked ~ " as " ~ quoted) -%}
            {%- endif -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set row_tests = [] -%}
    {%- for rule in row_rules -%}
        {%- set member = uc_governance.is_account_group_member_sql(rule['group_name']) -%}
        {%- if rule['all_rows'] -%}
            {%- do row_tests.append(member) -%}
        {%- else -%}
            {%- do row_tests.append(
                "(" ~ member ~ " and cast(" ~ adapter.quote(rule['column_name']) ~ " as " ~ dbt.type_string()
                ~ ") = " ~ uc_governance.string_literal_sql(rule['allowed_value']) ~ ")") -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set sql -%}
select
    {{ select_list | join(",\n    ") if select_list else "*" }}
from {{ base_relation }}
{%- if row_tests %}
where
    {{ row_tests | join("\n    or ") }}
{%- endif %}
    {%- endset -%}
    {{- return(sql) -}}
{% endmacro %}
