{#- Coverage: a dbt model other than a protected table's own dynamic view reads the base table, so
    its readers could reach classified columns unmasked (or rows unfiltered). A natively
    protected table is masked and filtered for every reader, whoever reads it. -#}
with

reads as (

    select * from {{ ref('int_protection__model_reads') }}

),

protected_tables as (

    select * from {{ ref('stg_policy__protected_tables') }}

),

final as (

    select
        reads.file_path as seed_file,
        reads.model_name as row_key,
        'model' as column_name,
        reads.read_table_name as offending_value,
        'protected_table_read_outside_view' as rule_name,
        'reads protected table ' || reads.read_table_name || ' directly; read it through '
        || coalesce(protected_tables.view_name, 'its dynamic view') || ' instead' as message
    from reads
    inner join protected_tables
        on reads.read_table_name = protected_tables.table_name
    where
        protected_tables.enforcement != 'native'
        and coalesce(reads.securable, '') != 'VIEW ' || coalesce(protected_tables.view_name, '')

)

select * from final
