-- Every staged audit record is either a usable event or a quarantined record, exactly once:
-- nothing is silently dropped between staging and the detections. Returns the offending keys.
with

staged as (

    select event_key from {{ ref('stg_audit__events') }}

),

usable as (

    select event_key from {{ ref('int_audit__events') }}

),

quarantined as (

    select event_key from {{ ref('audit_quarantine_events') }}

),

landed as (

    select event_key from usable
    union all
    select event_key from quarantined

),

counted as (

    select
        staged.event_key,
        count(landed.event_key) as landed_count
    from staged
    left join landed on staged.event_key = landed.event_key
    group by staged.event_key

),

final as (

    select
        event_key,
        landed_count
    from counted
    where landed_count <> 1

)

select * from final
