{#- Unity Catalog table access events (getTable, executeStatement, createTable, deleteTable,
    generateTemporaryTableCredential) with the data classification of the table accessed. -#}
{#- A table, not a view: a dozen marts read it; computing it once keeps 1M events fast. -#}
{{ config(materialized='table') }}
with

events as (

    select * from {{ ref('int_audit__events') }}
    where
        action_name in {{ uc_governance.audit_actions_sql(['table_access']) }}
        and target_name is not null

),

classifications as (

    select * from {{ ref('int_audit__table_classifications') }}

),

final as (

    select
        events.event_key,
        events.event_time,
        events.event_date,
        events.local_time,
        events.local_date,
        events.is_business_hours,
        events.user_email,
        events.source_ip,
        events.action_name,
        events.action_name in {{ uc_governance.audit_actions_sql(['table_read']) }} as is_read,
        events.target_name as table_name,
        events.status_code,
        events.is_success,
        classifications.data_classification,
        classifications.classification_source,
        classifications.is_sensitive
    from events
    inner join classifications on events.target_name = classifications.table_name

)

select * from final
