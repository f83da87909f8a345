{#- UNION ALL of the given relations (or parenthesised SELECTs), selecting the same columns from
    each in the same order, so that a new member of a union (a policy rule, a plan action) is one
    more list item rather than more SQL. -#}
{% macro union_all_sql(relations, columns) %}
    {%- for relation in relations %}
    select {{ columns | join(', ') }}
    from {{ relation }} as union_member_{{ loop.index }}
        {%- if not loop.last %}
    union all
        {%- endif %}
    {%- endfor %}
{% endmacro %}
