{#- Plan rows (step 0, no statement): declared securables that do not exist and that this
    project does not create (tables and views built by pipelines); their grants and owner wait.
    `securable_state` has the columns of int_access__securable_state. -#}
{% macro plan_missing_securables_sql(securable_state) %}
    select
        {{- uc_governance._info_plan_row_sql(
            "'missing_securable'",
            "'does not exist and is not created by uc_governance; its grants and owner wait until it does'") }}
    from {{ securable_state }} as securable_state
    where not exists_now and not created_by_uc_governance
{% endmacro %}
