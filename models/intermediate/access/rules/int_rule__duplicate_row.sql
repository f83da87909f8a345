{#- Rule: two rows of one seed share the values that identify a row (the staging model's key,
    after the same trimming and case folding the plan uses), or a row has no key at all.
    One row per duplicated (or empty) key. This is what the staging models' unique/not_null
    tests caught; those tests run on target local only (docs/decisions/0041), and this rule
    runs everywhere, inside policy_violations. The policy seeds' pre-hook (validate_policy_seed)
    refuses the same duplicates earlier, by file line; the vocabulary seeds have no pre-hook. -#}
{%- set keyed = [
    ('groups', 'stg_policy__groups', 'principal_key', 'group_name'),
    ('service_principals', 'stg_policy__service_principals', 'principal_key', 'application_id'),
    ('securables', 'stg_policy__securables', 'row_key', 'securable_type, securable_name'),
    ('grants', 'stg_policy__grants', 'row_key',
        'securable_type, securable_name, principal, privilege'),
    ('column_classifications', 'stg_policy__column_classifications', 'row_key',
        'table_name, column_name'),
    ('protected_tables', 'stg_policy__protected_tables', 'row_key', 'table_name'),
    ('clearances', 'stg_policy__clearances', 'row_key',
        'group_name, classification, table_name, column_name'),
    ('row_access', 'stg_policy__row_access', 'row_key', 'table_name, group_name, allowed_value'),
    ('demo_group_members', 'stg_policy__demo_group_members', 'row_key', 'user_name, group_name'),
    ('privileges', 'stg_vocabulary__privileges', "securable_type || ' ' || privilege",
        'securable_type, privilege'),
    ('securable_types', 'stg_vocabulary__securable_types', 'securable_type', 'securable_type'),
    ('classifications', 'stg_vocabulary__classifications', 'classification', 'classification'),
    ('mask_rules', 'stg_vocabulary__mask_rules', 'mask_rule', 'mask_rule'),
] -%}

with

keys as (

    {%- for seed_name, model_name, key_sql, key_columns in keyed %}

        select
            '{{ uc_governance.seed_path(seed_name) }}' as seed_file,
            '{{ key_columns }}' as column_name,
            {{ key_sql }} as key_value
        from {{ ref(model_name) }}
        {%- if not loop.last %}

            union all
        {%- endif %}
    {%- endfor %}

),

counted as (

    select
        seed_file,
        column_name,
        key_value as row_key,
        count(*) as occurrences
    from keys
    group by seed_file, column_name, key_value

),

final as (

    select
        seed_file,
        column_name,
        'duplicate_row' as rule_name,
        coalesce(row_key, '(empty)') as row_key,
        coalesce(row_key, '') as offending_value,
        case
            when row_key is null
                then
                    cast(occurrences as string)
                    || ' row(s) with no value in ' || column_name
                    || '; every row needs them'
            else
                cast(occurrences as string)
                || ' rows share these values of ' || column_name
                || '; keep one row per key'
        end as message
    from counted
    where row_key is null or occurrences > 1

)

select * from final
