{#- Generic test: the model has no rows. Used on rule tables whose rows are violations. -#}
{% test is_empty(model) %}
select * from {{ model }}
{% endtest %}
