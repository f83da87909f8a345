{#- Guide §8.1 "privilege escalation attempts": one row per refused (status not 200) grant,
    permission or group change, or service principal creation. -#}
with

events as (

    select * from {{ ref('int_audit__events') }}
    where
        action_name in {{ uc_governance.audit_actions_sql(['escalation']) }}
        and is_failure

),

final as (

    select
        event_key,
        event_time,
        user_email,
        service_name,
        action_name,
        target_name,
        target_group,
        request_params,
        status_code,
        error_message,
        source_ip
    from events

)

select * from final
