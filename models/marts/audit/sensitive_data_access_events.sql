{#- Guide §6.2 "sensitive data access": one row per access to a table classified sensitive by
    the policy (int_audit__table_classifications), whatever its outcome. -#}
with

accesses as (

    select * from {{ ref('int_audit__table_access_events') }}
    where is_sensitive

),

final as (

    select
        event_key,
        event_time,
        local_time,
        is_business_hours,
        user_email,
        action_name,
        table_name,
        data_classification,
        classification_source,
        source_ip,
        status_code,
        is_success
    from accesses

)

select * from final
