{#- Guide §8.2 "high failed login rate", one row per open alert and window of
    uc_governance_audit_failed_login_window_minutes minutes (tumbling windows):
    - brute_force: one user with at least uc_governance_audit_failed_login_threshold failed logins;
    - password_spraying: one source address failing for at least
      uc_governance_audit_spray_user_threshold distinct user names.
    The toolkit's SQL alert fires when failure_count of a brute_force row reaches the threshold,
    i.e. whenever this table has rows. -#}
{%- set settings = uc_governance.uc_governance_config() -%}
{%- set window_ms = settings['audit_failed_login_window_minutes'] * 60000 -%}
{%- set window_end_ms = uc_governance.timestamp_to_epoch_ms_sql('window_start') ~ ' + ' ~ window_ms -%}
with

failures as (

    select * from {{ ref('failed_auth_events') }}

),

windowed as (

    select
        *,
        {{ uc_governance.audit_window_start_sql('event_time', window_ms) }} as window_start
    from failures

),

brute_force as (

    select
        'brute_force' as alert_kind,
        user_email as subject,
        user_email,
        cast(null as {{ dbt.type_string() }}) as source_ip,
        window_start,
        count(*) as failure_count,
        count(distinct user_email) as distinct_users,
        count(distinct source_ip) as distinct_ips,
        min(event_time) as first_failure_at,
        max(event_time) as last_failure_at
    from windowed
    where user_email is not null
    group by user_email, window_start
    having count(*) >= {{ settings['audit_failed_login_threshold'] }}

),

password_spraying as (

    select
        'password_spraying' as alert_kind,
        source_ip as subject,
        cast(null as {{ dbt.type_string() }}) as user_email,
        source_ip,
        window_start,
        count(*) as failure_count,
        count(distinct user_email) as distinct_users,
        count(distinct source_ip) as distinct_ips,
        min(event_time) as first_failure_at,
        max(event_time) as last_failure_at
    from windowed
    where source_ip is not null
    group by source_ip, window_start
    having count(distinct user_email) >= {{ settings['audit_spray_user_threshold'] }}

),

alerts as (

    select * from brute_force
    union all
    select * from password_spraying

),

final as (

    select
        alert_kind || ' ' || subject || ' ' || cast(window_start as {{ dbt.type_string() }}) as alert_key,
        alert_kind,
        subject,
        user_email,
        source_ip,
        window_start,
        {{ uc_governance.epoch_ms_to_timestamp_sql(window_end_ms) }}
            as window_end,
        failure_count,
        distinct_users,
        distinct_ips,
        first_failure_at,
        last_failure_at
    from alerts

)

select * from final
