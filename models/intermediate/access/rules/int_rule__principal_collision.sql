{#- Rule: a declared group's name is also (or looks like) a declared service principal's
    application id, so `GRANT ... TO <that name>` could reach either principal, and a reader of
    grants.csv cannot tell which one a row means. One row per group and service principal.
    On target local the unique test on int_access__declared_principals.principal_key catches
    the exact case too; that test runs on DuckDB only (docs/decisions/0041), this rule everywhere.

    How Unity Catalog compares, as this project reads it (principal_key_sql): a group is named
    by its exact name (case-sensitive), a service principal by its application id, a UUID
    matched without regard to case. A group called `6F1C...` and the service principal
    `6f1c...` both answer to `TO 6F1C...`, so the collision is case-insensitive: the group
    name, lower-cased, against the application id (lower-cased and trimmed by
    stg_policy__service_principals; the group name is trimmed by stg_policy__groups).
    Surrounding spaces and invisible characters (zero-width space, bidi marks, no-break space)
    never reach this rule: the seed pre-hook refuses them by file line (validate_policy_seed).
    Printable lookalikes (Cyrillic `а` for `a`, `O` for `0`, a Unicode dash) pass the pre-hook
    and are another principal to Unity Catalog; they are reported here as lookalikes when the
    name is within `lookalike_edits` character edits of an application id (a random UUID is
    about 30 edits from another, a group's word-like name more than that). -#}
{%- set lookalike_edits = 4 -%}

with

groups as (

    select * from {{ ref('stg_policy__groups') }}

),

service_principals as (

    select * from {{ ref('stg_policy__service_principals') }}

),

compared as (

    select
        groups.group_name,
        service_principals.application_id,
        service_principals.display_name,
        levenshtein(lower(groups.group_name), service_principals.application_id) as edits
    from groups
    cross join service_principals

),

final as (

    select
        '{{ uc_governance.seed_path("groups") }}' as seed_file,
        group_name as row_key,
        'group_name' as column_name,
        group_name as offending_value,
        case when edits = 0 then 'principal_collision' else 'principal_lookalike' end as rule_name,
        case
            when edits = 0
                then
                    'is also the application id of service principal ' || display_name
                    || ' ({{ uc_governance.seed_path("service_principals") }} row ['
                    || application_id || ']); Unity Catalog matches application ids without '
                    || 'regard to case, so a grant to this name could reach either principal: '
                    || 'rename the group'
            else
                'differs in only ' || cast(edits as string) || ' character(s) from the '
                || 'application id of service principal ' || display_name
                || ' ({{ uc_governance.seed_path("service_principals") }} row ['
                || application_id || ']); a reader of grants cannot tell them apart: '
                || 'rename the group'
        end as message
    from compared
    where edits <= {{ lookalike_edits }}

)

select * from final
