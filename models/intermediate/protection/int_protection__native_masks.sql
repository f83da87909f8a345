{#- One row per protected column of a natively protected table (enforcement 'native'): the
    mask function that Unity Catalog applies to it. One function serves every column with the
    same rule, type and cleared groups; its name says the rule and the base type, and ends with
    8 hex characters of md5('<type>|<cleared group keys, sorted, comma-separated>') so that
    columns cleared for different groups never share a function. -#}
{%- set settings = uc_governance.uc_governance_config() %}

with

columns as (

    select * from {{ ref('int_protection__columns') }}

),

cleared as (

    select * from {{ ref('int_protection__column_cleared_groups') }}

),

native_columns as (

    select
        columns.table_name,
        columns.column_name,
        columns.column_key,
        columns.row_key,
        columns.classification,
        columns.mask_rule,
        columns.data_type,
        split_part(columns.data_type, '(', 1) as base_type,
        coalesce(cleared.cleared_group_keys, '') as cleared_group_keys,
        cleared.cleared_groups,
        cleared.membership_sql,
        {{ uc_governance.native_mask_expression_sql('columns.mask_rule', 'columns.data_type') }} as masked_sql
    from columns
    left join cleared
        on
            columns.table_name = cleared.table_name
            and columns.column_key = cleared.column_key
    where columns.enforcement = 'native' and columns.is_protected

),

final as (

    select
        table_name,
        column_name,
        column_key,
        row_key,
        classification,
        mask_rule,
        data_type,
        cleared_group_keys,
        cleared_groups,
        {{ uc_governance.string_literal_sql(settings['protection_function_schema'] ~ '.') }}
        || 'mask_' || mask_rule || '_' || base_type || '_'
        || left(md5(data_type || '|' || cleared_group_keys), 8) as function_name,
        case
            when membership_sql is null then masked_sql
            else
                'case when ' || membership_sql || ' then '
                || {{ uc_governance.string_literal_sql(uc_governance.native_function_parameter()) }}
                || ' else ' || masked_sql || ' end'
        end as function_body
    from native_columns

)

select * from final
