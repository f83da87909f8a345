{#- The relation `<catalog>.information_schema.<view>`: the declared `unity_catalog` source
    (system.information_schema) re-pointed at one catalog's own information_schema. -#}
{% macro information_schema_relation_sql(catalog, view) %}
    {{- return(source('unity_catalog', view).incorporate(path={'database': catalog}, quote_policy={'database': true})) -}}
{% endmacro %}
