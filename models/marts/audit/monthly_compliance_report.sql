{#- Guide §6.3 monthly compliance report: one row per calendar month and data classification,
    for every month in the audit data (the guide's query shows the previous month only; filter on
    report_month for that). -#}
with

report as (

    select * from {{ ref('data_access_report') }}

),

final as (

    select
        cast({{ dbt.date_trunc('month', 'access_date') }} as date) as report_month,
        data_classification,
        count(distinct accessor) as unique_users,
        count(*) as total_accesses,
        sum(case when status = 'Failed' then 1 else 0 end) as failed_attempts,
        count(distinct access_date) as active_days
    from report
    group by cast({{ dbt.date_trunc('month', 'access_date') }} as date), data_classification

)

select * from final
