{#- One row per protected column that some group sees in clear: its cleared groups, as keys
    (for the native functions' names), as declared (for reading) and as the membership test
    that lets them see it (the groups' tests OR-ed, sorted). The dynamic views and the native
    mask functions both test membership with this text, so they clear the same groups. -#}
{#- the simulated membership the membership test reads on local, named on every target (one graph) #}
{%- do uc_governance.group_membership_relation() %}

with

clearances as (

    select * from {{ ref('int_protection__column_clearances') }}

),

final as (

    select
        table_name,
        column_key,
        {{ uc_governance.sorted_string_agg_sql('group_key', "','") }} as cleared_group_keys,
        {{ uc_governance.sorted_string_agg_sql('group_name', "', '") }} as cleared_groups,
        {{ uc_governance.sorted_string_agg_sql(
            uc_governance.native_membership_test_sql('group_name'), "' or '") }} as membership_sql
    from clearances
    group by table_name, column_key

)

select * from final
