{#- Unity Catalog stores catalog, schema and object names in lower case: names are compared and
    emitted lower-case. -#}
with

source as (

    select * from {{ ref('securables') }}

),

renamed as (

    select
        upper(trim(securable_type)) as securable_type,
        lower(trim(securable_name)) as securable_name,
        nullif(trim(owner), '') as owner,
        {{ uc_governance.principal_key_sql("nullif(trim(owner), '')") }} as owner_key,
        nullif(comment, '') as securable_comment,
        nullif(trim(managed_location), '') as managed_location
    from source

),

final as (

    select
        securable_type,
        securable_name,
        split_part(securable_name, '.', 1) as catalog_name,
        case
            when {{ uc_governance.name_part_count_sql('securable_name') }} >= 2
                then split_part(securable_name, '.', 2)
        end as schema_name,
        case
            when {{ uc_governance.name_part_count_sql('securable_name') }} >= 3
                then split_part(securable_name, '.', 3)
        end as object_name,
        {{ uc_governance.name_part_count_sql('securable_name') }} as name_part_count,
        owner,
        owner_key,
        securable_comment,
        managed_location,
        securable_type || ' ' || securable_name as row_key
    from renamed

)

select * from final
