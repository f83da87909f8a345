{#- One row per classified column of a natively protected table (enforcement 'native'): the
    `classification` tag Unity Catalog should carry on it (public columns included). -#}
with

columns as (

    select * from {{ ref('int_protection__columns') }}

),

final as (

    select
        table_name,
        column_name,
        column_key,
        row_key,
        'classification' as tag_name,
        classification as tag_value
    from columns
    where enforcement = 'native'

)

select * from final
