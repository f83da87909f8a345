{#- Plan rows (step 70, last, so that a creator can still grant before handing ownership over):
    ALTER ... OWNER TO for each securable that exists or that this plan creates and whose declared
    owner differs from the current one. `securable_state` has the columns of
    int_access__securable_state. -#}
{% macro plan_set_owners_sql(securable_state) %}
    select
        70 as plan_step,
        'set_owner' as action,
        securable_type,
        securable_name,
        owner_name as principal,
        cast(null as {{ dbt.type_string() }}) as privileges,
        0 as privilege_count,
        0 as destructive_count,
        'ALTER ' || securable_type || ' ' || quoted_name
        || ' OWNER TO ' || {{ uc_governance.quote_identifier_sql('owner_name') }} as statement,
        'declared owner differs from the current owner' as reason
    from {{ securable_state }} as securable_state
    where
        (exists_now or created_by_uc_governance)
        and owner_key is not null
        and owner_key != current_owner_key
{% endmacro %}
