{#- Guide §6.2 "unusual access patterns": one row per user and window of
    uc_governance_audit_unusual_window_days days (tumbling, Monday-aligned for 7) in which the
    user was seen from more than uc_governance_audit_unusual_ip_threshold distinct addresses. -#}
{%- set settings = uc_governance.uc_governance_config() -%}
{%- set day_ms = 86400000 -%}
{%- set window_end = uc_governance.audit_add_days_sql(
    'per_window.window_start', settings['audit_unusual_window_days'] - 1) -%}
{%- set window_start = uc_governance.audit_window_start_sql(
    'cast(event_date as timestamp)', settings['audit_unusual_window_days'] * day_ms, 4 * day_ms) -%}
with

events as (

    select * from {{ ref('int_audit__events') }}
    where user_email is not null

),

windowed as (

    select
        user_email,
        event_date,
        source_ip,
        action_name,
        cast(
            {{ window_start }} as date
        ) as window_start
    from events

),

actions as (

    select distinct
        user_email,
        window_start,
        action_name
    from windowed

),

action_lists as (

    select
        user_email,
        window_start,
        {{ uc_governance.sorted_string_agg_sql('action_name', "', '") }} as action_types
    from actions
    group by user_email, window_start

),

per_window as (

    select
        user_email,
        window_start,
        count(distinct event_date) as active_days,
        count(*) as total_actions,
        count(distinct source_ip) as unique_ips
    from windowed
    group by user_email, window_start
    having count(distinct source_ip) > {{ settings['audit_unusual_ip_threshold'] }}

),

final as (

    select
        per_window.user_email || ' ' || cast(per_window.window_start as {{ dbt.type_string() }}) as unusual_key,
        per_window.user_email,
        per_window.window_start,
        {{ window_end }} as window_end,
        per_window.active_days,
        per_window.total_actions,
        per_window.unique_ips,
        action_lists.action_types
    from per_window
    inner join action_lists
        on
            per_window.user_email = action_lists.user_email
            and per_window.window_start = action_lists.window_start

)

select * from final
