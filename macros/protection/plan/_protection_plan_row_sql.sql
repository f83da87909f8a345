{#- Private: the plan row columns of a native protection action, from SQL expressions over the
    action's rows: `securable_type` and `securable_name`, the statement and the reason; no
    principal or privileges; `destructive` (a number) feeds the blast-radius guard. The row
    contract itself is _info_plan_row_sql (macros/access/plan), shared with the access plan. -#}
{% macro _protection_plan_row_sql(plan_step, action, securable_type, securable_name, statement, reason, destructive=0) %}
    {{- uc_governance._info_plan_row_sql(
        "'" ~ action ~ "'", reason, plan_step=plan_step, statement=statement,
        securable_type=securable_type, securable_name=securable_name, destructive=destructive) -}}
{% endmacro %}

{#- Private: SQL expression quoting a lower-case three-part name held in SQL expression `name`
    (`catalog.schema.object`) as `catalog`.`schema`.`object`. -#}
{% macro _quoted_three_part_sql(name) %}
    {{- uc_governance.quote_identifier_sql("split_part(" ~ name ~ ", '.', 1)") ~ " || '.' || "
        ~ uc_governance.quote_identifier_sql("split_part(" ~ name ~ ", '.', 2)") ~ " || '.' || "
        ~ uc_governance.quote_identifier_sql("split_part(" ~ name ~ ", '.', 3)") -}}
{% endmacro %}
