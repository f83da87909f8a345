{#- Plan rows (step 30): REVOKE of every undeclared direct grant that may be revoked, one
    statement per securable and principal carrying all of its privileges. Each revoked privilege
    counts against the blast-radius guard. Inputs: the columns of int_access__grant_comparison
    and int_access__securable_state. -#}
{% macro plan_revokes_sql(grant_comparison, securable_state) %}
    {%- set revocable -%}
        (
            select * from ({{ uc_governance._undeclared_grants_sql(grant_comparison, securable_state) }}) as undeclared
            where keep_reason is null
        ) as revocable
    {%- endset -%}
    {{ uc_governance._privilege_statement_rows_sql(
        30, 'revoke', 'REVOKE', 'FROM', revocable,
        'granted directly but not declared in the grants seed', destructive=true) }}
{% endmacro %}
