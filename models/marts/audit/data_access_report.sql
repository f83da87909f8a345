{#- Guide §6.3 data access report: one row per Unity Catalog table access, classified by this
    project's policy (column classifications, securables) instead of the guide's name pattern,
    which is kept only as the fallback (classification_source = 'name_pattern'). -#}
with

accesses as (

    select * from {{ ref('int_audit__table_access_events') }}

),

final as (

    select
        event_key,
        event_date as access_date,
        event_time as access_time,
        user_email as accessor,
        data_classification,
        classification_source,
        table_name as resource_accessed,
        action_name as action_type,
        case when is_success then 'Success' else 'Failed' end as status
    from accesses

)

select * from final
