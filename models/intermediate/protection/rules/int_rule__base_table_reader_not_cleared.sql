{#- Coverage: a group with SELECT on a protected base table (directly, or through its schema or
    catalog) that is not cleared for every protected column in it: it reads them unmasked. A
    natively protected table (enforcement 'native') masks its columns for every reader, so its
    readers are not counted. -#}
with

readers as (

    select * from {{ ref('int_protection__base_table_readers') }}

),

columns as (

    select * from {{ ref('int_protection__columns') }}

),

clearances as (

    select * from {{ ref('int_protection__column_clearances') }}

),

uncleared as (

    select
        readers.table_name,
        readers.group_name,
        readers.granted_on_type,
        readers.granted_on,
        columns.column_key
    from readers
    inner join columns
        on
            readers.table_name = columns.table_name
            and columns.is_protected
            and coalesce(columns.enforcement, '') != 'native'
    left join clearances
        on
            columns.table_name = clearances.table_name
            and columns.column_key = clearances.column_key
            and readers.group_key = clearances.group_key
    where clearances.group_key is null

),

final as (

    select
        '{{ uc_governance.seed_path("grants") }}' as seed_file,
        granted_on_type || ' | ' || granted_on || ' | ' || group_name || ' | SELECT' as row_key,
        'principal' as column_name,
        group_name as offending_value,
        'base_table_reader_not_cleared' as rule_name,
        'can SELECT protected table ' || table_name || ' but is not cleared for column(s) '
        || {{ uc_governance.sorted_string_agg_sql('column_key', "', '") }} as message
    from uncleared
    group by table_name, group_name, granted_on_type, granted_on

)

select * from final
