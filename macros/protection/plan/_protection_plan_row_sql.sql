{#- Private: the plan row columns of a native protection action, from SQL expressions over the
    action's rows: `securable_type` and `securable_name`, the statement and the reason; no
    principal or privileges; `destructive` (a number) feeds the blast-radius guard. -#}
{% macro _protection_plan_row_sql(plan_step, action, securable_type, securable_name, statement, reason, destructive=0) %}
        {{ plan_step }} as plan_step,
        '{{ action }}' as action,
        {{ securable_type }} as securable_type,
        {{ securable_name }} as securable_name,
        cast(null as {{ dbt.type_string() }}) as principal,
        cast(null as {{ dbt.type_string() }}) as privileges,
        0 as privilege_count,
        {{ destructive }} as destructive_count,
        {{ statement }} as statement,
        {{ reason }} as reason
{% endmacro %}

{#- Private: SQL expression quoting a lower-case three-part name held in SQL expression `name`
    (`catalog.schema.object`) as `catalog`.`schema`.`object`. -#}
{% macro _quoted_three_part_sql(name) %}
    {{- uc_governance.quote_identifier_sql("split_part(" ~ name ~ ", '.', 1)") ~ " || '.' || "
        ~ uc_governance.quote_identifier_sql("split_part(" ~ name ~ ", '.', 2)") ~ " || '.' || "
        ~ uc_governance.quote_identifier_sql("split_part(" ~ name ~ ", '.', 3)") -}}
{% endmacro %}
