{#- The grants plan as a SELECT: what apply would send to make Unity Catalog match the policy
    seeds, one row per action, securable and principal, in the order apply sends them. Rows
    without a statement explain what is deliberately left alone (owners, protected principals,
    securables that do not exist). `live_privileges` and `live_securables` are relations or
    parenthesised SELECTs with the columns of stg_uc__privileges and stg_uc__securables: the plan
    model passes the build-time snapshot, the drift test a fresh read. With `only_changes`, only
    rows that carry a statement. -#}
{% macro grants_plan_sql(live_privileges, live_securables, only_changes=false) %}
{%- set settings = uc_governance.uc_governance_config() -%}
{%- set runner = uc_governance.current_principal() if execute else '' -%}
{%- set protected = [runner] + settings['protected_principals'] %}
with

declared as (

    select * from {{ ref('int_securables__declared') }}

),

live_securables as (

    select * from {{ live_securables }} as live_state

),

desired as (

    select * from {{ ref('int_grants__desired') }}

),

-- direct grants on declared securables: inherited rows are not grants on the child, and
-- ownership is not a grant, so neither is ever reconciled
live_grants as (

    select distinct
        declared.securable_type,
        declared.securable_class,
        declared.securable_name,
        declared.quoted_name,
        live_privileges.principal_key,
        live_privileges.principal as principal_name,
        live_privileges.privilege
    from {{ live_privileges }} as live_privileges
    inner join declared
        on
            live_privileges.securable_class = declared.securable_class
            and live_privileges.securable_name = declared.securable_name
    where
        live_privileges.is_direct
        and live_privileges.privilege not in ('OWN', 'OWNERSHIP', 'OWNER')

),

protected_principals as (

    {%- for principal in protected | unique %}
    select lower({{ uc_governance.string_literal(principal) }}) as principal_key
    {%- if not loop.last %}
    union all
    {%- endif -%}
    {%- endfor %}

),

securable_state as (

    select
        declared.*,
        case
            when live_securables.securable_name is not null then true
            {%- if not uc_governance.can_enforce_grants() %}
            -- a target without Unity Catalog simulates the tables and views that pipelines build
            when not declared.created_by_uc_governance then true
            {%- endif %}
            else false
        end as exists_now,
        -- whoever creates a catalog or schema owns it until the owner is changed
        coalesce(
            live_securables.owner_key,
            lower({{ uc_governance.string_literal(runner) }})
        ) as current_owner_key
    from declared
    left join live_securables
        on
            declared.securable_class = live_securables.securable_class
            and declared.securable_name = live_securables.securable_name

),

-- securables the plan can act on: they exist, or this plan creates them
actionable as (

    select * from securable_state
    where exists_now or created_by_uc_governance

),

creates as (

    select
        1 as plan_step,
        'create_' || lower(securable_type) as action,
        securable_type,
        securable_name,
        cast(null as {{ dbt.type_string() }}) as principal,
        cast(null as {{ dbt.type_string() }}) as privileges,
        0 as privilege_count,
        -- clause order as the SQL reference gives it: CREATE CATALOG ... MANAGED LOCATION ...
        -- COMMENT ...; CREATE SCHEMA ... COMMENT ... MANAGED LOCATION ...
        'CREATE ' || securable_type || ' IF NOT EXISTS ' || quoted_name
        || case
            when securable_type = 'CATALOG'
                then coalesce(' MANAGED LOCATION ' || {{ uc_governance.quote_string_sql('managed_location') }}, '')
                || coalesce(' COMMENT ' || {{ uc_governance.quote_string_sql('securable_comment') }}, '')
            else coalesce(' COMMENT ' || {{ uc_governance.quote_string_sql('securable_comment') }}, '')
                || coalesce(' MANAGED LOCATION ' || {{ uc_governance.quote_string_sql('managed_location') }}, '')
        end as statement,
        'declared in the securables seed; does not exist' as reason
    from securable_state
    where created_by_uc_governance and not exists_now

),

missing as (

    select
        0 as plan_step,
        'missing_securable' as action,
        securable_type,
        securable_name,
        cast(null as {{ dbt.type_string() }}) as principal,
        cast(null as {{ dbt.type_string() }}) as privileges,
        0 as privilege_count,
        cast(null as {{ dbt.type_string() }}) as statement,
        'does not exist and is not created by uc_governance; its grants and owner wait until it does'
        as reason
    from securable_state
    where not exists_now and not created_by_uc_governance

),

-- desired and live direct grants side by side: a missing live side is a grant to send, a
-- missing desired side an undeclared grant
compared as (

    select
        desired.securable_type as desired_securable_type,
        desired.securable_name as desired_securable_name,
        live_grants.securable_type as live_securable_type,
        live_grants.securable_name as live_securable_name,
        coalesce(desired.securable_class, live_grants.securable_class) as securable_class,
        coalesce(desired.quoted_name, live_grants.quoted_name) as quoted_name,
        coalesce(desired.principal_key, live_grants.principal_key) as principal_key,
        coalesce(desired.principal_name, live_grants.principal_name) as principal_name,
        coalesce(desired.privilege, live_grants.privilege) as privilege
    from desired
    full outer join live_grants
        on
            desired.securable_class = live_grants.securable_class
            and desired.securable_name = live_grants.securable_name
            and desired.principal_key = live_grants.principal_key
            and desired.privilege = live_grants.privilege

),

to_grant as (

    select
        compared.desired_securable_type as securable_type,
        compared.desired_securable_name as securable_name,
        compared.quoted_name,
        compared.principal_name,
        compared.privilege
    from compared
    inner join actionable
        on
            compared.desired_securable_type = actionable.securable_type
            and compared.desired_securable_name = actionable.securable_name
    where compared.live_securable_name is null

),

undeclared as (

    select
        compared.live_securable_type as securable_type,
        compared.live_securable_name as securable_name,
        compared.quoted_name,
        compared.principal_name,
        compared.privilege,
        case
            when compared.principal_key = securable_state.current_owner_key
                or compared.principal_key = securable_state.owner_key
                then 'owner of the securable'
            when protected_principals.principal_key is not null
                then 'protected principal'
        end as keep_reason
    from compared
    inner join securable_state
        on
            compared.live_securable_type = securable_state.securable_type
            and compared.live_securable_name = securable_state.securable_name
    left join protected_principals
        on compared.principal_key = protected_principals.principal_key
    where compared.desired_securable_name is null

),

revocable as (

    select * from undeclared
    where keep_reason is null

),

revokes as (

    {{ uc_governance._privilege_statement_rows(
        2, 'revoke', 'REVOKE', 'FROM', 'revocable',
        'granted directly but not declared in the grants seed') }}

),

kept as (

    select
        0 as plan_step,
        'keep' as action,
        securable_type,
        securable_name,
        principal_name as principal,
        {{ uc_governance.sorted_string_agg('privilege', "', '") }} as privileges,
        count(*) as privilege_count,
        cast(null as {{ dbt.type_string() }}) as statement,
        'not declared, but never revoked: ' || keep_reason as reason
    from undeclared
    where keep_reason is not null
    group by securable_type, securable_name, principal_name, keep_reason

),

grants as (

    {{ uc_governance._privilege_statement_rows(
        3, 'grant', 'GRANT', 'TO', 'to_grant', 'declared in the grants seed; not granted yet') }}

),

owners as (

    select
        4 as plan_step,
        'set_owner' as action,
        securable_type,
        securable_name,
        owner_name as principal,
        cast(null as {{ dbt.type_string() }}) as privileges,
        0 as privilege_count,
        'ALTER ' || securable_type || ' ' || quoted_name
        || ' OWNER TO ' || {{ uc_governance.quote_identifier_sql('owner_name') }} as statement,
        'declared owner differs from the current owner' as reason
    from actionable
    where owner_key is not null and owner_key != current_owner_key

),

unioned as (

    select * from missing
    union all
    select * from kept
    union all
    select * from creates
    union all
    select * from revokes
    union all
    select * from grants
    union all
    select * from owners

),

final as (

    select
        row_number() over (
            order by plan_step, securable_name, securable_type, action, coalesce(principal, '')
        ) as plan_order,
        action || ' | ' || securable_type || ' ' || securable_name
        || coalesce(' | ' || principal, '') as plan_key,
        plan_step,
        action,
        securable_type,
        securable_name,
        principal,
        privileges,
        privilege_count,
        statement,
        reason
    from unioned

)

select * from final
{%- if only_changes %}
where statement is not null
{%- endif %}
{% endmacro %}


{#- Plan rows for GRANT or REVOKE: one statement per securable and principal from `relation`
    (columns securable_type, securable_name, quoted_name, principal_name, privilege), carrying
    all of that principal's privileges, sorted. -#}
{% macro _privilege_statement_rows(step, action, verb, preposition, relation, reason) %}
    {%- set privileges = uc_governance.sorted_string_agg('privilege', "', '") %}
    select
        {{ step }} as plan_step,
        '{{ action }}' as action,
        securable_type,
        securable_name,
        principal_name as principal,
        {{ privileges }} as privileges,
        count(*) as privilege_count,
        '{{ verb }} ' || {{ privileges }}
        || ' ON ' || securable_type || ' ' || quoted_name
        || ' {{ preposition }} ' || {{ uc_governance.quote_identifier_sql('principal_name') }}
        as statement,
        '{{ reason }}' as reason
    from {{ relation }}
    group by securable_type, securable_name, quoted_name, principal_name
{% endmacro %}
