{#- Cross-seed policy rules, one row per violation a person can read: which seed file, which row
    (by its key values), which column and value, and what is wrong. Each rule is its own model
    (models/intermediate/<concern>/rules/int_rule__*, all with the columns below); a new rule is
    one more line in the list. Row-level checks (formats, required values, duplicates) already
    ran on each file before it was loaded (macro validate_policy_seed). If this table has rows
    its post-hook stops the build, so nothing downstream (plan, apply) runs. -#}
{{ config(post_hook="{{ uc_governance.raise_on_policy_violations(this) }}") }}

{%- set rules = [
    ref('int_rule__grant_unknown_type'),
    ref('int_rule__grant_invalid_privilege'),
    ref('int_rule__grant_all_privileges'),
    ref('int_rule__grant_undeclared_securable'),
    ref('int_rule__grant_undeclared_principal'),
    ref('int_rule__securable_unknown_type'),
    ref('int_rule__securable_wrong_parts'),
    ref('int_rule__securable_undeclared_parent'),
    ref('int_rule__securable_undeclared_owner'),
    ref('int_rule__securable_location_not_allowed'),
    ref('int_rule__securable_metastore_row'),
    ref('int_rule__base_table_reader_not_cleared'),
    ref('int_rule__classification_unknown'),
    ref('int_rule__classified_table_not_declared'),
    ref('int_rule__clearance_classification_unknown'),
    ref('int_rule__clearance_group_not_declared'),
    ref('int_rule__clearance_scope_unknown'),
    ref('int_rule__demo_member_group_not_declared'),
    ref('int_rule__enforcement_unknown'),
    ref('int_rule__function_schema_not_declared'),
    ref('int_rule__mask_rule_on_public'),
    ref('int_rule__mask_rule_unknown'),
    ref('int_rule__mask_rule_wrong_type'),
    ref('int_rule__persona_reads_excluded_rows'),
    ref('int_rule__protected_table_not_declared'),
    ref('int_rule__protected_table_read_outside_view'),
    ref('int_rule__protected_table_without_protection'),
    ref('int_rule__row_access_group_not_declared'),
    ref('int_rule__row_access_table_not_protected'),
    ref('int_rule__row_access_value_marker'),
    ref('int_rule__securable_live_type_mismatch'),
    ref('int_rule__securable_is_dbt_workspace'),
    ref('int_rule__catalog_needs_location'),
    ref('int_rule__duplicate_row'),
    ref('int_rule__principal_collision'),
] %}

with

unioned as (

    {{ uc_governance.union_all_sql(
        rules, ['seed_file', 'row_key', 'column_name', 'offending_value', 'rule_name', 'message']) }}

),

final as (

    select
        seed_file,
        row_key,
        column_name,
        offending_value,
        rule_name,
        message,
        seed_file || ' | ' || row_key || ' | ' || rule_name as violation_key
    from unioned

)

select * from final
