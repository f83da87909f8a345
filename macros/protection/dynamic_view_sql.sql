{#- The SELECT of the dynamic view protecting base table `table_name` (guide §5.2), generated from
    the protection seeds. Fetches the table's policy (run_query at execution) and hands it to
    render_dynamic_view_sql. At parse time it only declares dependencies (the policy models, the
    policy_violations gate, the membership relation on local, the base table), so a policy
    violation or a malformed seed skips the view: nothing is replaced. The calling model must be
    configured by dynamic_view_config with the view that protected_tables.csv names. -#}
{% macro dynamic_view_sql(table_name) %}
    {%- set declarations = ref('stg_policy__protected_tables') -%}
    {%- set columns_relation = ref('int_protection__columns') -%}
    {%- set clearances_relation = ref('int_protection__column_clearances') -%}
    {%- set row_access_relation = ref('int_protection__row_access') -%}
    {%- set gate = ref('policy_violations') -%}
    {%- set membership = uc_governance.group_membership_relation() -%}
    {%- set base = uc_governance.protected_base_relation(table_name) -%}
    {%- if not execute -%}
        {{- return('select 1 as parsing') -}}
    {%- endif -%}
    {%- set table_literal = uc_governance.string_literal_sql(table_name | lower) -%}
    {%- set declared = run_query(
        "select enforcement, view_name from " ~ declarations ~ " where table_name = " ~ table_literal) -%}
    {%- set securable = (model.config.meta or {}).get('uc_governance_securable', '') -%}
    {%- if declared.rows | length != 1 or declared.rows[0][0] != 'view'
        or 'VIEW ' ~ declared.rows[0][1] != securable -%}
        {{ exceptions.raise_compiler_error(
            "uc_governance: model " ~ model.name ~ " builds " ~ securable ~ " over " ~ table_name
            ~ ", which seeds/policy/protected_tables.csv does not declare (enforcement 'view' and this view_name)") }}
    {%- endif -%}
    {%- set columns = [] -%}
    {%- for row in run_query(
        "select column_name, column_key, data_type, is_protected, mask_rule from " ~ columns_relation
        ~ " where table_name = " ~ table_literal ~ " order by column_key").rows -%}
        {%- do columns.append({'column_name': row[0], 'column_key': row[1], 'data_type': row[2],
                               'is_protected': row[3], 'mask_rule': row[4]}) -%}
    {%- endfor -%}
    {%- set cleared = {} -%}
    {%- for row in run_query(
        "select column_key, group_name from " ~ clearances_relation
        ~ " where table_name = " ~ table_literal ~ " order by column_key, group_key").rows -%}
        {%- do cleared.setdefault(row[0], []).append(row[1]) -%}
    {%- endfor -%}
    {%- set row_rules = [] -%}
    {%- for row in run_query(
        "select column_name, group_name, allowed_value, all_rows from " ~ row_access_relation
        ~ " where table_name = " ~ table_literal ~ " order by all_rows desc, group_key, allowed_value").rows -%}
        {%- do row_rules.append({'column_name': row[0], 'group_name': row[1], 'allowed_value': row[2],
                                 'all_rows': row[3]}) -%}
    {%- endfor -%}
    {{- return(uc_governance.render_dynamic_view_sql(base, columns, cleared, row_rules)) -}}
{% endmacro %}
