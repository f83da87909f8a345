{#- The functions of native protection as securables, with the columns of the seeded rows of
    int_access__declared_securables (which lists them too): type FUNCTION in the governance
    schema, created by the plan (step 20) and owned by whoever runs it (no declared owner). -#}
with

functions as (

    select * from {{ ref('int_protection__native_functions') }}

),

final as (

    select
        'FUNCTION' as securable_type,
        function_name as securable_name,
        'FUNCTION' as securable_class,
        split_part(function_name, '.', 1) as catalog_name,
        split_part(function_name, '.', 2) as schema_name,
        split_part(function_name, '.', 3) as object_name,
        quoted_name,
        split_part(function_name, '.', 1) || '.' || split_part(function_name, '.', 2) as parent_name,
        'SCHEMA' as parent_type,
        false as created_by_uc_governance,
        cast(null as {{ dbt.type_string() }}) as owner_key,
        cast(null as {{ dbt.type_string() }}) as owner_name,
        function_comment as securable_comment,
        cast(null as {{ dbt.type_string() }}) as managed_location,
        true as created_by_protection
    from functions

)

select * from final
