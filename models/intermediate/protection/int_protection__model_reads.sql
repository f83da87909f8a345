{#- One row per dbt model of this project and protected-table-like relation it reads (a source, or
    a demo seed standing in for one on target local), from dbt's graph: which models can expose a
    base table's columns, and which model builds which dynamic view (meta.uc_governance_securable).
    A model that reads nothing protected still appears once, with read_table_name null. -#}
{%- set rows = [] -%}
{%- if execute -%}
    {%- set seeds = {} -%}
    {%- for node in graph.nodes.values() if node.resource_type == 'seed' -%}
        {%- if (node.config.meta or {}).get('uc_governance_literal_schema') -%}
            {%- do seeds.update({node.unique_id: (node.schema ~ '.' ~ (node.alias or node.name)) | lower}) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- for node in graph.nodes.values() if node.resource_type in ('model', 'snapshot') -%}
        {%- set securable = (node.config.meta or {}).get('uc_governance_securable') -%}
        {%- set reads = [] -%}
        {%- for parent in node.depends_on.nodes -%}
            {%- if parent.startswith('source.') -%}
                {%- set source = graph.sources[parent] -%}
                {%- do reads.append((source.source_name | replace('__', '.') ~ '.' ~ source.name) | lower) -%}
            {%- elif parent in seeds -%}
                {%- do reads.append('*.' ~ seeds[parent]) -%}
            {%- endif -%}
        {%- endfor -%}
        {%- for read in (reads or [none]) -%}
            {%- do rows.append([node.name, node.original_file_path, securable, read]) -%}
        {%- endfor -%}
    {%- endfor -%}
{%- endif -%}

with

reads as (

    {%- for row in rows %}
    select
        {{ uc_governance.string_literal_sql(row[0]) }} as model_name,
        {{ uc_governance.string_literal_sql(row[1]) }} as file_path,
        {{ uc_governance.string_literal_sql(row[2]) if row[2] else 'cast(null as ' ~ dbt.type_string() ~ ')' }}
            as securable,
        {{ uc_governance.string_literal_sql(row[3]) if row[3] else 'cast(null as ' ~ dbt.type_string() ~ ')' }}
            as read_pattern
    {% if not loop.last %}union all{% endif %}
    {%- else %}
    select
        cast(null as {{ dbt.type_string() }}) as model_name,
        cast(null as {{ dbt.type_string() }}) as file_path,
        cast(null as {{ dbt.type_string() }}) as securable,
        cast(null as {{ dbt.type_string() }}) as read_pattern
    where 1 = 0
    {%- endfor %}

),

protected_tables as (

    select * from {{ ref('stg_policy__protected_tables') }}

),

final as (

    select
        reads.model_name,
        reads.file_path,
        reads.securable,
        coalesce(protected_tables.table_name, reads.read_pattern) as read_table_name
    from reads
    left join protected_tables
        on
            reads.read_pattern like '*.%'
            and protected_tables.table_name like '%' || substr(reads.read_pattern, 2)

)

select * from final
