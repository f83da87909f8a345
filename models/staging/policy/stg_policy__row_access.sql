{#- Row access grants: a group sees the rows whose column equals the allowed value, or every row
    when all_rows is true. Allowed values are kept as written (compared exactly). -#}
with

source as (

    select * from {{ ref('row_access') }}

),

final as (

    select
        allowed_value,
        reason,
        lower(trim(table_name)) as table_name,
        trim(column_name) as column_name,
        lower(trim(column_name)) as column_key,
        trim(group_name) as group_name,
        lower(trim(group_name)) as group_key,
        coalesce(all_rows, false) as all_rows,
        lower(trim(table_name)) || ' | ' || lower(trim(group_name))
        || ' | ' || coalesce(allowed_value, '') as row_key
    from source

)

select * from final
