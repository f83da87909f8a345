{#- Plan rows (step 40): GRANT of every declared privilege not granted yet on a securable that
    exists or that this plan creates, one statement per securable and principal carrying all of
    its privileges. Inputs: the columns of int_access__grant_comparison and
    int_access__securable_state. -#}
{% macro plan_grants_sql(grant_comparison, securable_state) %}
    {%- set to_grant -%}
        (
            select
                compared.desired_securable_type as securable_type,
                compared.desired_securable_name as securable_name,
                compared.quoted_name,
                compared.principal_name,
                compared.privilege
            from {{ grant_comparison }} as compared
            inner join {{ securable_state }} as securable_state
                on
                    compared.desired_securable_type = securable_state.securable_type
                    and compared.desired_securable_name = securable_state.securable_name
            where
                compared.live_securable_name is null
                and (securable_state.exists_now or securable_state.created_by_uc_governance)
        ) as to_grant
    {%- endset -%}
    {{ uc_governance._privilege_statement_rows_sql(
        40, 'grant', 'GRANT', 'TO', to_grant, 'declared in the grants seed; not granted yet') }}
{% endmacro %}
