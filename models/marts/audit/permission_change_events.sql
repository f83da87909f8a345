{#- Permission changes made at the source by anyone other than the principal that deploys this
    project (var uc_governance_deployer, default the principal running dbt): drift caught when it
    happens, before the next plan revokes it. One row per successful change. -#}
with

events as (

    select * from {{ ref('int_audit__events') }}
    where
        action_name in {{ uc_governance.audit_actions_sql(['permission_change']) }}
        and is_success
        and coalesce(user_email, '') <> {{ uc_governance.string_literal_sql(uc_governance.audit_deployer()) }}

),

final as (

    select
        event_key,
        event_time,
        user_email,
        service_name,
        action_name,
        target_name,
        {{ uc_governance.json_extract_string_sql('request_params', '$.securable_type') }} as securable_type,
        {{ uc_governance.json_extract_string_sql('request_params', '$.changes') }} as permission_changes,
        source_ip
    from events

)

select * from final
