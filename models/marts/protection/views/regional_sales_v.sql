{#- Guide §5.2 regional view: sales rows the reader's regional groups allow (union over groups).
    Generated from the protection seeds. -#}
{{ config(**uc_governance.dynamic_view_config('production.analytics.regional_sales_v')) }}

{{ uc_governance.dynamic_view_sql('production.analytics.sales') }}
