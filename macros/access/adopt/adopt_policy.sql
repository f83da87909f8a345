{#- Run-operation: reads the live securables (catalogs, schemas, tables, views), their owners and
    their direct grants in the named catalogs, and logs them as policy seed rows, one line per row:
    `uc_governance adopt <json>` with keys `file` (groups, service_principals, securables,
    grants) and `row` (the seed columns). `python -m ucgov.adopt` (make adopt) runs it and writes
    the sorted seed files. Inherited rows are left out (they are grants on the parent), ownership
    is the securables seed's owner, not a grant. Principals are classified by spelling: an email
    is a user (not declared), an application id (UUID) a service principal, anything else a
    group. Reads only; refuses a catalog that does not exist. `catalogs`: a list of names or one
    comma-separated string. With `metastore` true, the metastore-level securables (the metastore,
    external locations, storage and service credentials, connections) and their direct grants are
    adopted too (docs/decisions/0042); the
    metastore row gets no owner (the metastore admin is not managed). -#}
{% macro adopt_policy(catalogs, metastore=false) %}
    {%- if not uc_governance.can_enforce_grants() -%}
        {{ exceptions.raise_compiler_error(
            'uc_governance adopt: target ' ~ target.name ~ ' has no Unity Catalog to read; use a Databricks target') }}
    {%- endif -%}
    {%- set names = (catalogs.split(',') if catalogs is string else catalogs) | map('trim') | map('lower') | reject('equalto', '') | unique | sort | list -%}
    {%- if names | length == 0 and not metastore -%}
        {{ exceptions.raise_compiler_error('uc_governance adopt: name at least one catalog (CATALOGS=a,b)') }}
    {%- endif -%}
    {%- for name in names if not uc_governance.catalog_exists(name) -%}
        {{ exceptions.raise_compiler_error(
            'uc_governance adopt: catalog ' ~ tojson(name) ~ ' does not exist or is not visible to ' ~ uc_governance.current_principal()) }}
    {%- endfor -%}
    {%- set query -%}
        with live_securables as (
            {{ uc_governance.live_securables_sql(names, metastore_level=metastore) }}
        ),
        securables as (
            select * from live_securables
            where not securable_name rlike '^[^.]+[.]information_schema([.]|$)'
        ),
        live_privileges as (
            {{ uc_governance.live_privileges_sql(names, metastore_level=metastore) }}
        ),
        grants as (
            select distinct
                securables.securable_type,
                securables.securable_name,
                live_privileges.principal,
                live_privileges.privilege
            from live_privileges
            inner join securables
                on
                    live_privileges.securable_class = securables.securable_class
                    and live_privileges.securable_name = securables.securable_name
            where
                live_privileges.is_direct
                and live_privileges.privilege not in ('OWN', 'OWNERSHIP', 'OWNER')
        )
        select
            'securable' as kind, securable_type, securable_name,
            case when securable_type != 'METASTORE' then owner end as principal,
            cast(null as {{ dbt.type_string() }}) as privilege
        from securables
        union all
        select 'grant' as kind, securable_type, securable_name, principal, privilege
        from grants
    {%- endset -%}
    {%- set rows = run_query(query).rows -%}
    {%- set principals = {} -%}
    {%- for row in rows -%}
        {%- if row[0] == 'securable' -%}
            {%- do uc_governance._adopt_log('securables', {
                'securable_type': row[1], 'securable_name': row[2], 'owner': row[3] or '',
                'comment': '', 'managed_location': ''}) -%}
        {%- else -%}
            {%- do uc_governance._adopt_log('grants', {
                'securable_type': row[1], 'securable_name': row[2], 'principal': row[3],
                'privilege': row[4],
                'allow_all_privileges': 'true' if row[4] == 'ALL PRIVILEGES' else 'false',
                'reason': 'adopted'}) -%}
        {%- endif -%}
        {%- if row[3] -%}
            {%- do principals.update({row[3]: true}) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- for principal in principals | sort -%}
        {%- if modules.re.match('^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$', principal) -%}
            {%- do uc_governance._adopt_log('service_principals', {
                'display_name': principal | lower, 'application_id': principal | lower,
                'description': 'adopted', 'purpose': 'adopted'}) -%}
        {%- elif '@' not in principal -%}
            {%- do uc_governance._adopt_log('groups', {
                'group_name': principal, 'description': 'adopted', 'purpose': 'adopted',
                'idp_group': ''}) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ log('uc_governance adopt: ' ~ rows | length ~ ' securable and grant row(s) read from ' ~ names | join(', '), info=true) }}
{% endmacro %}

{#- One adopted seed row as a log line that `ucgov.adopt` parses (JSON keeps every character). -#}
{% macro _adopt_log(file, row) %}
    {{ log('uc_governance adopt ' ~ tojson({'file': file, 'row': row}, sort_keys=true), info=true) }}
{% endmacro %}
