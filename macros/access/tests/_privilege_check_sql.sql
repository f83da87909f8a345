{#- Shared body of principal_has_privilege / principal_lacks_privilege. The securable is the
    tested model's relation, or `securable_type` + `securable_name`: a catalog-tree type (read
    from that catalog's information_schema privilege views) or a metastore-level one (EXTERNAL
    LOCATION, STORAGE CREDENTIAL, SERVICE CREDENTIAL, CONNECTION, METASTORE; read once from the
    metastore-level views, the metastore spelled `metastore` or left out). When the runner sees
    only part of the grants there (partial_view_sql, docs/decisions/0043) and sees no row
    proving the answer, the test errors, saying it cannot verify, instead of passing or failing
    on half a picture: one probe read when the test runs. -#}
{% macro _privilege_check_sql(model, principal, privilege, securable_type, securable_name, expect_present) %}
    {%- set test_name = 'principal_has_privilege' if expect_present else 'principal_lacks_privilege' -%}
    {#- the classes of the catalog tree (views are tables in information_schema) -#}
    {%- set catalog_classes = ['CATALOG', 'SCHEMA', 'TABLE', 'VOLUME', 'FUNCTION'] -%}
    {%- set metastore_classes = ['EXTERNAL LOCATION', 'STORAGE CREDENTIAL', 'SERVICE CREDENTIAL', 'CONNECTION', 'METASTORE'] -%}
    {%- if securable_name is none and securable_type is none -%}
        {%- set securable_class = 'TABLE' -%}
        {%- set securable_name = [model.database, model.schema, model.identifier] | join('.') -%}
    {%- else -%}
        {%- set kind = (securable_type or 'TABLE') | upper -%}
        {%- set securable_class = 'TABLE' if kind in ('VIEW', 'MATERIALIZED VIEW', 'STREAMING TABLE') else kind -%}
        {%- if securable_class not in catalog_classes + metastore_classes -%}
            {{ exceptions.raise_compiler_error(
                'uc_governance ' ~ test_name ~ ': securable_type ' ~ tojson(securable_type) ~ ' is not a securable type; use one of '
                ~ (catalog_classes + metastore_classes) | join(', ') ~ ' (or VIEW, MATERIALIZED VIEW, STREAMING TABLE)') }}
        {%- endif -%}
        {%- if kind == 'METASTORE' -%}
            {%- set securable_name = 'metastore' -%}
        {%- elif securable_name is none -%}
            {{ exceptions.raise_compiler_error(
                'uc_governance ' ~ test_name ~ ': securable_type ' ~ tojson(securable_type) ~ ' needs a securable_name') }}
        {%- endif -%}
    {%- endif -%}
    {%- set securable_name = securable_name | lower -%}
    {%- set metastore_level = securable_class in metastore_classes -%}
    {%- set parts = securable_name.split('.') -%}
    {%- set catalogs = [] if metastore_level or not uc_governance.catalog_exists(parts[0]) else [parts[0]] -%}
    {#- ALL PRIVILEGES expands at check time to every privilege except MANAGE and the EXTERNAL
        USE privileges (docs: Unity Catalog privileges, "ALL PRIVILEGES"); those are only held
        when granted by name. -#}
    {%- set covering = [privilege | upper] -%}
    {%- if (privilege | upper) not in ('MANAGE', 'EXTERNAL USE SCHEMA', 'EXTERNAL USE LOCATION') -%}
        {%- do covering.append('ALL PRIVILEGES') -%}
    {%- endif -%}
    {%- set held_cte -%}
held as (

    select
        securable_class,
        securable_name,
        principal,
        privilege,
        inherited_from
    from ({{ uc_governance.live_privileges_sql(catalogs, metastore_level=metastore_level) }}) as live
    where
        securable_class = {{ uc_governance.string_literal_sql(securable_class) }}
        and securable_name = {{ uc_governance.string_literal_sql(securable_name) }}
        and principal_key = {{ uc_governance.principal_key_sql(uc_governance.string_literal_sql(principal)) }}
        and privilege in (
            {%- for name in covering %}{{ uc_governance.string_literal_sql(name) }}{{ ', ' if not loop.last }}{% endfor -%}
        )

)
    {%- endset -%}
    {%- if execute -%}
        {%- set probe -%}
with

{{ held_cte }},

checked as (

    select
        {{ uc_governance.string_literal_sql(securable_class) }} as securable_class,
        {{ uc_governance.string_literal_sql(securable_name) }} as securable_name,
        {{ 'cast(null as ' ~ dbt.type_string() ~ ')' if metastore_level else uc_governance.string_literal_sql(parts[0]) }} as catalog_name,
        {{ uc_governance.string_literal_sql(parts[1]) if not metastore_level and parts | length > 1 else 'cast(null as ' ~ dbt.type_string() ~ ')' }} as schema_name

),

live_securables as (

    {{ uc_governance.live_securables_sql(catalogs, metastore_level=metastore_level) }}

)

select
    (select count(*) from held) as held_rows,
    {{ uc_governance.partial_view_sql('checked', 'live_securables') }} as partial_view
from checked
        {%- endset -%}
        {%- set probed = run_query(probe).rows[0] -%}
        {%- if probed[0] | int == 0 and probed[1] -%}
            {{ exceptions.raise_compiler_error(
                'uc_governance ' ~ test_name ~ ': cannot verify ' ~ tojson(principal) ~ ' ' ~ (privilege | upper) ~ ' on '
                ~ securable_class ~ ' ' ~ tojson(securable_name) ~ ': the runner ' ~ tojson(uc_governance.current_principal())
                ~ ' sees only part of the grants there (neither metastore admin nor owner of it or of a parent, '
                ~ 'docs/decisions/0043-partial-view.md) and sees no grant that proves the answer. '
                ~ 'Run this test as the metastore admin or a member of the owning group.') }}
        {%- endif -%}
    {%- endif %}
with

{{ held_cte }}

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
