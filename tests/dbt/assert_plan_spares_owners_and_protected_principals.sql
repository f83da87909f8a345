{#- Safety rail, on every target: the plan never revokes from the principal running dbt, from a
    protected principal or from a securable's declared owner. Fails with the offending plan rows. -#}
{%- set settings = uc_governance.uc_governance_config() -%}

with

plan as (

    select * from {{ ref('governance_plan') }}

),

securables as (

    select * from {{ ref('int_access__declared_securables') }}

),

final as (

    select
        plan.plan_key,
        plan.principal,
        plan.statement
    from plan
    left join securables
        on
            plan.securable_type = securables.securable_type
            and plan.securable_name = securables.securable_name
    where
        plan.action = 'revoke'
        and (
            {{ uc_governance.principal_key_sql('plan.principal') }} = securables.owner_key
            or {{ uc_governance.principal_key_sql('plan.principal') }}
            = {{ uc_governance.principal_key_sql(uc_governance.current_principal_sql()) }}
            {%- for principal in settings['protected_principals'] %}
                or {{ uc_governance.principal_key_sql('plan.principal') }}
                = {{ uc_governance.principal_key_sql(uc_governance.string_literal_sql(principal)) }}
            {%- endfor %}
        )

)

select * from final
