{#- The governance schema of native protection (setting protection_function_schema) is not a
    schema the securables seed declares, while a table is natively protected: the plan would
    create functions in a schema nobody governs. -#}
{%- set function_schema = uc_governance.uc_governance_config()['protection_function_schema'] %}

with

protected_tables as (

    select * from {{ ref('stg_policy__protected_tables') }}

),

securables as (

    select * from {{ ref('stg_policy__securables') }}

),

declared as (

    select securable_name from securables
    where
        securable_type = 'SCHEMA'
        and securable_name = {{ uc_governance.string_literal_sql(function_schema) }}

),

final as (

    select
        '{{ uc_governance.seed_path("protected_tables") }}' as seed_file,
        protected_tables.row_key,
        'enforcement' as column_name,
        protected_tables.enforcement as offending_value,
        'function_schema_not_declared' as rule_name,
        'native protection creates its functions in schema '
        || {{ uc_governance.string_literal_sql(function_schema) }}
        || ' (var uc_governance_protection_function_schema), which '
        || '{{ uc_governance.seed_path("securables") }} does not declare' as message
    from protected_tables
    where
        protected_tables.enforcement = 'native'
        and not exists (select 1 from declared)

)

select * from final
