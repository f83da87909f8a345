select
    '{{ uc_governance.seed_path("securables") }}' as seed_file,
    child.row_key,
    'securable_name' as column_name,
    child.securable_name as offending_value,
    'parent_not_declared' as rule_name,
    'its parent ' || securable_types.parent_type || ' is not declared' as message
from {{ ref('stg_policy__securables') }} as child
inner join {{ ref('stg_vocabulary__securable_types') }} as securable_types
    on child.securable_type = securable_types.securable_type
left join {{ ref('stg_policy__securables') }} as parent
    on
        securable_types.parent_type = parent.securable_type
        and parent.securable_name = case securable_types.parent_type
            when 'CATALOG' then child.catalog_name
            when 'SCHEMA' then child.catalog_name || '.' || child.schema_name
        end
where
    securable_types.parent_type is not null
    and child.name_part_count = securable_types.name_parts
    and parent.securable_name is null
