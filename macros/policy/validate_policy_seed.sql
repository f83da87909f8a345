{#- Seed pre-hook for the policy seeds: checks every row of the CSV file, in file order, before
    dbt loads it. A violation names the file, the line, the column and the value, and stops the
    seed (and with it everything downstream: nothing is loaded, nothing is applied).
    Checks that need other seeds (declared groups, privilege vocabulary) are in
    models/marts/governance/policy_violations.sql. Returns no SQL. -#}
{% macro validate_policy_seed() %}
    {%- if not execute or model.resource_type != 'seed' -%}
        {{ return('') }}
    {%- endif -%}
    {%- set rules = uc_governance._policy_seed_rules().get(model.name) -%}
    {%- if rules is none -%}
        {{ exceptions.raise_compiler_error(
            "uc_governance: no validation rules for seed '" ~ model.name ~ "' ("
            ~ model.original_file_path ~ "); add them to _policy_seed_rules") }}
    {%- endif -%}
    {%- set table = load_agate_table() -%}
    {%- set problems = [] -%}
    {%- set missing = [] -%}
    {%- set unexpected = [] -%}
    {%- for column in rules.columns -%}
        {%- if column not in table.column_names -%}
            {%- do missing.append(column) -%}
        {%- endif -%}
    {%- endfor -%}
    {#- A header cell becomes a column name in the seed's CREATE TABLE: only the declared
        columns may be there, so no header text ever reaches the warehouse as SQL. -#}
    {%- for column in table.column_names -%}
        {%- if column not in rules.columns -%}
            {%- do unexpected.append(uc_governance._show_value(column)) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if missing -%}
        {%- do problems.append('header: missing column(s) ' ~ missing | join(', ')) -%}
    {%- endif -%}
    {%- if unexpected -%}
        {%- do problems.append('header: unexpected column(s) ' ~ unexpected | join(', ')
            ~ '; the columns are ' ~ rules.columns.keys() | join(', ')) -%}
    {%- endif -%}
    {%- if not (missing or unexpected) -%}
        {%- set seen = {} -%}
        {%- for row in table.rows -%}
            {%- set line = loop.index + 1 -%}
            {%- for column, kind in rules.columns.items() -%}
                {%- set message = uc_governance._check_policy_value(kind, row[column], column) -%}
                {%- if message -%}
                    {%- do problems.append(
                        'line ' ~ line ~ ', column ' ~ column ~ ', value '
                        ~ uc_governance._show_value(row[column]) ~ ': ' ~ message) -%}
                {%- endif -%}
            {%- endfor -%}
            {%- set key_parts = [] -%}
            {%- for column in rules.key -%}
                {%- do key_parts.append((row[column] or '') | string | trim | lower) -%}
            {%- endfor -%}
            {%- set key = key_parts | join(' | ') -%}
            {%- if key in seen -%}
                {%- do problems.append(
                    'line ' ~ line ~ ', columns ' ~ rules.key | join(', ') ~ ', value '
                    ~ uc_governance._show_value(key) ~ ': duplicate of line ' ~ seen[key]) -%}
            {%- else -%}
                {%- do seen.update({key: line}) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    {%- if problems -%}
        {{ exceptions.raise_compiler_error(
            'uc_governance: ' ~ model.original_file_path ~ ' has ' ~ problems | length
            ~ ' invalid value(s); nothing was loaded or applied:\n  '
            ~ model.original_file_path ~ ' ' ~ problems | join('\n  ' ~ model.original_file_path ~ ' ')) }}
    {%- endif -%}
    {{ return('') }}
{% endmacro %}


{#- Column kinds per policy seed, and the columns that identify a row (duplicates are refused). -#}
{% macro _policy_seed_rules() %}
    {{ return({
        'groups': {
            'columns': {'group_name': 'group', 'description': 'text', 'purpose': 'text',
                        'idp_group': 'optional_name'},
            'key': ['group_name'],
        },
        'service_principals': {
            'columns': {'display_name': 'name', 'application_id': 'application_id',
                        'description': 'text', 'purpose': 'text'},
            'key': ['application_id'],
        },
        'securables': {
            'columns': {'securable_type': 'securable_type', 'securable_name': 'securable_name',
                        'owner': 'optional_principal', 'comment': 'text',
                        'managed_location': 'location'},
            'key': ['securable_type', 'securable_name'],
        },
        'grants': {
            'columns': {'securable_type': 'securable_type', 'securable_name': 'securable_name',
                        'principal': 'principal', 'privilege': 'privilege',
                        'allow_all_privileges': 'boolean', 'reason': 'text'},
            'key': ['securable_type', 'securable_name', 'principal', 'privilege'],
        },
        'column_classifications': {
            'columns': {'table_name': 'securable_name', 'column_name': 'name',
                        'classification': 'name', 'mask_rule': 'optional_name',
                        'data_type': 'data_type', 'reason': 'text'},
            'key': ['table_name', 'column_name'],
        },
        'protected_tables': {
            'columns': {'table_name': 'securable_name', 'enforcement': 'enforcement',
                        'view_name': 'optional_securable_name', 'reason': 'text'},
            'key': ['table_name'],
        },
        'clearances': {
            'columns': {'group_name': 'group', 'classification': 'name',
                        'table_name': 'optional_name', 'column_name': 'optional_name',
                        'reason': 'text'},
            'key': ['group_name', 'classification', 'table_name', 'column_name'],
        },
        'row_access': {
            'columns': {'table_name': 'securable_name', 'column_name': 'name', 'group_name': 'group',
                        'allowed_value': 'text', 'all_rows': 'boolean', 'reason': 'text'},
            'key': ['table_name', 'group_name', 'allowed_value'],
        },
        'demo_group_members': {
            'columns': {'user_name': 'principal', 'group_name': 'group', 'persona': 'text'},
            'key': ['user_name', 'group_name'],
        },
    }) }}
{% endmacro %}


{#- Returns an error message for one value of the given kind, or an empty string. -#}
{% macro _check_policy_value(kind, value, column) %}
    {%- set re = modules.re -%}
    {%- set text = '' if value is none else value | string -%}
    {%- if re.search('[\x00-\x1f\x7f]', text) -%}
        {{ return('contains a control character (newline, tab, NUL...); it cannot be quoted safely') }}
    {%- endif -%}
    {%- if uc_governance._has_invisible_character(text) -%}
        {{ return('contains an invisible or direction-changing character (shown escaped); a lookalike of another name is refused') }}
    {%- endif -%}
    {%- set optional = kind in ('text', 'optional_name', 'optional_principal', 'optional_securable_name', 'location', 'boolean') -%}
    {%- if text | trim == '' -%}
        {{ return('' if optional else 'is required') }}
    {%- endif -%}
    {%- if kind != 'text' and text != text | trim -%}
        {{ return('has leading or trailing spaces') }}
    {%- endif -%}
    {%- if text | length > 255 -%}
        {{ return('is longer than 255 characters') }}
    {%- endif -%}
    {%- if kind == 'group' and text | lower in ('users', 'admins') -%}
        {{ return("is a workspace-local group; Unity Catalog cannot grant to 'users' or 'admins'") }}
    {%- elif kind in ('principal', 'optional_principal') -%}
        {{ return(uc_governance._check_principal(text)) }}
    {%- elif kind == 'application_id' and not re.match('^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$', text) -%}
        {{ return('is not a service principal application id (a UUID)') }}
    {%- elif kind == 'securable_type' and not re.match('^[A-Za-z]+( [A-Za-z]+)*$', text) -%}
        {{ return('is not a securable type such as CATALOG, SCHEMA or TABLE') }}
    {%- elif kind == 'privilege' and not re.match('^[A-Za-z]+( [A-Za-z]+)*$', text) -%}
        {{ return('is not a privilege such as SELECT or USE SCHEMA (words separated by single spaces)') }}
    {%- elif kind in ('securable_name', 'optional_securable_name') -%}
        {%- for part in text.split('.') -%}
            {%- if part == '' or part != part | trim -%}
                {{ return('has an empty name part or a part with surrounding spaces (write catalog.schema.object, unquoted)') }}
            {%- elif re.search('[`\'\\\\]', part) -%}
                {{ return('contains a backtick, quote or backslash; such names are refused') }}
            {%- elif re.search('[ /]', part) -%}
                {{ return("has a name part with a space or '/', which Unity Catalog names cannot hold") }}
            {%- elif part | length > 255 -%}
                {{ return('has a name part longer than 255 characters') }}
            {%- endif -%}
        {%- endfor -%}
    {%- elif kind == 'location' and not re.match('^(s3|s3a|abfss|gs|r2)://[^\\s\'\\\\]+$', text) -%}
        {{ return('is not a cloud storage URL (s3://, abfss://, gs:// or r2://) without quotes, backslashes or spaces') }}
    {%- elif kind == 'data_type' and not re.match('^[A-Za-z]+( *\\( *[0-9]+ *(, *[0-9]+ *)?\\))?$', text) -%}
        {{ return('is not a column type such as string, date, bigint or decimal(10,2)') }}
    {%- elif kind == 'boolean' and text | lower not in ('true', 'false') -%}
        {{ return('is not true or false') }}
    {%- elif kind == 'enforcement' and text | lower | trim not in ('view', 'native') -%}
        {{ return('is not an enforcement mode (view or native)') }}
    {%- endif -%}
    {{ return('') }}
{% endmacro %}


{#- A principal is a user email, a service principal application id or a group name. -#}
{% macro _check_principal(text) %}
    {%- set re = modules.re -%}
    {%- if text | lower in ('users', 'admins') -%}
        {{ return("is a workspace-local group; Unity Catalog cannot grant to 'users' or 'admins'") }}
    {%- elif '@' in text and not re.match('^[^@\\s`]+@[^@\\s`]+\\.[^@\\s`]+$', text) -%}
        {{ return('is not a well-formed user email') }}
    {%- elif re.match('^[0-9a-fA-F-]{32,40}$', text) and not re.match('^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$', text) -%}
        {{ return('looks like a service principal application id but is not a well-formed UUID') }}
    {%- endif -%}
    {{ return('') }}
{% endmacro %}


{#- A value as error messages show it: quoted, with every character that does not print
    (newline, tab, zero-width space, bidi override, no-break space...) escaped as Python writes
    it (\n, \u200b), so the reader sees what is there. -#}
{% macro _show_value(value) %}
    {%- set shown = [] -%}
    {%- for character in ('' if value is none else value | string) -%}
        {%- if character.isprintable() -%}
            {%- do shown.append(character) -%}
        {%- else -%}
            {%- do shown.append(character.encode('unicode_escape').decode('ascii')) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return("'" ~ shown | join('') ~ "'") }}
{% endmacro %}


{#- Whether text holds a character that does not print: format characters (zero-width space
    U+200B, bidi overrides U+202A-U+202E and isolates U+2066-U+2069, BOM), separators other
    than the ASCII space (no-break space), unassigned or private-use code points. Python's
    str.isprintable() is exactly that test. -#}
{% macro _has_invisible_character(text) %}
    {%- for character in text -%}
        {%- if not character.isprintable() -%}
            {{ return(true) }}
        {%- endif -%}
    {%- endfor -%}
    {{ return(false) }}
{% endmacro %}
