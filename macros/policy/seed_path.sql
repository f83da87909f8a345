{#- The path of one of this project's seeds, as dbt knows it (e.g. seeds/policy/grants.csv), for
    messages that must name the file. -#}
{% macro seed_path(seed_name) %}
    {%- set node = graph.nodes.get('seed.uc_governance.' ~ seed_name) if graph is defined and graph.nodes else none -%}
    {{- return(node.original_file_path if node else 'seeds/policy/' ~ seed_name ~ '.csv') -}}
{% endmacro %}
