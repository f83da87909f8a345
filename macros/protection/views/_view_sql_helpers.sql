{#- Private helpers of the dynamic view definitions (int_protection__view_definitions,
    docs/decisions/0051): SQL expressions evaluated over policy rows whose values are SQL text
    of the target's dialect. -#}

{#- Private: SQL expression quoting the column name held in SQL expression `name` as an
    identifier of the target's dialect. -#}
{% macro _view_identifier_sql(name) %}
    {{- return(adapter.dispatch('_view_identifier_sql', 'uc_governance')(name)) -}}
{% endmacro %}

{#- Private, DuckDB (target local): double quotes, a double quote inside doubled. -#}
{% macro default___view_identifier_sql(name) %}
    {{- "(chr(34) || replace(" ~ name ~ ", chr(34), chr(34) || chr(34)) || chr(34))" -}}
{% endmacro %}

{#- Private, Databricks: backticks, through the project's one quoting macro. -#}
{% macro databricks___view_identifier_sql(name) %}
    {{- uc_governance.quote_identifier_sql(name) -}}
{% endmacro %}

{#- Private: SQL expression turning the text held in SQL expression `text` into a string
    literal of the target's dialect. -#}
{% macro _view_string_sql(text) %}
    {{- return(adapter.dispatch('_view_string_sql', 'uc_governance')(text)) -}}
{% endmacro %}

{#- Private, DuckDB: ANSI literal, a single quote doubled (a backslash is literal there). -#}
{% macro default___view_string_sql(text) %}
    {{- "(chr(39) || replace(" ~ text ~ ", chr(39), chr(39) || chr(39)) || chr(39))" -}}
{% endmacro %}

{#- Private, Databricks: backslash escapes, through the project's one string quoting macro. -#}
{% macro databricks___view_string_sql(text) %}
    {{- uc_governance.quote_string_sql(text) -}}
{% endmacro %}

{#- Private: aggregate of SQL expression `expression` into one string, ordered by SQL expression
    `order_key` (not by the value), separated by `separator` (a SQL string literal). -#}
{% macro _ordered_string_agg_sql(expression, order_key, separator) %}
    {{- return(adapter.dispatch('_ordered_string_agg_sql', 'uc_governance')(expression, order_key, separator)) -}}
{% endmacro %}

{#- Private, DuckDB and ANSI engines: string_agg with its own ORDER BY. -#}
{% macro default___ordered_string_agg_sql(expression, order_key, separator) %}
    {{- "string_agg(" ~ expression ~ ", " ~ separator ~ " order by " ~ order_key ~ ")" -}}
{% endmacro %}

{#- Private, Databricks: string_agg ... order by needs recent runtimes; a sorted list of
    (key, value) structs works everywhere. -#}
{% macro databricks___ordered_string_agg_sql(expression, order_key, separator) %}
    {{- "array_join(transform(array_sort(collect_list(named_struct('k', " ~ order_key ~ ", 'v', "
        ~ expression ~ "))), x -> x.v), " ~ separator ~ ")" -}}
{% endmacro %}

{#- Private: SQL expression encoding the name or value held in SQL expression `text` for an
    exposure token (percent-encoding of % ; [ ] = : ~), so that a token never contains the
    separators of the exposure list and a list cannot be spoofed by a name. -#}
{% macro _exposure_text_sql(text) %}
    {%- set encoded = [text] -%}
    {%- for character, code in [('%', '%25'), (';', '%3B'), ('[', '%5B'), (']', '%5D'),
                                 ('=', '%3D'), (':', '%3A'), ('~', '%7E')] -%}
        {%- do encoded.append("replace(" ~ encoded[-1] ~ ", '" ~ character ~ "', '" ~ code ~ "')") -%}
    {%- endfor -%}
    {{- return(encoded[-1]) -}}
{% endmacro %}

{#- Private: the mask rules that reveal nothing of a value to a reader not cleared (NULL, or
    [REDACTED] for any non-NULL value): a column masked so adds no exposure token. -#}
{% macro _mask_rules_revealing_nothing() %}
    {{- return(['nullify', 'redact']) -}}
{% endmacro %}

{#- Private: the text standing for the simulated user in the local view definitions (target
    local), replaced by current_user_sql when a view model compiles (dynamic_view_sql), so that
    `dbt show --vars '{uc_governance_local_user: ...}'` answers as that user. -#}
{% macro _view_user_placeholder() %}
    {{- return('__uc_governance_current_user__') -}}
{% endmacro %}

{#- Private: SQL expression, the SQL text held in SQL expression `text` with the simulated user
    (current_user_sql as rendered now) replaced by _view_user_placeholder where membership is
    simulated (group_membership_relation is a relation); unchanged where the account answers. -#}
{% macro _view_user_free_sql(text) %}
    {%- if uc_governance.group_membership_relation() is none -%}
        {{- return(text) -}}
    {%- endif -%}
    {{- return("replace(" ~ text ~ ", " ~ uc_governance.string_literal_sql(uc_governance.current_user_sql())
        ~ ", " ~ uc_governance.string_literal_sql(uc_governance._view_user_placeholder()) ~ ")") -}}
{% endmacro %}
