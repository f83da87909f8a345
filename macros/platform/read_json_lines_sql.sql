{#- A query over the JSON-lines files `files` (a list of paths known to Jinja) with one row per
    non-empty line: source_file, source_line (1-based), raw_line, is_valid_json. Lines are read as
    text so that a malformed line is kept and counted, never skipped. -#}
{% macro read_json_lines_sql(files) %}
    {{- return(adapter.dispatch('read_json_lines_sql', 'uc_governance')(files)) -}}
{% endmacro %}

{#- Only the embedded target reads files from a folder; warehouses read the audit table. -#}
{% macro default__read_json_lines_sql(files) %}
    {{- exceptions.raise_compiler_error(
        "uc_governance: var uc_governance_audit_source 'json_files' reads local files and needs target local (DuckDB); on "
        ~ target.type ~ " use 'external_table' or 'system_table'.") -}}
{% endmacro %}

{#- DuckDB: read_text gives each file whole; split it into numbered lines. -#}
{% macro duckdb__read_json_lines_sql(files) %}
    {%- set paths = [] -%}
    {%- for file in files -%}
        {%- do paths.append(uc_governance.string_literal_sql(file)) -%}
    {%- endfor -%}
    {%- set sql = [
        'select',
        '    source_file,',
        '    cast(source_line as integer) as source_line,',
        '    raw_line,',
        '    coalesce(json_valid(raw_line), false) as is_valid_json',
        'from (',
        '    select',
        '        source_file,',
        '        unnest(file_lines) as raw_line,',
        '        generate_subscripts(file_lines, 1) as source_line',
        '    from (',
        '        select filename as source_file, string_split(content, chr(10)) as file_lines',
        '        from read_text([' ~ paths | join(', ') ~ '])',
        '    ) as files',
        ') as lines',
        "where trim(raw_line) <> ''",
    ] | join('\n') -%}
    {{- return(sql) -}}
{% endmacro %}
