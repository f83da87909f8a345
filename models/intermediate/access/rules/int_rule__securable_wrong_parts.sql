select
    '{{ uc_governance.seed_path("securables") }}' as seed_file,
    securables.row_key,
    'securable_name' as column_name,
    securables.securable_name as offending_value,
    'wrong_name_parts' as rule_name,
    'a ' || securables.securable_type || ' name has '
    || cast(securable_types.name_parts as {{ dbt.type_string() }})
    || ' dot-separated part(s)' as message
from {{ ref('stg_policy__securables') }} as securables
inner join {{ ref('stg_vocabulary__securable_types') }} as securable_types
    on securables.securable_type = securable_types.securable_type
where securables.name_part_count != securable_types.name_parts
