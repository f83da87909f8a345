{#- A SQL expression: the start of the fixed-length window (`length_ms` milliseconds, counted from
    1970-01-01 plus `offset_ms`) that holds the timestamp `expression`. Windows do not overlap,
    so an event belongs to exactly one (tumbling windows). -#}
{% macro audit_window_start_sql(expression, length_ms, offset_ms=0) %}
    {%- set epoch_ms = uc_governance.timestamp_to_epoch_ms_sql(expression) -%}
    {%- set start_ms = 'cast(floor((' ~ epoch_ms ~ ' - ' ~ offset_ms ~ ') / ' ~ length_ms ~ ') as bigint) * ' ~ length_ms ~ ' + ' ~ offset_ms -%}
    {{- return(uc_governance.epoch_ms_to_timestamp_sql(start_ms)) -}}
{% endmacro %}
