{#- Every audit record the detections cannot use, with why: malformed JSON, a missing field, an
    unparseable or future timestamp, an unknown action of a known service. Counted and kept,
    never a failed build, never a silently dropped record. One row per record. -#}
with

quarantined as (

    select * from {{ ref('stg_audit__events') }}
    where quarantine_reason is not null

),

final as (

    select
        event_key,
        event_date,
        quarantine_reason,
        event_time,
        service_name,
        action_name,
        user_email,
        request_id,
        audit_source,
        source_file,
        source_line,
        raw_record,
        case
            when quarantine_reason like 'missing_field:%' then 'missing_field'
            else quarantine_reason
        end as reason_kind
    from quarantined

)

select * from final
