{#- Membership changes of an administrators' group (var uc_governance_audit_admin_groups): one
    row per successful change. -#}
{%- set settings = uc_governance.uc_governance_config() -%}
{%- set groups = [] -%}
{%- for group in settings['audit_admin_groups'] -%}
    {%- do groups.append(uc_governance.string_literal_sql(group | lower)) -%}
{%- endfor -%}
with

events as (

    select * from {{ ref('int_audit__events') }}
    where
        action_name in {{ uc_governance.audit_actions_sql(['group_change']) }}
        and is_success
        and (lower(target_group) in ({{ groups | join(', ') }}) or action_name = 'setAdmin')

),

final as (

    select
        event_key,
        event_time,
        user_email,
        action_name,
        target_group,
        target_user,
        source_ip
    from events

)

select * from final
