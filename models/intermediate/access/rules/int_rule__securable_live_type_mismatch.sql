{#- A declared table, view, materialized view or streaming table whose live type differs (a TABLE
    that is live a VIEW, or the reverse): its statements would name the wrong type (ALTER TABLE on
    a view fails), so the declaration must be corrected first. Only securables that exist are
    compared; on target local nothing does. -#}
with

securables as (

    select * from {{ ref('stg_policy__securables') }}

),

declared as (

    select * from {{ ref('int_access__declared_securables') }}

),

live_securables as (

    select * from {{ ref('stg_uc__securables') }}

),

final as (

    select
        '{{ uc_governance.seed_path("securables") }}' as seed_file,
        securables.row_key,
        'securable_type' as column_name,
        securables.securable_type as offending_value,
        'live_type_mismatch' as rule_name,
        'declared ' || declared.securable_type || ' but ' || declared.securable_name
        || ' is live a ' || live_securables.securable_type
        || ' (table_type ' || live_securables.object_type || ')' as message
    from declared
    inner join securables
        on
            declared.securable_type = securables.securable_type
            and declared.securable_name = securables.securable_name
    inner join live_securables
        on
            declared.securable_class = live_securables.securable_class
            and declared.securable_name = live_securables.securable_name
    where declared.securable_type != live_securables.securable_type

)

select * from final
