{#- Live direct grants on declared securables that the grants seed does not declare, with the
    reason they are never revoked (null when they may be): the grantee owns the securable, or is
    protected (the runner and uc_governance_protected_principals), or the runner sees only part
    of the securable's grants and uc_governance_revoke_on_partial_view is false. Shared by the
    revoke and keep plan rows. -#}
{% macro _undeclared_grants_sql(grant_comparison, securable_state) %}
    {%- set settings = uc_governance.uc_governance_config() -%}
    {%- set protected = settings['protected_principals'] | unique | list %}
    select
        compared.live_securable_type as securable_type,
        compared.live_securable_name as securable_name,
        compared.quoted_name,
        compared.principal_name,
        compared.principal_key,
        compared.privilege,
        case
            when compared.principal_key = securable_state.current_owner_key
                or compared.principal_key = securable_state.owner_key
                then 'owner of the securable'
            when compared.principal_key in (
                {{ uc_governance.principal_key_sql(uc_governance.current_principal_sql()) }}
                {%- for principal in protected -%}
                , {{ uc_governance.principal_key_sql(uc_governance.string_literal_sql(principal)) }}
                {%- endfor -%}
            )
                then 'protected principal'
            {%- if not settings['revoke_on_partial_view'] %}
            when securable_state.partial_view
                then 'the runner sees only part of the grants here (uc_governance_revoke_on_partial_view is false)'
            {%- endif %}
        end as keep_reason
    from {{ grant_comparison }} as compared
    inner join {{ securable_state }} as securable_state
        on
            compared.live_securable_type = securable_state.securable_type
            and compared.live_securable_name = securable_state.securable_name
    where compared.desired_securable_name is null
{% endmacro %}
