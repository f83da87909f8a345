{#- Generic test: no two rows share the same values in `columns`. Fails with each duplicated
    combination and its count. -#}
{% test unique_combination(model, columns) %}
select
    {{ columns | join(', ') }},
    count(*) as occurrences
from {{ model }}
group by {{ columns | join(', ') }}
having count(*) > 1
{% endtest %}
