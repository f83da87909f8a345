{#- The securables and principals whose undeclared direct ALL PRIVILEGES this plan revokes
    (securable_type, securable_name, principal_key), with live_grant_count: how many direct
    grants that principal holds there. REVOKE ALL PRIVILEGES removes every privilege the
    principal holds directly on the securable, the individual ones it implies included (SQL
    reference, "Privilege types": ALL PRIVILEGES grants or revokes all privileges applicable to
    the securable), so the declared ones among them are granted again in the same run and each
    of them counts as removed. Inputs: the columns of int_access__grant_comparison and
    int_access__securable_state. -#}
{% macro _revoked_all_privileges_sql(grant_comparison, securable_state) %}
    select
        revoked_all.securable_type,
        revoked_all.securable_name,
        revoked_all.principal_key,
        count(*) as live_grant_count
    from ({{ uc_governance._undeclared_grants_sql(grant_comparison, securable_state) }}) as revoked_all
    inner join {{ grant_comparison }} as live_grants
        on
            revoked_all.securable_type = live_grants.live_securable_type
            and revoked_all.securable_name = live_grants.live_securable_name
            and revoked_all.principal_key = live_grants.principal_key
    where
        revoked_all.keep_reason is null
        and revoked_all.privilege = 'ALL PRIVILEGES'
    group by revoked_all.securable_type, revoked_all.securable_name, revoked_all.principal_key
{% endmacro %}
