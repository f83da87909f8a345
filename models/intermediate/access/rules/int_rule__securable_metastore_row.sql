{#- The metastore row of securables.csv: its name is spelled `metastore` (GRANT names it
    `ON METASTORE`, without a name) and it takes no owner (the metastore admin is set in the
    account console, not by SQL). -#}
select
    '{{ uc_governance.seed_path("securables") }}' as seed_file,
    row_key,
    'securable_name' as column_name,
    securable_name as offending_value,
    'metastore_name' as rule_name,
    'the METASTORE row is spelled `metastore`' as message
from {{ ref('stg_policy__securables') }}
where securable_type = 'METASTORE' and securable_name != 'metastore'
union all
select
    '{{ uc_governance.seed_path("securables") }}' as seed_file,
    row_key,
    'owner' as column_name,
    owner as offending_value,
    'metastore_owner_not_managed' as rule_name,
    'the metastore owner (metastore admin) is not managed by uc_governance; leave owner empty'
        as message
from {{ ref('stg_policy__securables') }}
where securable_type = 'METASTORE' and owner is not null
