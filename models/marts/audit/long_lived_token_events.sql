{#- Personal access tokens created with no expiry or a lifetime longer than
    uc_governance_audit_max_token_lifetime_days: one row per token creation. -#}
{%- set settings = uc_governance.uc_governance_config() -%}
with

events as (

    select * from {{ ref('int_audit__events') }}
    where
        action_name = 'generateDbToken'
        and is_success
        and (
            coalesce(token_lifetime_seconds, 0) <= 0
            or token_lifetime_seconds > {{ settings['audit_max_token_lifetime_days'] * 86400 }}
        )

),

final as (

    select
        event_key,
        event_time,
        user_email,
        token_lifetime_seconds,
        cast(token_lifetime_seconds / 86400 as integer) as token_lifetime_days,
        source_ip,
        case
            when coalesce(token_lifetime_seconds, 0) <= 0 then 'no_expiry'
            else 'over_max_lifetime'
        end as reason
    from events

)

select * from final
