{#- Declared securables with what the plan needs: the class shared with information_schema
    (views are tables there), the quoted SQL name, the parent and whether this project creates it.
    Besides the securables seed: the functions of native data protection, which the plan creates
    (step 20) and whose EXECUTE grants follow the grant machinery (docs/decisions/0050). -#}
with

securables as (

    select * from {{ ref('stg_policy__securables') }}

),

securable_types as (

    select * from {{ ref('stg_vocabulary__securable_types') }}

),

principals as (

    select * from {{ ref('int_access__declared_principals') }}

),

protection_functions as (

    select * from {{ ref('int_protection__native_function_securables') }}

),

seeded as (

    select
        securables.securable_type,
        securables.securable_name,
        case
            when securables.securable_type in ('VIEW', 'MATERIALIZED VIEW', 'STREAMING TABLE') then 'TABLE'
            else securables.securable_type
        end as securable_class,
        securables.catalog_name,
        securables.schema_name,
        securables.object_name,
        case
            {#- GRANT ... ON METASTORE names no object #}
            when securables.securable_type = 'METASTORE' then ''
            when securable_types.securable_level = 'metastore'
                then {{ uc_governance.quote_identifier_sql('securables.securable_name') }}
            when securables.name_part_count = 1 then {{ uc_governance.quote_identifier_sql('securables.catalog_name') }}
            when securables.name_part_count = 2
                then
                    {{ uc_governance.quote_identifier_sql('securables.catalog_name') }}
                    || '.' || {{ uc_governance.quote_identifier_sql('securables.schema_name') }}
            else
                {{ uc_governance.quote_identifier_sql('securables.catalog_name') }}
                || '.' || {{ uc_governance.quote_identifier_sql('securables.schema_name') }}
                || '.' || {{ uc_governance.quote_identifier_sql('securables.object_name') }}
        end as quoted_name,
        coalesce(securable_types.securable_level, 'catalog') as securable_level,
        case securables.name_part_count
            when 2 then securables.catalog_name
            when 3 then securables.catalog_name || '.' || securables.schema_name
        end as parent_name,
        securable_types.parent_type,
        coalesce(securable_types.created_by_uc_governance, false) as created_by_uc_governance,
        securables.owner_key,
        case
            when securables.owner is null then null
            when principals.principal_name is not null then principals.principal_name
            else securables.owner_key
        end as owner_name,
        securables.securable_comment,
        securables.managed_location,
        false as created_by_protection
    from securables
    left join securable_types
        on securables.securable_type = securable_types.securable_type
    left join principals
        on securables.owner_key = principals.principal_key

),

final as (

    select * from seeded
    union all
    select
        securable_type,
        securable_name,
        securable_class,
        catalog_name,
        schema_name,
        object_name,
        quoted_name,
        'catalog' as securable_level,
        parent_name,
        parent_type,
        created_by_uc_governance,
        owner_key,
        owner_name,
        securable_comment,
        managed_location,
        created_by_protection
    from protection_functions

)

select * from final
