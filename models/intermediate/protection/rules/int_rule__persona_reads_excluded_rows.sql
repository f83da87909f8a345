{#- Coverage: a demo persona who can read rows their row access rules exclude, by reading a
    row-filtered base table directly (SELECT through one of their groups) without an every-row
    rule. -#}
with

members as (

    select * from {{ ref('stg_policy__demo_group_members') }}

),

readers as (

    select * from {{ ref('int_protection__base_table_readers') }}

),

row_access as (

    select * from {{ ref('int_protection__row_access') }}

),

every_row as (

    select distinct
        members.user_key,
        row_access.table_name
    from members
    inner join row_access
        on members.group_key = row_access.group_key and row_access.all_rows

),

filtered_tables as (

    select distinct table_name from row_access

),

exposed as (

    select distinct
        members.user_name,
        members.user_key,
        readers.table_name,
        readers.group_name
    from members
    inner join readers
        on members.group_key = readers.group_key
    inner join filtered_tables
        on readers.table_name = filtered_tables.table_name

),

final as (

    select
        '{{ uc_governance.seed_path("demo_group_members") }}' as seed_file,
        exposed.user_key || ' | ' || exposed.group_name as row_key,
        'user_name' as column_name,
        exposed.user_name as offending_value,
        'persona_reads_excluded_rows' as rule_name,
        'reads every row of ' || exposed.table_name || ' through group ' || exposed.group_name
        || ' (SELECT on the base table) but has no every-row rule in '
        || '{{ uc_governance.seed_path("row_access") }}' as message
    from exposed
    left join every_row
        on exposed.user_key = every_row.user_key and exposed.table_name = every_row.table_name
    where every_row.user_key is null

)

select * from final
