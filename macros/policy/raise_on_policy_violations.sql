{#- Post-hook of policy_violations: reads the violations and, if there are any, stops the
    build with every one of them listed (file, row, column, value, message, rule). The value
    is shown as the seed pre-hook shows it (_show_value: quoted, non-printing characters
    escaped). Returns no SQL. -#}
{% macro raise_on_policy_violations(violations) %}
    {%- if not execute -%}
        {{ return('') }}
    {%- endif -%}
    {%- set query -%}
        select seed_file, row_key, column_name, offending_value, message, rule_name
        from {{ violations }}
        order by seed_file, row_key, column_name
    {%- endset -%}
    {%- set rows = run_query(query).rows -%}
    {%- if rows | length > 0 -%}
        {%- set lines = [] -%}
        {%- for row in rows -%}
            {%- do lines.append(row[0] ~ ' row [' ~ row[1] ~ '] column ' ~ row[2] ~ ', value '
                ~ uc_governance._show_value(row[3]) ~ ': ' ~ row[4] ~ ' (rule ' ~ row[5] ~ ')') -%}
        {%- endfor -%}
        {{ exceptions.raise_compiler_error(
            'uc_governance: the policy seeds have ' ~ rows | length
            ~ ' violation(s); nothing was applied:\n  ' ~ lines | join('\n  ')) }}
    {%- endif -%}
    {{ return('') }}
{% endmacro %}
