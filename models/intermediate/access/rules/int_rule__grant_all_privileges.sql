select
    '{{ uc_governance.seed_path("grants") }}' as seed_file,
    row_key,
    'privilege' as column_name,
    privilege as offending_value,
    'all_privileges_not_allowed' as rule_name,
    'ALL PRIVILEGES needs allow_all_privileges = true on the row' as message
from {{ ref('stg_policy__grants') }}
where privilege = 'ALL PRIVILEGES' and not allow_all_privileges
