{#- Plan rows (step 40): GRANT of every declared privilege not granted yet on a securable that
    exists or that this plan creates, and of every declared privilege that the REVOKE ALL
    PRIVILEGES of step 30 removes from the same principal (granted again in the same run, so
    a declared privilege is never left stripped). One statement per securable and principal
    carrying all of its privileges. Inputs: the columns of int_access__grant_comparison and
    int_access__securable_state. -#}
{% macro plan_grants_sql(grant_comparison, securable_state) %}
    {%- set to_grant -%}
        (
            select
                compared.desired_securable_type as securable_type,
                compared.desired_securable_name as securable_name,
                compared.quoted_name,
                compared.principal_name,
                compared.privilege,
                case when compared.live_securable_name is null then 0 else 1 end as is_regrant
            from {{ grant_comparison }} as compared
            inner join {{ securable_state }} as securable_state
                on
                    compared.desired_securable_type = securable_state.securable_type
                    and compared.desired_securable_name = securable_state.securable_name
            left join ({{ uc_governance._revoked_all_privileges_sql(grant_comparison, securable_state) }}) as revoked_all
                on
                    compared.desired_securable_type = revoked_all.securable_type
                    and compared.desired_securable_name = revoked_all.securable_name
                    and compared.principal_key = revoked_all.principal_key
            where
                compared.desired_securable_name is not null
                and (compared.live_securable_name is null or revoked_all.principal_key is not null)
                and (securable_state.exists_now or securable_state.created_by_uc_governance)
        ) as to_grant
    {%- endset -%}
    {{ uc_governance._privilege_statement_rows_sql(
        40, 'grant', 'GRANT', 'TO', to_grant, '',
        reason_sql="case when max(is_regrant) = 1 then 'declared in the grants seed; "
            ~ "not granted yet, or removed by the REVOKE ALL PRIVILEGES sent before it' "
            ~ "else 'declared in the grants seed; not granted yet' end") }}
{% endmacro %}
