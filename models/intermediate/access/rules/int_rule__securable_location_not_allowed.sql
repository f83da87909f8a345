select
    '{{ uc_governance.seed_path("securables") }}' as seed_file,
    securables.row_key,
    'managed_location' as column_name,
    securables.managed_location as offending_value,
    'location_not_allowed' as rule_name,
    'only catalogs and schemas created by uc_governance take a managed location' as message
from {{ ref('stg_policy__securables') }} as securables
left join {{ ref('stg_vocabulary__securable_types') }} as securable_types
    on securables.securable_type = securable_types.securable_type
where
    securables.managed_location is not null
    and not coalesce(securable_types.created_by_uc_governance, false)
