{#- One row per function that native protection needs in the governance schema (setting
    protection_function_schema): the mask functions of int_protection__native_masks and the row
    filter functions of int_protection__native_row_filters, each with its CREATE OR REPLACE
    FUNCTION statement. The function's COMMENT ends with the md5 of its signature and body, so
    the plan can tell from information_schema.routines whether the live function is this one. -#}
with

masks as (

    select * from {{ ref('int_protection__native_masks') }}

),

row_filters as (

    select * from {{ ref('int_protection__native_row_filters') }}

),

definitions as (

    select distinct
        function_name,
        'mask' as function_kind,
        {{ uc_governance.string_literal_sql(uc_governance.native_function_parameter() ~ ' ') }}
        || upper(data_type) as parameters_sql,
        upper(data_type) as return_type,
        'mask ' || mask_rule || ' of a ' || data_type || ' column; in clear for: '
        || coalesce(cleared_groups, 'nobody') as description,
        function_body
    from masks

    union all

    select
        function_name,
        'row_filter' as function_kind,
        parameters_sql,
        'BOOLEAN' as return_type,
        'row filter of ' || table_name as description,
        function_body
    from row_filters

),

fingerprinted as (

    select
        *,
        'uc_governance ' || description || ' [definition '
        || md5(parameters_sql || ' RETURNS ' || return_type || ' RETURN ' || function_body)
        || ']' as function_comment
    from definitions

),

quoted as (

    select
        function_name,
        function_kind,
        parameters_sql,
        return_type,
        function_body,
        function_comment,
        {{ uc_governance._quoted_three_part_sql('function_name') }} as quoted_name
    from fingerprinted

),

final as (

    select
        *,
        'CREATE OR REPLACE FUNCTION ' || quoted_name || '(' || parameters_sql || ') RETURNS '
        || return_type || ' COMMENT ' || {{ uc_governance.quote_string_sql('function_comment') }}
        || ' RETURN ' || function_body as create_statement
    from quoted

)

select * from final
