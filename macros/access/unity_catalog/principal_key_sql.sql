{#- SQL expression: the key two spellings of one principal share. Unity Catalog matches user
    emails and service principal application ids without regard to case, but group names are
    case-sensitive (`G` and `g` are two groups), so only emails and application ids are folded
    to lower case; a group name is kept as written (trimmed). Every comparison of principals
    (seeds with each other, seeds with the live state) goes through this one macro. -#}
{% macro principal_key_sql(expression) %}
    {%- set trimmed = 'trim(' ~ expression ~ ')' -%}
    {%- set folded = 'lower(' ~ trimmed ~ ')' -%}
    {{- 'case when ' ~ uc_governance.looks_like_user_or_service_principal_sql(folded)
        ~ ' then ' ~ folded ~ ' else ' ~ trimmed ~ ' end' -}}
{% endmacro %}
