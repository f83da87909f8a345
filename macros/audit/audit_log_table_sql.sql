{#- The guide's external table over delivered audit logs (§6.2), created idempotently in the
    `security` schema of the catalog that seeds/policy/securables.csv declares, at the cloud
    storage URL of var uc_governance_audit_log_location (checked by uc_governance_config before
    any statement). Every field is declared as a string: Spark's JSON reader then hands objects
    (requestParams, response, userIdentity) over as JSON text and numbers as their text, so one
    staging model parses all sources alike, and a line that is not JSON lands in
    _corrupt_record instead of failing the read. Returns '' unless the source is external_table. -#}
{% macro audit_log_table_sql() %}
    {%- set settings = uc_governance.uc_governance_config() -%}
    {%- if settings['audit_source'] != 'external_table' -%}
        {{- return('') -}}
    {%- endif -%}
    {%- if target.type == 'duckdb' -%}
        {{- exceptions.raise_compiler_error("uc_governance: var uc_governance_audit_source 'external_table' needs target databricks; on target local use 'json_files'.") -}}
    {%- endif -%}
    {%- set sql -%}
create table if not exists {{ uc_governance.audit_log_table_relation() }} (
    version string,
    auditLevel string,
    `timestamp` string,
    orgId string,
    accountId string,
    sourceIPAddress string,
    userAgent string,
    sessionId string,
    userIdentity string,
    serviceName string,
    actionName string,
    requestId string,
    requestParams string,
    response string,
    _corrupt_record string
)
using json
location {{ uc_governance.string_literal_sql(settings['audit_log_location']) }}
    {%- endset -%}
    {{- return(sql) -}}
{% endmacro %}
