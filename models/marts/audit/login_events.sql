{#- Guide §6.2 "user login events": one row per login attempt (accounts service login actions). -#}
with

events as (

    select * from {{ ref('int_audit__events') }}
    where action_name in {{ uc_governance.audit_actions_sql(['login']) }}

),

final as (

    select
        event_key,
        event_time,
        event_date as login_date,
        user_email,
        source_ip,
        user_agent,
        action_name,
        status_code,
        is_success
    from events

)

select * from final
