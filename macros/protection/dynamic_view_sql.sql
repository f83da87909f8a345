{#- The SELECT of the dynamic view protecting base table `table_name` (guide §5.2), generated from
    the protection seeds: each classified column shown in clear to the groups cleared for its
    classification and masked (its mask rule) for everyone else; rows kept when the caller is in
    a group with an every-row rule or in a group allowed the row's value. A caller in no group
    sees masked values and no row of a filtered table (default deny); a caller in several groups
    sees the union of their rows (the guide's CASE would give only the first group's region).
    A table with classified columns exposes exactly those columns (a column added to the base
    table later stays hidden until it is classified); a table without any exposes all columns.
    Reads the policy with run_query at execution; at parse time it only declares dependencies
    (the policy models, the policy_violations gate and the base table), so a policy violation or
    a malformed seed skips the view: nothing is replaced. -#}
{% macro dynamic_view_sql(table_name) %}
    {%- set columns_relation = ref('int_protection__columns') -%}
    {%- set clearances_relation = ref('int_protection__column_clearances') -%}
    {%- set row_access_relation = ref('int_protection__row_access') -%}
    {%- set gate = ref('fct_policy_violations') -%}
    {%- set declarations = ref('stg_policy__protected_tables') -%}
    {%- set membership = uc_governance.group_membership_relation() -%}
    {%- set base = uc_governance.protected_base_relation(table_name) -%}
    {%- if not execute -%}
        {{- return('select 1 as parsing') -}}
    {%- endif -%}
    {%- set table_literal = uc_governance.string_literal(table_name | lower) -%}
    {%- set declared = run_query(
        "select enforcement, view_name from " ~ declarations
        ~ " where table_name = " ~ table_literal) -%}
    {%- set securable = (model.config.meta or {}).get('uc_governance_securable', '') -%}
    {%- if declared.rows | length != 1 or declared.rows[0][0] != 'view'
        or 'VIEW ' ~ declared.rows[0][1] != securable -%}
        {{ exceptions.raise_compiler_error(
            "uc_governance: model " ~ model.name ~ " builds " ~ securable ~ " over " ~ table_name
            ~ ", which seeds/policy/protected_tables.csv does not declare (enforcement 'view' and this view_name)") }}
    {%- endif -%}
    {%- set columns = run_query(
        "select column_name, column_key, data_type, is_protected, mask_rule from " ~ columns_relation
        ~ " where table_name = " ~ table_literal ~ " order by column_key") -%}
    {%- set clearances = run_query(
        "select column_key, group_name from " ~ clearances_relation
        ~ " where table_name = " ~ table_literal ~ " order by column_key, group_key") -%}
    {%- set row_rules = run_query(
        "select column_name, group_name, allowed_value, all_rows from " ~ row_access_relation
        ~ " where table_name = " ~ table_literal ~ " order by all_rows desc, group_key, allowed_value") -%}
    {%- set cleared = {} -%}
    {%- for row in clearances.rows -%}
        {%- do cleared.setdefault(row[0], []).append(row[1]) -%}
    {%- endfor -%}
    {%- set select_list = [] -%}
    {%- for column in columns.rows -%}
        {%- set quoted = adapter.quote(column[0]) -%}
        {%- if not column[3] -%}
            {%- do select_list.append(quoted) -%}
        {%- else -%}
            {%- set masked = uc_governance.mask_sql(column[4], quoted, column[2]) -%}
            {%- set groups = cleared.get(column[1], []) -%}
            {%- if groups -%}
                {%- set tests = [] -%}
                {%- for group in groups -%}
                    {%- do tests.append(uc_governance.is_account_group_member_sql(group)) -%}
                {%- endfor -%}
                {%- do select_list.append(
                    "case\n        when " ~ tests | join("\n            or ") ~ " then " ~ quoted
                    ~ "\n        else " ~ masked ~ "\n    end as " ~ quoted) -%}
            {%- else -%}
                {%- do select_list.append(masked ~ " as " ~ quoted) -%}
            {%- endif -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set row_tests = [] -%}
    {%- for rule in row_rules.rows -%}
        {%- set member = uc_governance.is_account_group_member_sql(rule[1]) -%}
        {%- if rule[3] -%}
            {%- do row_tests.append(member) -%}
        {%- else -%}
            {%- do row_tests.append(
                "(" ~ member ~ " and cast(" ~ adapter.quote(rule[0]) ~ " as " ~ dbt.type_string()
                ~ ") = " ~ uc_governance.string_literal(rule[2]) ~ ")") -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set sql -%}
select
    {{ select_list | join(",\n    ") if select_list else "*" }}
from {{ base }}
{%- if row_tests %}
where
    {{ row_tests | join("\n    or ") }}
{%- endif %}
    {%- endset -%}
    {{- return(sql) -}}
{% endmacro %}
