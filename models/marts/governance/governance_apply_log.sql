{#- One row per statement that apply sent (or, on target local or with uc_governance_apply false,
    would have sent), appended on every build. The table is created once, empty, from the query
    below (materialization uc_governance_apply_log: no other statement for the model itself); its
    post-hook runs the plan (macro apply_governance_plan) and returns the insert of its log rows. -#}
{{ config(
    materialized='uc_governance_apply_log',
    post_hook="{{ uc_governance.apply_governance_plan(ref('governance_plan'), this) }}",
) }}

with

plan as (

    select * from {{ ref('governance_plan') }}

),

final as (

    select
        cast(null as {{ dbt.type_string() }}) as invocation_id,
        cast(null as {{ dbt.type_timestamp() }}) as applied_at,
        cast(null as {{ dbt.type_string() }}) as target_name,
        plan_order,
        plan_key,
        action,
        securable_type,
        securable_name,
        principal,
        privileges,
        statement,
        cast(null as {{ dbt.type_string() }}) as status
    from plan
    where 1 = 0

)

select * from final
