{#- One row per audit record, from the source chosen by var uc_governance_audit_source, normalised
    to one schema. Every record is kept: a record that cannot be used gets a quarantine_reason
    (reported by audit_quarantine_events, skipped by the detections), never an error.
    Incremental on event_date: a re-run reads only the event dates from (newest date already
    loaded - audit_lookback_days) on, replacing those dates whole. This is the ONE model that
    knows the field names of the sources; names marked "verify" should be checked against real
    logs (../shared/reference/unity-catalog-facts.md). -#}
-- depends_on: {{ ref('stg_policy__securables') }}
-- depends_on: {{ ref('securables') }}
-- depends_on: {{ source('system_access', 'audit') }}
{#- With audit_source 'none' (the default on Databricks: audit is opt-in) the whole audit area
    is disabled (dbt_project.yml), so this model is built only from a real source. #}
{{ config(
    materialized='incremental',
    on_schema_change='fail',
    pre_hook="{{ uc_governance.audit_log_table_sql() }}",
    **uc_governance.incremental_by_date_config('event_date'),
) }}

{%- set settings = uc_governance.uc_governance_config() -%}
{%- set source_kind = settings['audit_source'] -%}
{%- set known_kinds = ['login', 'table_access', 'permission_change', 'escalation', 'group_change'] -%}
{%- set known_kinds = known_kinds + ['export', 'token', 'other'] -%}
{%- set cutoff = none -%}
{#- `dbt compile --no-introspect` (offline) may not query the warehouse: no cutoff then. -#}
{%- if execute and flags.INTROSPECT is not false and is_incremental() -%}
    {%- set newest_sql = 'select cast(max(event_date) as varchar(10)) from ' ~ this -%}
    {%- set newest = run_query(newest_sql).columns[0].values()[0] -%}
    {%- if newest -%}
        {%- set lookback = modules.datetime.timedelta(days=settings['audit_lookback_days']) -%}
        {%- set cutoff = (modules.datetime.date.fromisoformat(newest) - lookback).isoformat() -%}
    {%- endif -%}
{%- endif -%}

{%- if source_kind == 'json_files' -%}
    {#- Delivery format, verify against real logs: orgId is the workspace id, timestamp is epoch
        milliseconds, response.statusCode is camel-case. Column and JSON path, parsed once. -#}
    {%- set delivery_fields = [
        ('timestamp_text', '$.timestamp'),
        ('workspace_id', '$.orgId'),
        ('account_id', '$.accountId'),
        ('user_email', '$.userIdentity.email'),
        ('source_ip', '$.sourceIPAddress'),
        ('user_agent', '$.userAgent'),
        ('session_id', '$.sessionId'),
        ('service_name', '$.serviceName'),
        ('action_name', '$.actionName'),
        ('request_id', '$.requestId'),
        ('request_params', '$.requestParams'),
        ('status_code_text', '$.response.statusCode'),
        ('error_message', '$.response.errorMessage'),
        ('audit_level', '$.auditLevel'),
    ] -%}
    {%- set delivery_paths = [] -%}
    {%- for column, path in delivery_fields -%}
        {%- do delivery_paths.append(path) -%}
    {%- endfor -%}
    {#- Files under the folder; on a re-run only the delivery dates (date=YYYY-MM-DD in the path)
        from the cutoff on, and files without a date in their path. -#}
    {%- set files = [] -%}
    {%- set pattern = uc_governance.string_literal_sql(settings['audit_log_path'] ~ '/**/*.json') -%}
    {%- if execute -%}
        {%- set glob_sql = 'select file from glob(' ~ pattern ~ ') order by file' -%}
        {%- set listed = run_query(glob_sql).columns[0].values() -%}
        {%- for file in listed -%}
            {%- set found = modules.re.search('date=([0-9]{4}-[0-9]{2}-[0-9]{2})', file) -%}
            {%- if cutoff is none or not found or found.group(1) >= cutoff -%}
                {%- do files.append(file) -%}
            {%- endif -%}
        {%- endfor -%}
        {%- set message = 'stg_audit__events: reading ' ~ (files | length) -%}
        {%- set message = message ~ ' of ' ~ (listed | length) -%}
        {%- set message = message ~ ' audit log files under ' ~ settings['audit_log_path'] -%}
        {{ log(message ~ (' (dates from ' ~ cutoff ~ ')' if cutoff else ''), info=True) }}
    {%- endif -%}
    {%- if files -%}
        {%- set lines_sql = uc_governance.read_json_lines_sql(files) -%}
    {%- else -%}
        {#- No file (yet): an empty, typed relation, so the build goes on. -#}
        {%- set lines_sql -%}
select
    cast(null as {{ dbt.type_string() }}) as source_file,
    cast(null as integer) as source_line,
    cast(null as {{ dbt.type_string() }}) as raw_line,
    false as is_valid_json
where 1 = 0
        {%- endset -%}
    {%- endif -%}
{%- endif %}

with

extracted as (

    {% if source_kind == 'json_files' -%}
        {#- Delivery format: the fields and their paths are listed at the top (delivery_fields). -#}
        select
            source_file,
            source_line,
            raw_record,
            not is_valid_json as is_malformed,
            cast(null as timestamp) as event_time_native,
            {%- for column, path in delivery_fields %}
                {{ uc_governance.array_element_sql('delivery_values', loop.index) }} as {{ column }},
            {%- endfor %}
            source_file || ':' || cast(source_line as {{ dbt.type_string() }}) as event_key
        from (
            select
                source_file,
                source_line,
                is_valid_json,
                case when not is_valid_json then raw_line end as raw_record,
                {{ uc_governance.json_extract_strings_sql(
                    'case when is_valid_json then raw_line end', delivery_paths) }} as delivery_values
            from (
                {{ lines_sql | indent(16) }}
            ) as file_lines
        ) as records
    {%- elif source_kind == 'external_table' %}
        {#- The external table (macro audit_log_table_sql) declares every field as a string; objects
            arrive as JSON text. Verify against real logs: as for json_files. -#}
        select
            audit_logs._metadata.file_path as source_file,
            cast(null as integer) as source_line,
            audit_logs._corrupt_record as raw_record,
            audit_logs._corrupt_record is not null as is_malformed,
            cast(null as timestamp) as event_time_native,
            audit_logs.`timestamp` as timestamp_text,
            audit_logs.orgid as workspace_id,
            audit_logs.accountid as account_id,
            {{ uc_governance.json_extract_string_sql('audit_logs.useridentity', '$.email') }} as user_email,
            audit_logs.sourceipaddress as source_ip,
            audit_logs.useragent as user_agent,
            audit_logs.sessionid as session_id,
            audit_logs.servicename as service_name,
            audit_logs.actionname as action_name,
            audit_logs.requestid as request_id,
            audit_logs.requestparams as request_params,
            {{ uc_governance.json_extract_string_sql('audit_logs.response', '$.statusCode') }} as status_code_text,
            {{ uc_governance.json_extract_string_sql('audit_logs.response', '$.errorMessage') }} as error_message,
            audit_logs.auditlevel as audit_level,
            md5(
                coalesce(audit_logs._metadata.file_path, '')
                || coalesce(audit_logs.requestid, '')
                || coalesce(audit_logs._corrupt_record, '')
                || coalesce(audit_logs.`timestamp`, '')
            ) as event_key
        from {{ uc_governance.audit_log_table_relation() }} as audit_logs
        {#- Delivered files hold one day each under date=YYYY-MM-DD: a re-run prunes by path. #}
        {%- if cutoff %}
        where regexp_extract(audit_logs._metadata.file_path, 'date=([0-9]{4}-[0-9]{2}-[0-9]{2})', 1) >= '{{ cutoff }}'
        {%- endif %}
    {%- else %}
        {#- system.access.audit, partitioned by event_date (filtered on it on a re-run). Verify: the
            response struct's field names (status_code or statusCode). -#}
        select
            cast(null as {{ dbt.type_string() }}) as source_file,
            cast(null as integer) as source_line,
            cast(null as {{ dbt.type_string() }}) as raw_record,
            false as is_malformed,
            audit.event_time as event_time_native,
            cast(null as {{ dbt.type_string() }}) as timestamp_text,
            cast(audit.workspace_id as {{ dbt.type_string() }}) as workspace_id,
            audit.account_id,
            audit.user_identity.email as user_email,
            audit.source_ip_address as source_ip,
            audit.user_agent,
            audit.session_id,
            audit.service_name,
            audit.action_name,
            audit.request_id,
            to_json(audit.request_params) as request_params,
            cast(audit.response.status_code as {{ dbt.type_string() }}) as status_code_text,
            audit.response.error_message,
            audit.audit_level,
            audit.event_id as event_key
        from {{ source('system_access', 'audit') }} as audit
        {%- if cutoff %}
        where audit.event_date >= date '{{ cutoff }}'
        {%- endif %}
    {%- endif %}

),

parsed as (

    select
        *,
        case
            when event_time_native is not null then event_time_native
            when try_cast(timestamp_text as bigint) is not null
                then {{ uc_governance.epoch_ms_to_timestamp_sql('try_cast(timestamp_text as bigint)') }}
            else try_cast(timestamp_text as timestamp)
        end as event_time,
        case
            when event_time_native is not null then 'native'
            when timestamp_text is null then null
            when try_cast(timestamp_text as bigint) is not null then 'epoch_ms'
            when try_cast(timestamp_text as timestamp) is not null then 'iso_8601'
            else 'unparseable'
        end as timestamp_format,
        try_cast(
            regexp_extract(coalesce(source_file, ''), 'date=([0-9]{4}-[0-9]{2}-[0-9]{2})', 1) as date
        ) as delivery_date,
        try_cast(status_code_text as integer) as status_code
    from extracted

),

reasoned as (

    select
        *,
        case
            when is_malformed then 'malformed_json'
            when timestamp_text is null and event_time_native is null then 'missing_field:timestamp'
            when service_name is null then 'missing_field:serviceName'
            when action_name is null then 'missing_field:actionName'
            when event_time is null then 'unparseable_timestamp'
            when
                {{ uc_governance.timestamp_to_epoch_ms_sql('event_time') }}
                > {{ uc_governance.timestamp_to_epoch_ms_sql(dbt.current_timestamp()) }} + 300000
                then 'future_timestamp'
            when
                service_name in {{ uc_governance.audit_actions_sql(['services']) }}
                and action_name not in {{ uc_governance.audit_actions_sql(known_kinds) }}
                then 'unknown_action'
        end as quarantine_reason
    from parsed

),

classified as (

    {#- Quarantined records without a usable time keep the date they were delivered (or
        loaded) so that re-runs replace them like any other date. -#}
    select
        *,
        case
            when quarantine_reason is null or quarantine_reason = 'unknown_action'
                then cast(event_time as date)
            else coalesce(delivery_date, cast({{ dbt.current_timestamp() }} as date))
        end as event_date
    from reasoned

),

final as (

    select
        event_key,
        event_time,
        event_date,
        workspace_id,
        account_id,
        lower(user_email) as user_email,
        source_ip,
        user_agent,
        session_id,
        service_name,
        action_name,
        request_params,
        status_code,
        error_message,
        request_id,
        audit_level,
        {#- Request parameters the detections read (verify against real logs). -#}
        lower(coalesce(
            {{ uc_governance.array_element_sql('param_values', 1) }},
            {{ uc_governance.array_element_sql('param_values', 2) }},
            {{ uc_governance.array_element_sql('param_values', 3) }},
            {{ uc_governance.array_element_sql('param_values', 4) }}
        )) as target_name,
        {{ uc_governance.array_element_sql('param_values', 5) }} as target_group,
        lower({{ uc_governance.array_element_sql('param_values', 6) }}) as target_user,
        try_cast({{ uc_governance.array_element_sql('param_values', 7) }} as bigint) as token_lifetime_seconds,
        {{ uc_governance.array_element_sql('param_values', 8) }} as export_path,
        {{ uc_governance.array_element_sql('param_values', 9) }} as export_format,
        timestamp_format,
        quarantine_reason,
        '{{ source_kind }}' as audit_source,
        source_file,
        source_line,
        raw_record
    from (
        select
            *,
            {{ uc_governance.json_extract_strings_sql('request_params', [
                '$.full_name_arg', '$.table_full_name', '$.securable_full_name', '$.name',
                '$.targetGroupName', '$.targetUserName', '$.lifetime_seconds', '$.path', '$.format',
            ]) }} as param_values
        from classified
    ) as with_params
    {%- if cutoff %}
        where event_date >= date '{{ cutoff }}'
    {%- endif %}

)

select * from final
