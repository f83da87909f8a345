{#- Plan rows (step 30): REVOKE of every undeclared direct grant that may be revoked, one
    statement per securable and principal carrying all of its privileges. When ALL PRIVILEGES
    is among them it is revoked alone (it is an alternative to a privilege list, and revoking it
    removes every privilege the principal holds there), and the row counts every direct grant it
    really removes, declared ones included (plan_grants_sql grants those again). The count feeds
    the blast-radius guard. Inputs: the columns of int_access__grant_comparison and
    int_access__securable_state. -#}
{% macro plan_revokes_sql(grant_comparison, securable_state) %}
    {%- set revocable -%}
        (
            select
                undeclared.*,
                coalesce(revoked_all.live_grant_count, 1) as removed_count
            from ({{ uc_governance._undeclared_grants_sql(grant_comparison, securable_state) }}) as undeclared
            left join ({{ uc_governance._revoked_all_privileges_sql(grant_comparison, securable_state) }}) as revoked_all
                on
                    undeclared.securable_type = revoked_all.securable_type
                    and undeclared.securable_name = revoked_all.securable_name
                    and undeclared.principal_key = revoked_all.principal_key
            where
                undeclared.keep_reason is null
                and (revoked_all.principal_key is null or undeclared.privilege = 'ALL PRIVILEGES')
        ) as revocable
    {%- endset -%}
    {{ uc_governance._privilege_statement_rows_sql(
        30, 'revoke', 'REVOKE', 'FROM', revocable,
        'granted directly but not declared in the grants seed', destructive='sum(removed_count)') }}
{% endmacro %}
