{#- Desired and live direct grants side by side, one row per securable, principal and privilege
    on either side: a missing live side is a grant to send, a missing desired side an undeclared
    grant. Inherited rows are not grants on the child and ownership is not a grant, so neither is
    ever compared. `desired` has the columns of int_access__desired_grants, `declared` those of
    int_access__declared_securables, `live_privileges` those of stg_uc__privileges (a relation or
    a parenthesised SELECT). -#}
{% macro access_grant_comparison_sql(desired, declared, live_privileges) %}
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
    from {{ desired }} as desired
    full outer join (
        select distinct
            declared.securable_type,
            declared.securable_class,
            declared.securable_name,
            declared.quoted_name,
            live_privileges.principal_key,
            live_privileges.principal as principal_name,
            live_privileges.privilege
        from {{ live_privileges }} as live_privileges
        inner join {{ declared }} as declared
            on
                live_privileges.securable_class = declared.securable_class
                and live_privileges.securable_name = declared.securable_name
        where
            live_privileges.is_direct
            and live_privileges.privilege not in ('OWN', 'OWNERSHIP', 'OWNER')
    ) as live_grants
        on
            desired.securable_class = live_grants.securable_class
            and desired.securable_name = live_grants.securable_name
            and desired.principal_key = live_grants.principal_key
            and desired.privilege = live_grants.privilege
{% endmacro %}
