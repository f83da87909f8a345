{#- EXECUTE on each native protection function for the groups it serves: the groups cleared for
    a mask function's columns, the groups of a row filter's rules. With the columns of
    int_access__desired_grants (which lists them), the group in its declared spelling. -#}
with

masks as (

    select * from {{ ref('int_protection__native_masks') }}

),

clearances as (

    select * from {{ ref('int_protection__column_clearances') }}

),

row_filters as (

    select * from {{ ref('int_protection__native_row_filters') }}

),

row_access as (

    select * from {{ ref('int_protection__row_access') }}

),

functions as (

    select * from {{ ref('int_protection__native_functions') }}

),

principals as (

    select * from {{ ref('int_access__declared_principals') }}

),

served as (

    select
        masks.function_name,
        clearances.group_key
    from masks
    inner join clearances
        on
            masks.table_name = clearances.table_name
            and masks.column_key = clearances.column_key

    union distinct

    select
        row_filters.function_name,
        row_access.group_key
    from row_filters
    inner join row_access
        on row_filters.table_name = row_access.table_name

),

final as (

    select
        'FUNCTION' as securable_type,
        'FUNCTION' as securable_class,
        served.function_name as securable_name,
        functions.quoted_name,
        served.group_key as principal_key,
        'EXECUTE' as privilege,
        coalesce(principals.principal_name, served.group_key) as principal_name
    from served
    inner join functions
        on served.function_name = functions.function_name
    left join principals
        on served.group_key = principals.principal_key

)

select * from final
