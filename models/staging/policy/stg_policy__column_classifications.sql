with

source as (

    select * from {{ ref('column_classifications') }}

),

final as (

    select
        reason,
        lower(trim(table_name)) as table_name,
        trim(column_name) as column_name,
        lower(trim(column_name)) as column_key,
        lower(trim(classification)) as classification,
        nullif(lower(trim(mask_rule)), '') as mask_rule,
        lower(replace(trim(data_type), ' ', '')) as data_type,
        lower(trim(table_name)) || '.' || lower(trim(column_name)) as row_key
    from source

)

select * from final
