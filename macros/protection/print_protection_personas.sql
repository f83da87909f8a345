{#- run-operation (target local): prints what each demo persona (seeds/policy/demo_group_members.csv,
    plus someone in no group) sees in every dynamic view, by setting the DuckDB variable the
    simulated is_account_group_member reads. On other targets it says why it prints nothing. -#}
{% macro print_protection_personas(limit=10) %}
    {%- if target.type != 'duckdb' -%}
        {{ print('uc_governance: persona preview needs target local (simulated group membership); on Databricks query the views as each person.') }}
        {{ return('') }}
    {%- endif -%}
    {%- set views = [] -%}
    {%- for node in graph.nodes.values() if node.resource_type == 'model' -%}
        {%- if (node.config.meta or {}).get('uc_governance_securable') -%}
            {%- do views.append(node) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set members = ref('stg_policy__demo_group_members') -%}
    {%- set personas = run_query(
        "select user_key, " ~ uc_governance.sorted_string_agg_sql('group_name', "', '")
        ~ " from " ~ members ~ " group by user_key order by user_key") -%}
    {%- set people = [] -%}
    {%- for row in personas.rows -%}
        {%- do people.append([row[0], row[1]]) -%}
    {%- endfor -%}
    {%- do people.append(['nobody@example.com', 'no group']) -%}
    {%- for person in people -%}
        {%- do run_query("set variable uc_governance_local_user = " ~ uc_governance.string_literal_sql(person[0])) -%}
        {{ print('\n=== ' ~ person[0] ~ ' (' ~ person[1] ~ ')') }}
        {%- for node in views | sort(attribute='name') -%}
            {%- set relation = api.Relation.create(database=node.database, schema=node.schema, identifier=node.alias) -%}
            {%- set result = run_query('select * from ' ~ relation ~ ' limit ' ~ (limit | int)) -%}
            {{ print('--- ' ~ node.config.meta['uc_governance_securable'] ~ ': ' ~ result.rows | length ~ ' row(s)') }}
            {%- if result.rows | length > 0 -%}
                {{ print('    ' ~ result.column_names | join(' | ')) }}
            {%- endif -%}
            {%- for row in result.rows -%}
                {%- set cells = [] -%}
                {%- for value in row -%}
                    {%- do cells.append('NULL' if value is none else value | string) -%}
                {%- endfor -%}
                {{ print('    ' ~ cells | join(' | ')) }}
            {%- endfor -%}
        {%- endfor -%}
    {%- endfor -%}
    {%- do run_query("reset variable uc_governance_local_user") -%}
    {{ return('') }}
{% endmacro %}
