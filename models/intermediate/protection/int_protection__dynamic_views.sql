{#- One row per dynamic view model of this project: the securable it builds. Lists each view model
    with a ref (add one line per new view), so that governance_apply_log, which depends on this
    model, runs after every view is built. Enabled with the views (var uc_governance_dynamic_views). -#}
{{ config(enabled=var('uc_governance_dynamic_views', target.type != 'databricks')) }}

{%- set views = [
    ref('customers_masked_v'),
    ref('regional_sales_v'),
] %}

with

final as (

    {%- for view in views %}
        select {{ uc_governance.string_literal_sql(view.identifier) }} as model_alias
        {% if not loop.last %}union all{% endif %}
    {%- else %}
        {#- every protected table is natively protected: no view model #}
        select cast(null as {{ dbt.type_string() }}) as model_alias where 1 = 0
    {%- endfor %}

)

select * from final
