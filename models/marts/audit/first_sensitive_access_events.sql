{#- A user's first successful read of a sensitive table, when it comes after the first
    uc_governance_audit_first_access_baseline_days days of audit history (the baseline that
    learns who usually reads what): one row per user and table. -#}
{%- set settings = uc_governance.uc_governance_config() -%}
{%- set baseline_end = uc_governance.audit_add_days_sql(
    'history.history_start_date', settings['audit_first_access_baseline_days']) -%}
with

reads as (

    select * from {{ ref('int_audit__table_access_events') }}
    where
        is_sensitive
        and is_read
        and is_success
        and user_email is not null

),

history as (

    select min(event_date) as history_start_date
    from {{ ref('int_audit__events') }}

),

ranked as (

    select
        *,
        row_number() over (
            partition by user_email, table_name
            order by event_time, event_key
        ) as read_number
    from reads

),

final as (

    select
        ranked.event_key,
        ranked.event_time,
        ranked.user_email,
        ranked.table_name,
        ranked.data_classification,
        ranked.source_ip,
        history.history_start_date
    from ranked
    cross join history
    where
        ranked.read_number = 1
        and ranked.event_date
        >= {{ baseline_end }}

)

select * from final
