{#- Cross-seed policy rules, one row per violation a person can read: which seed file, which row
    (by its key values), which column and value, and what is wrong. Row-level checks (formats,
    required values, duplicates) already ran on each file before it was loaded
    (macro validate_policy_seed). If this table has rows its post-hook stops the build, so
    nothing downstream (plan, apply) runs. -#}
{{ config(post_hook="{{ uc_governance.raise_on_policy_violations(this) }}") }}

with

grants as (

    select * from {{ ref('stg_policy__grants') }}

),

securables as (

    select * from {{ ref('stg_policy__securables') }}

),

principals as (

    select * from {{ ref('int_principals__declared') }}

),

privileges as (

    select * from {{ ref('stg_vocabulary__privileges') }}

),

securable_types as (

    select * from {{ ref('stg_vocabulary__securable_types') }}

),

service_principals as (

    select * from {{ ref('stg_policy__service_principals') }}

),

grant_unknown_type as (

    select
        '{{ uc_governance.seed_path("grants") }}' as seed_file,
        grants.row_key,
        'securable_type' as column_name,
        grants.securable_type as offending_value,
        'unknown_securable_type' as rule_name,
        'unknown securable type; see seeds/vocabulary/securable_types.csv' as message
    from grants
    left join securable_types
        on grants.securable_type = securable_types.securable_type
    where securable_types.securable_type is null

),

grant_invalid_privilege as (

    select
        '{{ uc_governance.seed_path("grants") }}' as seed_file,
        grants.row_key,
        'privilege' as column_name,
        grants.privilege as offending_value,
        'privilege_not_valid_for_type' as rule_name,
        'is not a privilege of ' || grants.securable_type
        || '; see seeds/vocabulary/privileges.csv' as message
    from grants
    inner join securable_types
        on grants.securable_type = securable_types.securable_type
    left join privileges
        on
            grants.securable_type = privileges.securable_type
            and grants.privilege = privileges.privilege
    where privileges.privilege is null

),

grant_all_privileges as (

    select
        '{{ uc_governance.seed_path("grants") }}' as seed_file,
        row_key,
        'privilege' as column_name,
        privilege as offending_value,
        'all_privileges_not_allowed' as rule_name,
        'ALL PRIVILEGES needs allow_all_privileges = true on the row' as message
    from grants
    where privilege = 'ALL PRIVILEGES' and not allow_all_privileges

),

grant_undeclared_securable as (

    select
        '{{ uc_governance.seed_path("grants") }}' as seed_file,
        grants.row_key,
        'securable_name' as column_name,
        grants.securable_name as offending_value,
        'securable_not_declared' as rule_name,
        'no ' || grants.securable_type || ' of that name in '
        || '{{ uc_governance.seed_path("securables") }}' as message
    from grants
    left join securables
        on
            grants.securable_type = securables.securable_type
            and grants.securable_name = securables.securable_name
    where securables.securable_name is null

),

grant_undeclared_principal as (

    select
        '{{ uc_governance.seed_path("grants") }}' as seed_file,
        grants.row_key,
        'principal' as column_name,
        grants.principal as offending_value,
        'principal_not_declared' as rule_name,
        case
            when service_principals.application_id is not null
                then
                    'is the display name of a service principal; grants name it by application id '
                    || service_principals.application_id
            else
                'is not a declared group (' || '{{ uc_governance.seed_path("groups") }}'
                || '), a user email or a service principal application id'
        end as message
    from grants
    left join principals
        on grants.principal_key = principals.principal_key
    left join service_principals
        on grants.principal_key = lower(service_principals.display_name)
    where
        principals.principal_key is null
        and not {{ uc_governance.looks_like_user_or_service_principal_sql('grants.principal_key') }}

),

securable_unknown_type as (

    select
        '{{ uc_governance.seed_path("securables") }}' as seed_file,
        securables.row_key,
        'securable_type' as column_name,
        securables.securable_type as offending_value,
        'unknown_securable_type' as rule_name,
        'unknown securable type; see seeds/vocabulary/securable_types.csv' as message
    from securables
    left join securable_types
        on securables.securable_type = securable_types.securable_type
    where securable_types.securable_type is null

),

securable_wrong_parts as (

    select
        '{{ uc_governance.seed_path("securables") }}' as seed_file,
        securables.row_key,
        'securable_name' as column_name,
        securables.securable_name as offending_value,
        'wrong_name_parts' as rule_name,
        'a ' || securables.securable_type || ' name has '
        || cast(securable_types.name_parts as {{ dbt.type_string() }})
        || ' dot-separated part(s)' as message
    from securables
    inner join securable_types
        on securables.securable_type = securable_types.securable_type
    where securables.name_part_count != securable_types.name_parts

),

securable_undeclared_parent as (

    select
        '{{ uc_governance.seed_path("securables") }}' as seed_file,
        child.row_key,
        'securable_name' as column_name,
        child.securable_name as offending_value,
        'parent_not_declared' as rule_name,
        'its parent ' || securable_types.parent_type || ' is not declared' as message
    from securables as child
    inner join securable_types
        on child.securable_type = securable_types.securable_type
    left join securables as parent
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

),

securable_undeclared_owner as (

    select
        '{{ uc_governance.seed_path("securables") }}' as seed_file,
        securables.row_key,
        'owner' as column_name,
        securables.owner as offending_value,
        'owner_not_declared' as rule_name,
        'is not a declared group, a user email or a service principal application id' as message
    from securables
    left join principals
        on securables.owner_key = principals.principal_key
    where
        securables.owner_key is not null
        and principals.principal_key is null
        and not {{ uc_governance.looks_like_user_or_service_principal_sql('securables.owner_key') }}

),

securable_location_not_allowed as (

    select
        '{{ uc_governance.seed_path("securables") }}' as seed_file,
        securables.row_key,
        'managed_location' as column_name,
        securables.managed_location as offending_value,
        'location_not_allowed' as rule_name,
        'only catalogs and schemas created by uc_governance take a managed location' as message
    from securables
    left join securable_types
        on securables.securable_type = securable_types.securable_type
    where
        securables.managed_location is not null
        and not coalesce(securable_types.created_by_uc_governance, false)

),

unioned as (

    select * from grant_unknown_type
    union all
    select * from grant_invalid_privilege
    union all
    select * from grant_all_privileges
    union all
    select * from grant_undeclared_securable
    union all
    select * from grant_undeclared_principal
    union all
    select * from securable_unknown_type
    union all
    select * from securable_wrong_parts
    union all
    select * from securable_undeclared_parent
    union all
    select * from securable_undeclared_owner
    union all
    select * from securable_location_not_allowed
    -- data protection (guide §5.2): models/intermediate/protection/rules/
    union all
    select * from {{ ref('int_rule__base_table_reader_not_cleared') }}
    union all
    select * from {{ ref('int_rule__classification_unknown') }}
    union all
    select * from {{ ref('int_rule__classified_table_not_declared') }}
    union all
    select * from {{ ref('int_rule__clearance_classification_unknown') }}
    union all
    select * from {{ ref('int_rule__clearance_group_not_declared') }}
    union all
    select * from {{ ref('int_rule__clearance_scope_unknown') }}
    union all
    select * from {{ ref('int_rule__demo_member_group_not_declared') }}
    union all
    select * from {{ ref('int_rule__enforcement_unknown') }}
    union all
    select * from {{ ref('int_rule__mask_rule_on_public') }}
    union all
    select * from {{ ref('int_rule__mask_rule_unknown') }}
    union all
    select * from {{ ref('int_rule__mask_rule_wrong_type') }}
    union all
    select * from {{ ref('int_rule__persona_reads_excluded_rows') }}
    union all
    select * from {{ ref('int_rule__protected_table_not_declared') }}
    union all
    select * from {{ ref('int_rule__protected_table_read_outside_view') }}
    union all
    select * from {{ ref('int_rule__protected_table_without_protection') }}
    union all
    select * from {{ ref('int_rule__row_access_group_not_declared') }}
    union all
    select * from {{ ref('int_rule__row_access_table_not_protected') }}
    union all
    select * from {{ ref('int_rule__row_access_value_marker') }}

),

final as (

    select
        seed_file,
        row_key,
        column_name,
        offending_value,
        rule_name,
        message,
        seed_file || ' | ' || row_key || ' | ' || rule_name as violation_key
    from unioned

)

select * from final
