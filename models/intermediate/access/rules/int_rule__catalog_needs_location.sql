{#- A catalog that uc_governance would create without a managed location, on a metastore without
    root storage (setting metastore_root_storage, default false): CREATE CATALOG fails there
    without MANAGED LOCATION, even with IF NOT EXISTS, so the row is refused before any
    statement is sent. A catalog that exists already is not created and needs none. -#}
{%- set root_storage = uc_governance.uc_governance_config()['metastore_root_storage'] -%}
select
    '{{ uc_governance.seed_path("securables") }}' as seed_file,
    securables.row_key,
    'managed_location' as column_name,
    cast(null as {{ dbt.type_string() }}) as offending_value,
    'catalog_needs_location' as rule_name,
    'a catalog to create needs a managed_location: the metastore has no root storage'
    || ' (set var uc_governance_metastore_root_storage: true if it has one)' as message
from {{ ref('int_access__securable_state') }} as securable_state
inner join {{ ref('stg_policy__securables') }} as securables
    on
        securable_state.securable_type = securables.securable_type
        and securable_state.securable_name = securables.securable_name
where
    {{ 'false' if root_storage else 'true' }}
    and securable_state.securable_type = 'CATALOG'
    and securable_state.created_by_uc_governance
    and not securable_state.exists_now
    and securable_state.managed_location is null
