{#- Guide §8.1 "failed authentication attempts": one row per failed login (status code not 200),
    with the hour it falls in for the guide's hourly view. -#}
with

logins as (

    select * from {{ ref('int_audit__events') }}
    where
        action_name in {{ uc_governance.audit_actions_sql(['login']) }}
        and is_failure

),

final as (

    select
        event_key,
        event_time,
        event_date,
        {{ dbt.date_trunc('hour', 'event_time') }} as event_hour,
        user_email,
        source_ip,
        user_agent,
        action_name,
        status_code,
        error_message
    from logins

)

select * from final
