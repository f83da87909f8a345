{#- Guide §8.2 "after hours sensitive data access": one row per user and local day with at least
    one read of a sensitive table outside business hours (Monday to Friday,
    uc_governance_audit_business_hours_start to _end, in uc_governance_audit_timezone). The
    toolkit's SQL alert fires when access_count > 0, i.e. whenever this table has rows. -#}
with

reads as (

    select * from {{ ref('int_audit__table_access_events') }}
    where
        is_sensitive
        and is_read
        and not is_business_hours
        and user_email is not null

),

tables_read as (

    select distinct
        user_email,
        local_date,
        table_name
    from reads

),

table_lists as (

    select
        user_email,
        local_date,
        {{ uc_governance.sorted_string_agg_sql('table_name', "', '") }} as tables_accessed
    from tables_read
    group by user_email, local_date

),

per_user_day as (

    select
        user_email,
        local_date,
        count(*) as access_count,
        sum(case when is_success then 0 else 1 end) as failed_count,
        min(event_time) as first_access_at,
        max(event_time) as last_access_at
    from reads
    group by user_email, local_date

),

final as (

    select
        per_user_day.user_email || ' ' || cast(per_user_day.local_date as {{ dbt.type_string() }}) as alert_key,
        per_user_day.user_email,
        per_user_day.local_date,
        per_user_day.access_count,
        per_user_day.failed_count,
        table_lists.tables_accessed,
        per_user_day.first_access_at,
        per_user_day.last_access_at
    from per_user_day
    inner join table_lists
        on
            per_user_day.user_email = table_lists.user_email
            and per_user_day.local_date = table_lists.local_date

)

select * from final
