{#- Private: whether `ALTER COLUMN ... SET MASK` on a column that already has a mask, and `SET
    ROW FILTER` on a table that already has a row filter, replace the existing one. The one
    place for this choice. The SQL reference is silent (docs.databricks.com/sql/language-manual/
    sql-ref-syntax-ddl-column-mask.html, sql-ref-syntax-ddl-row-filter.html and
    sql-ref-syntax-ddl-alter-table.html say how to set and drop, not what setting over an
    existing one does); dbt-databricks 1.12 sends SET without a DROP when a model's filter or
    mask changes. The stricter reading is taken (false): the plan drops the existing mask or
    filter first (step 50, destructive, counted by the blast-radius guard) and sets the new
    one at step 60, in the same apply. The offline harness refuses the other way by default
    (WorkspaceOptions.policy_set_replaces). -#}
{% macro _policy_set_replaces() %}
    {{- return(false) -}}
{% endmacro %}
