{#- One SQL script (a BEGIN ... END compound statement) carrying `statements` in order, for
    batched apply. Before each statement it records the statement's position in the plan and
    its text in a local variable; an EXIT handler for SQLEXCEPTION reads the failing
    statement's error (GET DIAGNOSTICS, its first statement as the reference requires) and
    raises USER_RAISED_EXCEPTION naming that position, statement and error. The compound is
    NOT ATOMIC (the only behaviour before transactions): statements before the failing one
    stay applied and none after it runs, like the unbatched loop. One variable per DECLARE
    (Databricks Runtime before 17.2 takes one at a time). `first_position` is the plan
    position of the first statement, `total` the number of statements in the whole plan. -#}
{% macro governance_script_sql(statements, first_position, total) %}
    {%- set literal = uc_governance.string_literal_sql -%}
    {%- set lines = [
        'BEGIN',
        "    DECLARE uc_governance_statement STRING DEFAULT '';",
        '    DECLARE EXIT HANDLER FOR SQLEXCEPTION',
        '    BEGIN',
        '        DECLARE uc_governance_error STRING;',
        '        DECLARE uc_governance_arguments MAP<STRING, STRING>;',
        '        GET DIAGNOSTICS CONDITION 1 uc_governance_error = MESSAGE_TEXT;',
        "        SET uc_governance_arguments = map('errorMessage', 'uc_governance apply stopped: '"
            ~ " || uc_governance_statement || ' failed; nothing after it was sent. Error: '"
            ~ ' || uc_governance_error);',
        '        SIGNAL USER_RAISED_EXCEPTION SET MESSAGE_ARGUMENTS = uc_governance_arguments;',
        '    END;',
    ] -%}
    {%- for statement in statements -%}
        {%- set position = first_position + loop.index0 -%}
        {%- do lines.append('    SET uc_governance_statement = '
            ~ literal('statement ' ~ position ~ ' of ' ~ total ~ ' (' ~ statement ~ ')') ~ ';') -%}
        {%- do lines.append('    ' ~ statement ~ ';') -%}
    {%- endfor -%}
    {%- do lines.append('END') -%}
    {{- return(lines | join('\n')) -}}
{% endmacro %}
