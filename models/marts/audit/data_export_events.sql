{#- Guide §8.1 "data exfiltration indicators": one row per result download or export, with the
    user's number of exports that day; is_bulk when it reaches
    uc_governance_audit_bulk_export_threshold. -#}
{%- set settings = uc_governance.uc_governance_config() -%}
with

events as (

    select * from {{ ref('int_audit__events') }}
    where action_name in {{ uc_governance.audit_actions_sql(['export']) }}

),

per_user_day as (

    select
        user_email,
        event_date,
        count(*) as user_day_export_count
    from events
    group by user_email, event_date

),

final as (

    select
        events.event_key,
        events.event_time,
        events.event_date as export_date,
        events.user_email,
        events.action_name,
        events.export_path,
        events.export_format,
        events.source_ip,
        events.status_code,
        per_user_day.user_day_export_count,
        per_user_day.user_day_export_count >= {{ settings['audit_bulk_export_threshold'] }} as is_bulk
    from events
    inner join per_user_day
        on
            events.user_email = per_user_day.user_email
            and events.event_date = per_user_day.event_date

)

select * from final
