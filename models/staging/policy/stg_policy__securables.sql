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

securable_types as (

    select * from {{ ref('stg_vocabulary__securable_types') }}

),

final as (

    select
        renamed.securable_type,
        renamed.securable_name,
        {#- metastore-level securables (external locations, credentials, connections, the
            metastore) belong to no catalog -#}
        case
            when coalesce(securable_types.securable_level, 'catalog') = 'catalog'
                then split_part(renamed.securable_name, '.', 1)
        end as catalog_name,
        case
            when {{ uc_governance.name_part_count_sql('renamed.securable_name') }} >= 2
                then split_part(renamed.securable_name, '.', 2)
        end as schema_name,
        case
            when {{ uc_governance.name_part_count_sql('renamed.securable_name') }} >= 3
                then split_part(renamed.securable_name, '.', 3)
        end as object_name,
        {{ uc_governance.name_part_count_sql('renamed.securable_name') }} as name_part_count,
        renamed.owner,
        renamed.owner_key,
        renamed.securable_comment,
        renamed.managed_location,
        renamed.securable_type || ' ' || renamed.securable_name as row_key
    from renamed
    left join securable_types
        on renamed.securable_type = securable_types.securable_type

)

select * from final
