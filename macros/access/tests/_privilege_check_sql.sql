{#- Shared body of principal_has_privilege / principal_lacks_privilege. -#}
{% macro _privilege_check_sql(model, principal, privilege, securable_type, securable_name, expect_present) %}
    {%- if securable_name is none -%}
        {%- set securable_class = 'TABLE' -%}
        {%- set securable_name = [model.database, model.schema, model.identifier] | join('.') -%}
    {%- else -%}
        {%- set securable_class = 'TABLE' if (securable_type | upper) in ('TABLE', 'VIEW') else securable_type | upper -%}
    {%- endif -%}
    {%- set securable_name = securable_name | lower -%}
    {%- set catalog = securable_name.split('.')[0] -%}
    {%- set catalogs = [catalog] if uc_governance.catalog_exists(catalog) else [] -%}
    {#- ALL PRIVILEGES expands at check time to every privilege except MANAGE and the EXTERNAL
        USE privileges (docs: Unity Catalog privileges, "ALL PRIVILEGES"); those are only held
        when granted by name. -#}
    {%- set covering = [privilege | upper] -%}
    {%- if (privilege | upper) not in ('MANAGE', 'EXTERNAL USE SCHEMA', 'EXTERNAL USE LOCATION') -%}
        {%- do covering.append('ALL PRIVILEGES') -%}
    {%- endif %}
with

held as (

    select
        securable_class,
        securable_name,
        principal,
        privilege,
        inherited_from
    from ({{ uc_governance.live_privileges_sql(catalogs) }}) as live
    where
        securable_class = {{ uc_governance.string_literal_sql(securable_class) }}
        and securable_name = {{ uc_governance.string_literal_sql(securable_name) }}
        and principal_key = {{ uc_governance.principal_key_sql(uc_governance.string_literal_sql(principal)) }}
        and privilege in (
            {%- for name in covering %}{{ uc_governance.string_literal_sql(name) }}{{ ', ' if not loop.last }}{% endfor -%}
        )

)

{% if expect_present -%}
select
    {{ uc_governance.string_literal_sql(securable_class ~ ' ' ~ securable_name) }} as securable,
    {{ uc_governance.string_literal_sql(principal) }} as principal,
    {{ uc_governance.string_literal_sql(privilege | upper) }} as missing_privilege
where not exists (select 1 from held)
{%- else -%}
select * from held
{%- endif %}
{% endmacro %}
