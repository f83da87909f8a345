{#- The data classification of every table the policy declares or the audit log shows accessed.
    In order: the highest classification among its columns in seeds/policy/column_classifications.csv
    (sensitive > pii > confidential > internal > public); 'general' for a table declared in
    seeds/policy/securables.csv, itself or through its schema or catalog, without classified
    columns; else, as the documented fallback only, the guide's name pattern (%pii%, %sensitive%,
    %financial%); else 'general'. classification_source says which. -#}
with

columns_classified as (

    select * from {{ ref('stg_policy__column_classifications') }}

),

securables as (

    select * from {{ ref('stg_policy__securables') }}

),

accessed as (

    select distinct target_name as table_name
    from {{ ref('int_audit__events') }}
    where
        action_name in {{ uc_governance.audit_actions_sql(['table_access']) }}
        and target_name is not null

),

column_levels as (

    select
        table_name,
        max(
            case classification
                when 'sensitive' then 4
                when 'pii' then 3
                when 'confidential' then 2
                when 'internal' then 1
                else 0
            end
        ) as classification_rank
    from columns_classified
    group by table_name

),

tables as (

    select table_name from column_levels
    union distinct
    select securable_name as table_name from securables
    where securable_type in ('TABLE', 'VIEW')
    union distinct
    select table_name from accessed

),

declared as (

    select distinct tables.table_name
    from tables
    inner join securables
        on
            tables.table_name = securables.securable_name
            or tables.table_name like securables.securable_name || '.%'

),

classified as (

    select
        tables.table_name,
        case
            when column_levels.classification_rank = 4 then 'sensitive'
            when column_levels.classification_rank = 3 then 'pii'
            when column_levels.classification_rank = 2 then 'confidential'
            when column_levels.classification_rank = 1 then 'internal'
            when column_levels.classification_rank = 0 then 'public'
            when declared.table_name is not null then 'general'
            when tables.table_name like '%pii%' then 'pii'
            when tables.table_name like '%sensitive%' then 'sensitive'
            when tables.table_name like '%financial%' then 'financial'
            else 'general'
        end as data_classification,
        case
            when column_levels.table_name is not null then 'column_classifications'
            when declared.table_name is not null then 'securables'
            when
                tables.table_name like '%pii%'
                or tables.table_name like '%sensitive%'
                or tables.table_name like '%financial%'
                then 'name_pattern'
            else 'none'
        end as classification_source
    from tables
    left join column_levels on tables.table_name = column_levels.table_name
    left join declared on tables.table_name = declared.table_name

),

final as (

    select
        *,
        data_classification in ('sensitive', 'pii', 'confidential', 'financial') as is_sensitive
    from classified

)

select * from final
