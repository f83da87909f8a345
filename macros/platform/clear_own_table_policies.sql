{#- On-run-start: removes every row filter and column mask Unity Catalog holds on the relations
    this project writes (its seeds and its table models: the policy it reads, the live-state
    snapshot, the plan, the apply log), before any of them is rebuilt. Databricks keeps a table's
    row filter, and its column masks on columns of the same name, when the table is replaced
    ("Manually apply row filters and column masks", the note on REPLACE TABLE: retained "to
    prevent accidental loss of data access policies"). A filter someone put on the `grants` seed
    or on the plan would therefore outlive every rebuild and hide rows from the plan. One read
    per catalog the project writes in; one ALTER per policy found, each said in the log (none on
    a healthy workspace). It stands in for dbt-databricks' own read before each table model
    (drop_row_filter_if_exists below), which only covered table models' row filters
    (docs/decisions/0041). -#}
{% macro clear_own_table_policies() %}
    {%- do adapter.dispatch('clear_own_table_policies', 'uc_governance')() -%}
{% endmacro %}

{#- DuckDB has neither row filters nor column masks: nothing to read. -#}
{% macro default__clear_own_table_policies() %}
{% endmacro %}

{#- Databricks: the relations of the project's enabled seeds and non-view models, one read of
    information_schema row_filters and column_masks per catalog (the column spellings from
    _protection_state_columns), then one ALTER ... DROP per policy found. -#}
{% macro databricks__clear_own_table_policies() %}
    {%- if not execute -%}
        {{ return('') }}
    {%- endif -%}
    {%- set own = {} -%}
    {%- set catalogs = [] -%}
    {%- for node in graph.nodes.values()
        if node.resource_type in ('model', 'seed')
        and node.config.materialized not in ('view', 'ephemeral') -%}
        {%- set relation = api.Relation.create(
            database=node.database, schema=node.schema, identifier=node.alias, type='table') -%}
        {%- do own.update({(node.database ~ '.' ~ node.schema ~ '.' ~ node.alias) | lower: relation}) -%}
        {%- if node.database not in catalogs -%}
            {%- do catalogs.append(node.database) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if not own -%}
        {{ return('') }}
    {%- endif -%}
    {%- set names = uc_governance._protection_state_columns() -%}
    {%- set literals = [] -%}
    {%- for name in own.keys() | sort -%}
        {%- do literals.append(uc_governance.string_literal_sql(name)) -%}
    {%- endfor -%}
    {%- set wanted = literals | join(', ') -%}
    {%- set query -%}
        {%- for catalog in catalogs %}
        select 'row_filter' as policy, lower({{ names['filter_table'] }}) as table_name,
            cast(null as string) as column_name
        from {{ uc_governance.information_schema_relation_sql(catalog, 'row_filters') }}
        where lower({{ names['filter_table'] }}) in ({{ wanted }})
        union all
        select 'mask' as policy, lower({{ names['mask_table'] }}) as table_name, column_name
        from {{ uc_governance.information_schema_relation_sql(catalog, 'column_masks') }}
        where lower({{ names['mask_table'] }}) in ({{ wanted }})
            {%- if not loop.last %}
        union all
            {%- endif -%}
        {%- endfor %}
    {%- endset -%}
    {%- for row in run_query(query).rows -%}
        {%- set relation = own[row['table_name']] -%}
        {%- if row['policy'] == 'row_filter' -%}
            {%- set statement = 'alter table ' ~ relation ~ ' drop row filter' -%}
        {%- else -%}
            {%- set statement = 'alter table ' ~ relation ~ ' alter column `'
                ~ row['column_name'] | replace('`', '``') ~ '` drop mask' -%}
        {%- endif -%}
        {{ log('uc_governance: ' ~ relation ~ ' is written by this project, yet it had a '
            ~ ('row filter' if row['policy'] == 'row_filter' else 'column mask on ' ~ row['column_name'])
            ~ ' that would hide rows or values from the plan: removed (' ~ statement ~ '). '
            ~ 'Only the runner should be able to change the working schema.', info=True) }}
        {%- do run_query(statement) -%}
    {%- endfor -%}
{% endmacro %}


{#- Overrides dbt-databricks 1.12.7's macro of the same name
    (relations/components/row_filter.sql), which reads information_schema.row_filters before
    every table model of this project is created (one round trip each) to drop a filter left on
    the table. clear_own_table_policies does that for every relation of the project, masks
    included, in one read at run start, so this per-table read is not needed. A model that sets
    dbt-databricks' own `row_filter` config never calls it. -#}
{% macro drop_row_filter_if_exists(relation) %}
{% endmacro %}
