{#- Plan rows for GRANT or REVOKE: one statement per securable and principal from `relation`
    (a relation or an aliased subquery with columns securable_type, securable_name, quoted_name,
    principal_name, privilege), carrying all of that principal's privileges, sorted. ALL
    PRIVILEGES is an alternative to a privilege list, never a member of one (GRANT/REVOKE
    grammar: `{ ALL PRIVILEGES | privilege_type [, ...] }`), so it always gets a statement of
    its own. With `destructive` true, every privilege counts against the blast-radius guard; a
    string is the SQL aggregate that counts what the statement really removes. `reason_sql`,
    when given, is a SQL aggregate used instead of the literal `reason`. -#}
{% macro _privilege_statement_rows_sql(step, action, verb, preposition, relation, reason, destructive=false, reason_sql=none) %}
    {%- set privileges = uc_governance.sorted_string_agg_sql('privilege', "', '") %}
    select
        {{ step }} as plan_step,
        '{{ action }}' as action,
        securable_type,
        securable_name,
        principal_name as principal,
        {{ privileges }} as privileges,
        count(*) as privilege_count,
        {%- if destructive is string %}
        {{ destructive }} as destructive_count,
        {%- else %}
        {{ 'count(*)' if destructive else '0' }} as destructive_count,
        {%- endif %}
        '{{ verb }} ' || {{ privileges }}
        {#- trimmed: METASTORE has an empty quoted_name (ON METASTORE) #}
        || ' ON ' || trim(securable_type || ' ' || quoted_name)
        || ' {{ preposition }} ' || {{ uc_governance.quote_identifier_sql('principal_name') }}
        as statement,
        {{ reason_sql if reason_sql else "'" ~ reason ~ "'" }} as reason
    from {{ relation }}
    group by
        securable_type,
        securable_name,
        quoted_name,
        principal_name,
        privilege = 'ALL PRIVILEGES'
{% endmacro %}
