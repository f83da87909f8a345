{#- Model config (a dict for `config(**...)`) of an incremental model whose re-run replaces whole
    dates of the column `date_column`. -#}
{% macro incremental_by_date_config(date_column) %}
    {{- return(adapter.dispatch('incremental_by_date_config', 'uc_governance')(date_column)) -}}
{% endmacro %}

{#- Databricks: a Delta table partitioned by the date; dynamic overwrite of the dates present in
    the new rows. -#}
{% macro default__incremental_by_date_config(date_column) %}
    {{- return({'incremental_strategy': 'insert_overwrite', 'partition_by': [date_column], 'file_format': 'delta'}) -}}
{% endmacro %}

{#- DuckDB has no partitions: delete the dates present in the new rows, then insert them. -#}
{% macro duckdb__incremental_by_date_config(date_column) %}
    {{- return({'incremental_strategy': 'delete+insert', 'unique_key': date_column}) -}}
{% endmacro %}
