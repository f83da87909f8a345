{#- Which group sees which classification in clear; an empty table or column means every one. -#}
with

source as (

    select * from {{ ref('clearances') }}

),

final as (

    select
        reason,
        trim(group_name) as group_name,
        lower(trim(group_name)) as group_key,
        lower(trim(classification)) as classification,
        nullif(lower(trim(table_name)), '') as table_name,
        nullif(lower(trim(column_name)), '') as column_key,
        lower(trim(group_name)) || ' | ' || lower(trim(classification))
        || ' | ' || coalesce(nullif(lower(trim(table_name)), ''), '*')
        || ' | ' || coalesce(nullif(lower(trim(column_name)), ''), '*') as row_key
    from source

)

select * from final
