-- Each brute-force alert's failure_count is the number of failed logins of that user between
-- its window_start (inclusive) and window_end (exclusive). Returns the alerts that disagree.
with

alerts as (

    select * from {{ ref('failed_login_alerts') }}
    where alert_kind = 'brute_force'

),

failures as (

    select * from {{ ref('failed_auth_events') }}

),

recounted as (

    select
        alerts.alert_key,
        alerts.failure_count,
        count(failures.event_key) as events_in_window
    from alerts
    left join failures
        on
            alerts.user_email = failures.user_email
            and alerts.window_start <= failures.event_time
            and alerts.window_end > failures.event_time
    group by alerts.alert_key, alerts.failure_count

),

final as (

    select
        alert_key,
        failure_count,
        events_in_window
    from recounted
    where failure_count <> events_in_window

)

select * from final
