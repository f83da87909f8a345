{#- The catalog and the schema dbt itself builds in (target.database, target.schema) cannot be
    declared as managed: uc_governance would hand them to another owner or revoke from them and
    lock the runner out of its own tables, as the owner and protected-principal rules already
    prevent for the runner's grants. -#}
{%- set working_catalog = (target.database or '') | lower -%}
{%- set working_schema = working_catalog ~ '.' ~ (target.schema or '') | lower -%}
select
    '{{ uc_governance.seed_path("securables") }}' as seed_file,
    securables.row_key,
    'securable_name' as column_name,
    securables.securable_name as offending_value,
    'securable_is_dbt_workspace' as rule_name,
    case securables.securable_type
        when 'CATALOG' then 'is the catalog dbt works in (target catalog)'
        else 'is the schema dbt works in (target catalog and schema)'
    end || '; uc_governance cannot manage it without locking the runner out' as message
from {{ ref('stg_policy__securables') }} as securables
where
    (
        securables.securable_type = 'CATALOG'
        and securables.securable_name = {{ uc_governance.string_literal_sql(working_catalog) }}
    )
    or (
        securables.securable_type = 'SCHEMA'
        and securables.securable_name = {{ uc_governance.string_literal_sql(working_schema) }}
    )
