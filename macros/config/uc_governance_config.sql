{#- The one place where the project's settings and their defaults live. Every macro and model
    reads settings through this macro; users override them with vars named
    `uc_governance_<setting>` in dbt_project.yml or with --vars. A value of the wrong type stops
    the run with an error naming the var and the value.
    - apply (bool, true): send the plan on targets that can enforce grants.
    - max_revokes (int >= 0, 10): most privileges one run may revoke without allow_mass_revoke.
    - allow_mass_revoke (bool, false): apply a plan that revokes more than max_revokes.
    - protected_principals (list of names, []): never revoked from; the principal running dbt is
      always protected.
    - local_user (string): the principal that target local (DuckDB) pretends to run as.
    - mask_hash_secret_scope, mask_hash_secret_key (strings, uc_governance / mask_hash_key): the
      Databricks secret holding the key of the keyed_hash mask rule.
    - dynamic_views (bool, true): create the generated dynamic views: on Databricks as plan
      actions (create_view, replace_view at step 20, after the catalogs and schemas and before
      the grants: docs/decisions/0051), on target local as the dbt view models. The same
      default is written in dbt_project.yml (+enabled of models/marts/protection/views), which
      cannot call macros.
    - apply_batch_size ('auto' or a whole number 1..1000, 'auto'): statements apply sends per
      round trip. 1 sends one statement per round trip. More than 1 sends the plan as SQL
      scripts (BEGIN ... END compound statements) of up to that many statements each. 'auto'
      resolves to 500 where the Databricks SQL reference says SQL scripting runs (Databricks
      SQL warehouses, and clusters on Databricks Runtime 16.3 and above) and to 1 elsewhere:
      see _apply_batch_size and docs/decisions/0040-batched-apply-with-sql-scripting.md.
    - metastore_root_storage (bool, false): whether the metastore has root storage. Without it
      (every workspace enabled for Unity Catalog automatically) CREATE CATALOG fails unless it
      names a MANAGED LOCATION, so every declared catalog needs a managed_location.
    - revoke_on_partial_view (bool, false): plan revokes on a securable even where the runner
      sees only part of its grants in information_schema (not metastore admin, not owner of it
      or of a parent; MANAGE is not enough). With false such a securable gets a partial_view
      plan row and no revoke; its grants are still applied (docs/decisions/0043).
    - protection_function_schema ('production.security'): `catalog.schema` where native
      protection (enforcement 'native') creates its mask and row-filter functions; must be a
      schema the securables seed declares (rule int_rule__function_schema_not_declared,
      docs/decisions/0050-native-protection.md). -#}
{% macro uc_governance_config() %}
    {%- set defaults = {
        'apply': true,
        'max_revokes': 10,
        'allow_mass_revoke': false,
        'protected_principals': [],
        'local_user': 'local-user@example.com',
        'mask_hash_secret_scope': 'uc_governance',
        'mask_hash_secret_key': 'mask_hash_key',
        'dynamic_views': true,
        'apply_batch_size': 'auto',
        'metastore_root_storage': false,
        'revoke_on_partial_view': false,
        'protection_function_schema': 'production.security',
    } -%}
    {%- set resolved = {} -%}
    {%- for key, default in defaults.items() -%}
        {%- set name = 'uc_governance_' ~ key -%}
        {%- set value = var(name, default) -%}
        {%- set problem = none -%}
        {%- if key in ('apply', 'allow_mass_revoke', 'dynamic_views', 'metastore_root_storage', 'revoke_on_partial_view') and value is not sameas true and value is not sameas false -%}
            {%- set problem = 'must be true or false' -%}
        {%- elif key == 'max_revokes' and (value is not number or value is sameas true or value is sameas false or value < 0 or value != value | int) -%}
            {%- set problem = 'must be a whole number of privileges, 0 or more' -%}
        {%- elif key == 'protected_principals' -%}
            {%- set value = [value] if value is string else value -%}
            {%- if value is not iterable or value is mapping -%}
                {%- set problem = 'must be a list of principal names' -%}
            {%- else -%}
                {%- set bad_items = [] -%}
                {%- for item in value if item is not string or item | trim == '' -%}
                    {%- do bad_items.append(item) -%}
                {%- endfor -%}
                {%- if bad_items -%}
                    {%- set problem = 'must be a list of non-empty principal names' -%}
                {%- endif -%}
            {%- endif -%}
        {%- elif key == 'local_user' and (value is not string or value | trim == '') -%}
            {%- set problem = 'must be a principal name' -%}
        {%- elif key in ('mask_hash_secret_scope', 'mask_hash_secret_key') and (value is not string or not modules.re.match('^[A-Za-z0-9_.-]{1,128}$', value)) -%}
            {%- set problem = 'must be a secret scope or key name (letters, digits, _ . -)' -%}
        {%- elif key == 'apply_batch_size' and value != 'auto' and (value is not number
                or value is sameas true or value is sameas false or value != value | int
                or value < 1 or value > 1000) -%}
            {%- set problem = "must be 'auto' or a whole number of statements from 1 to 1000" -%}
        {%- elif key == 'protection_function_schema' and (value is not string or not modules.re.match('^[a-z0-9_]+[.][a-z0-9_]+$', value)) -%}
            {%- set problem = 'must be catalog.schema in lower case (letters, digits, _)' -%}
        {%- endif -%}
        {%- if problem -%}
            {{ exceptions.raise_compiler_error(
                'uc_governance: var ' ~ name ~ ' ' ~ problem ~ "; got '" ~ value ~ "'. Nothing was applied.") }}
        {%- endif -%}
        {%- do resolved.update({key: value}) -%}
    {%- endfor -%}
    {%- do resolved.update(uc_governance._audit_settings()) -%}
    {{ return(resolved) }}
{% endmacro %}


{#- Audit-log settings (models/*/audit), same var naming (`uc_governance_<setting>`) and the same
    error on a bad value. Defaults:
    - audit_source ('json_files' on DuckDB, 'none' elsewhere): json_files, external_table,
      system_table or none. On Databricks audit is opt-in: system.access.audit exists only where an
      account admin enabled the `access` system schema, and delivered logs need their location;
      with 'none' the audit area (models, tests, exposures) is disabled in dbt_project.yml.
    - audit_log_path ('target/sample_audit_logs'): folder of JSON-lines files read on target local.
    - audit_log_location (''): cloud storage URL of delivered logs for audit_source external_table;
      checked like the securables seed's managed_location, before any statement is sent.
    - audit_lookback_days (3): days re-read before the newest event date on an incremental run.
    - audit_failed_login_threshold (10) and audit_failed_login_window_minutes (60): failed logins
      of one user within one window that open an alert; audit_spray_user_threshold (10): distinct
      user names failing from one address within one window (password spraying).
    - audit_unusual_ip_threshold (5) and audit_unusual_window_days (7): a user seen from more
      addresses than this within one window is unusual (guide §6.2).
    - audit_timezone ('UTC'), audit_business_hours_start (8), audit_business_hours_end (18):
      business hours, Monday to Friday, local to audit_timezone (IANA name).
    - audit_bulk_export_threshold (20): exports by one user in one day that make them bulk.
    - audit_max_token_lifetime_days (90): a token living longer (or forever) is long-lived.
    - audit_admin_groups (['admins', 'workspace-admins', 'data-admins', 'metastore-admins']).
    - audit_first_access_baseline_days (7): first days of history that only learn who reads what.
    - deployer (the principal running dbt): permission changes by anyone else are reported. -#}
{% macro _audit_settings() %}
    {%- set defaults = {
        'audit_source': 'json_files' if target.type == 'duckdb' else 'none',
        'audit_log_path': 'target/sample_audit_logs',
        'audit_log_location': '',
        'audit_lookback_days': 3,
        'audit_failed_login_threshold': 10,
        'audit_failed_login_window_minutes': 60,
        'audit_spray_user_threshold': 10,
        'audit_unusual_ip_threshold': 5,
        'audit_unusual_window_days': 7,
        'audit_timezone': 'UTC',
        'audit_business_hours_start': 8,
        'audit_business_hours_end': 18,
        'audit_bulk_export_threshold': 20,
        'audit_max_token_lifetime_days': 90,
        'audit_admin_groups': ['admins', 'workspace-admins', 'data-admins', 'metastore-admins'],
        'audit_first_access_baseline_days': 7,
        'deployer': '',
    } -%}
    {%- set re = modules.re -%}
    {%- set resolved = {} -%}
    {%- for key, default in defaults.items() -%}
        {%- set name = 'uc_governance_' ~ key -%}
        {%- set value = var(name, default) -%}
        {%- set problem = none -%}
        {%- if default is number and default is not sameas true -%}
            {%- set low = 1 if key in ('audit_failed_login_threshold', 'audit_failed_login_window_minutes', 'audit_spray_user_threshold', 'audit_unusual_window_days', 'audit_bulk_export_threshold', 'audit_max_token_lifetime_days') else 0 -%}
            {%- set high = 24 if key.startswith('audit_business_hours') else 1000000 -%}
            {%- if value is not number or value is sameas true or value is sameas false or value != value | int or value < low or value > high -%}
                {%- set problem = 'must be a whole number from ' ~ low ~ ' to ' ~ high -%}
            {%- endif -%}
        {%- elif key == 'audit_source' and value not in ('json_files', 'external_table', 'system_table', 'none') -%}
            {%- set problem = 'must be json_files, external_table, system_table or none' -%}
        {%- elif key == 'audit_log_path' and (value is not string or value | trim == '' or re.search('[\x00-\x1f\x7f\'"\\\\*?\\[\\]{}]', value)) -%}
            {%- set problem = 'must be a folder path without quotes, backslashes, wildcards or control characters' -%}
        {%- elif key == 'audit_log_location' and value != '' and (value is not string or not re.match('^(s3|s3a|abfss|gs|r2)://[^\\s\'\\\\]+$', value)) -%}
            {%- set problem = 'is not a cloud storage URL (s3://, abfss://, gs:// or r2://) without quotes, backslashes or spaces' -%}
        {%- elif key == 'audit_timezone' and (value is not string or not re.match('^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$', value)) -%}
            {%- set problem = "must be an IANA time zone name such as 'UTC' or 'Europe/Paris'" -%}
        {%- elif key == 'audit_admin_groups' -%}
            {%- set value = [value] if value is string else value -%}
            {%- if value is not iterable or value is mapping or value | length == 0 -%}
                {%- set problem = 'must be a non-empty list of group names' -%}
            {%- else -%}
                {%- set bad_items = [] -%}
                {%- for item in value if item is not string or item | trim == '' or re.search('[\x00-\x1f\x7f\'\\\\]', item) -%}
                    {%- do bad_items.append(item) -%}
                {%- endfor -%}
                {%- if bad_items -%}
                    {%- set problem = 'must be a list of group names without quotes, backslashes or control characters' -%}
                {%- endif -%}
            {%- endif -%}
        {%- elif key == 'deployer' and (value is not string or re.search('[\x00-\x1f\x7f\'\\\\]', value)) -%}
            {%- set problem = 'must be a principal name without quotes, backslashes or control characters' -%}
        {%- endif -%}
        {%- if problem -%}
            {{ exceptions.raise_compiler_error(
                'uc_governance: var ' ~ name ~ ' ' ~ problem ~ "; got '" ~ value ~ "'. Nothing was applied.") }}
        {%- endif -%}
        {%- do resolved.update({key: value}) -%}
    {%- endfor -%}
    {%- if resolved['audit_business_hours_start'] >= resolved['audit_business_hours_end'] -%}
        {{ exceptions.raise_compiler_error(
            'uc_governance: var uc_governance_audit_business_hours_start must be before uc_governance_audit_business_hours_end; got '
            ~ resolved['audit_business_hours_start'] ~ ' and ' ~ resolved['audit_business_hours_end'] ~ '. Nothing was applied.') }}
    {%- endif -%}
    {%- if resolved['audit_source'] == 'external_table' and resolved['audit_log_location'] == '' -%}
        {{ exceptions.raise_compiler_error(
            "uc_governance: var uc_governance_audit_source is 'external_table' but uc_governance_audit_log_location is not set (a cloud storage URL such as s3://bucket/prefix). Nothing was applied.") }}
    {%- endif -%}
    {{ return(resolved) }}
{% endmacro %}
