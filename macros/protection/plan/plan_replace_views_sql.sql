{#- Plan rows (step 20): CREATE OR REPLACE VIEW for each live dynamic view whose comment does not
    carry this definition (policy changed, or view changed out of band). destructive_count is 1
    (the blast-radius guard lists and counts it) when the new view exposes more: an exposure
    token of int_protection__view_exposure that the live comment's exposure lacks, or a live
    view with no uc_governance exposure at all (unknown: the stricter reading); the reason names
    what is newly exposed. `exposure` has the columns of int_protection__view_exposure, the
    others as for plan_create_views_sql. -#}
{% macro plan_replace_views_sql(definitions, exposure, live_state, live_securables) %}
    {%- set live_exposure = "';' || split_part(split_part(live.detail, ' [exposes ', 2), '] [definition ', 1) || ';'" %}
    select
        {{- uc_governance._protection_plan_row_sql(
            20, 'replace_view', "'VIEW'", 'definitions.view_name', 'definitions.create_statement',
            "'dynamic view over ' || definitions.table_name || case "
            ~ "when live.detail is null or instr(live.detail, ' [exposes ') = 0 "
            ~ "then '; the live view carries no uc_governance exposure: counted as exposing more' "
            ~ "when newly.tokens is not null then '; newly exposes: ' || newly.tokens "
            ~ "else '; its live definition differs, exposing nothing new' end",
            destructive="case when live.detail is null or instr(live.detail, ' [exposes ') = 0 "
            ~ "or newly.tokens is not null then 1 else 0 end") }}
    from {{ uc_governance._views_over_live_tables_sql(definitions, live_securables) }} as definitions
    inner join (
        select object_name, detail from {{ live_state }}
        where state_kind = 'view'
    ) as live
        on definitions.view_name = live.object_name
    left join (
        select
            exposure.view_name,
            {{ uc_governance.sorted_string_agg_sql('exposure.token', "', '") }} as tokens
        from {{ exposure }} as exposure
        inner join {{ live_state }} as live
            on
                live.state_kind = 'view'
                and exposure.view_name = live.object_name
        where instr({{ live_exposure }}, ';' || exposure.token || ';') = 0
        group by exposure.view_name
    ) as newly
        on definitions.view_name = newly.view_name
    where coalesce(live.detail, '') != definitions.view_comment
{% endmacro %}
