"""The demo organisation's plan, written by hand from the guide: what the local plan and the
Databricks scenarios and preview expect."""

from __future__ import annotations

import hashlib

SP = "6f1c9a52-2b1e-4c3d-9a7e-5d2f1b0c8e47"  # production-etl-pipeline, seeds/policy

# Written by hand from the guide (§5.1 CREATE and GRANT statements, §3.3 service principal
# grants) plus the security schema the audit work uses; privileges sorted, one statement per
# securable and principal. The §5.2 rows (regional teams, pii-authorized, compliance-team and
# the two dynamic views) come from the guide's "grant access to the view instead of the base table".
EXPECTED_STATEMENTS = [
    "CREATE CATALOG IF NOT EXISTS `production` "
    "MANAGED LOCATION 's3://uc-governance-demo/production' "
    "COMMENT 'Production data: ETL output and curated analytics'",
    "CREATE SCHEMA IF NOT EXISTS `production`.`analytics` "
    "COMMENT 'Curated analytics tables and masked views'",
    "CREATE SCHEMA IF NOT EXISTS `production`.`etl` "
    "COMMENT 'Raw and staged data written by the ETL pipeline'",
    "CREATE SCHEMA IF NOT EXISTS `production`.`security` COMMENT 'Audit logs and security reports'",
    "CREATE SCHEMA IF NOT EXISTS `production`.`sensitive_data` "
    "COMMENT 'Personal data; read through masked views only'",
    f"GRANT USE CATALOG ON CATALOG `production` TO `{SP}`",
    "GRANT USE CATALOG ON CATALOG `production` TO `apac-team`",
    "GRANT USE CATALOG ON CATALOG `production` TO `compliance-team`",
    "GRANT USE CATALOG ON CATALOG `production` TO `data-analysts`",
    "GRANT USE CATALOG ON CATALOG `production` TO `data-engineers`",
    "GRANT USE CATALOG ON CATALOG `production` TO `data-scientists`",
    "GRANT USE CATALOG ON CATALOG `production` TO `europe-team`",
    "GRANT USE CATALOG ON CATALOG `production` TO `north-america-team`",
    "GRANT USE CATALOG ON CATALOG `production` TO `pii-authorized`",
    "GRANT USE CATALOG ON CATALOG `production` TO `security-team`",
    "GRANT USE SCHEMA ON SCHEMA `production`.`analytics` TO `apac-team`",
    "GRANT USE SCHEMA ON SCHEMA `production`.`analytics` TO `compliance-team`",
    "GRANT USE SCHEMA ON SCHEMA `production`.`analytics` TO `data-analysts`",
    "GRANT SELECT, USE SCHEMA ON SCHEMA `production`.`analytics` TO `data-scientists`",
    "GRANT USE SCHEMA ON SCHEMA `production`.`analytics` TO `europe-team`",
    "GRANT USE SCHEMA ON SCHEMA `production`.`analytics` TO `north-america-team`",
    "GRANT USE SCHEMA ON SCHEMA `production`.`analytics` TO `pii-authorized`",
    "GRANT SELECT ON TABLE `production`.`analytics`.`customer_segments` TO `data-analysts`",
    "GRANT SELECT ON VIEW `production`.`analytics`.`customers_masked_v` TO `compliance-team`",
    "GRANT SELECT ON VIEW `production`.`analytics`.`customers_masked_v` TO `data-analysts`",
    "GRANT SELECT ON VIEW `production`.`analytics`.`customers_masked_v` TO `pii-authorized`",
    "GRANT SELECT ON VIEW `production`.`analytics`.`regional_sales_v` TO `apac-team`",
    "GRANT SELECT ON VIEW `production`.`analytics`.`regional_sales_v` TO `europe-team`",
    "GRANT SELECT ON VIEW `production`.`analytics`.`regional_sales_v` TO `north-america-team`",
    "GRANT SELECT ON TABLE `production`.`analytics`.`sales_summary` TO `data-analysts`",
    f"GRANT MODIFY, SELECT, USE SCHEMA ON SCHEMA `production`.`etl` TO `{SP}`",
    "GRANT CREATE TABLE, MODIFY, SELECT, USE SCHEMA ON SCHEMA `production`.`etl` "
    "TO `data-engineers`",
    "GRANT SELECT, USE SCHEMA ON SCHEMA `production`.`security` TO `security-team`",
    "ALTER CATALOG `production` OWNER TO `data-admins`",
    "ALTER SCHEMA `production`.`analytics` OWNER TO `data-admins`",
    "ALTER SCHEMA `production`.`etl` OWNER TO `data-admins`",
    "ALTER SCHEMA `production`.`security` OWNER TO `security-team`",
    "ALTER SCHEMA `production`.`sensitive_data` OWNER TO `data-admins`",
]

# On a real, empty workspace the pipeline's tables do not exist yet: their grants wait
# (plan rows `missing_securable`) and everything else of the guide's plan is sent. So do the
# dynamic views over the protected tables the pipelines build, and their grants.
FIRST_APPLY = [s for s in EXPECTED_STATEMENTS if " ON TABLE " not in s and " ON VIEW " not in s]
TABLE_GRANTS = [s for s in EXPECTED_STATEMENTS if " ON TABLE " in s]


def member(group: str) -> str:
    return f"is_account_group_member('{group}')"


def _in_clear_for(group: str, column: str, masked: str) -> str:
    return f"case when {member(group)} then `{column}` else {masked} end as `{column}`"


def _keep_empty(column: str) -> str:
    return f"case when `{column}` is null or `{column}` = '' then `{column}`"


def _last4(column: str, prefix: str) -> str:
    return (
        f"{_keep_empty(column)} when length(`{column}`) <= 4 then '{prefix}****' "
        f"else '{prefix}' || right(`{column}`, 4) end"
    )


# Guide §5.2, written by hand: customers_masked_v shows every classified column in column
# order; email (first 3 characters + ***@ + domain) and phone (last 4) in clear for
# pii-authorized, the SSN (last 4) for compliance-team; everyone else sees the masks (default
# deny, NULL and '' kept). regional_sales_v keeps each regional team's rows and every row for
# data-admins and data-scientists, the rules OR-ed (a member of two regions sees both).
CUSTOMERS_VIEW_SELECT = (
    "select `customer_id`, `customer_segment`, "
    + _in_clear_for(
        "pii-authorized",
        "email",
        f"{_keep_empty('email')} else left(split_part(`email`, '@', 1), 3) || '***@' "
        "|| split_part(`email`, '@', 2) end",
    )
    + ", "
    + _in_clear_for("pii-authorized", "phone", _last4("phone", "***-***-"))
    + ", `region`, `signup_date`, "
    + _in_clear_for("compliance-team", "ssn", _last4("ssn", "***-**-"))
    + " from `production`.`sensitive_data`.`customers`"
)
SALES_VIEW_SELECT = "select * from `production`.`analytics`.`sales` where " + " or ".join(
    [
        f"({member('apac-team')} and cast(`region` as string) = 'APAC')",
        f"({member('europe-team')} and cast(`region` as string) = 'EU')",
        f"({member('north-america-team')} and cast(`region` as string) = 'NA')",
        member("data-admins"),
        member("data-scientists"),
    ]
)
# What each view exposes (docs/decisions/0051), sorted: columns in clear for everyone, a
# protected column's cleared groups (column=group) and revealing mask (column~rule), `*`
# for every column, and who sees which rows (*rows:group, column=value:group).
CUSTOMERS_EXPOSURE = (
    "*rows;customer_id;customer_segment;email=pii-authorized;email~partial_email;"
    "phone=pii-authorized;phone~last4_phone;region;signup_date;ssn=compliance-team;"
    "ssn~last4_ssn"
)
SALES_EXPOSURE = (
    "*;*rows:data-admins;*rows:data-scientists;region=APAC:apac-team;region=EU:europe-team;"
    "region=NA:north-america-team"
)


def create_view(view: str, table: str, exposure: str, select: str) -> str:
    """CREATE OR REPLACE VIEW with the comment of decision 0051 (exposure, md5 of the SELECT)."""
    fingerprint = hashlib.md5(select.encode(), usedforsecurity=False).hexdigest()
    quoted = ".".join(f"`{part}`" for part in view.split("."))
    return (
        f"CREATE OR REPLACE VIEW {quoted} COMMENT 'uc_governance dynamic view of {table} "
        f"[exposes {exposure}] [definition {fingerprint}]' AS {select}"
    )


VIEW_STATEMENTS = [
    create_view(
        "production.analytics.customers_masked_v",
        "production.sensitive_data.customers",
        CUSTOMERS_EXPOSURE,
        CUSTOMERS_VIEW_SELECT,
    ),
    create_view(
        "production.analytics.regional_sales_v",
        "production.analytics.sales",
        SALES_EXPOSURE,
        SALES_VIEW_SELECT,
    ),
]
# Once the pipelines have built the tables: the views first (step 20), then the grants that
# waited, on the tables and on the views (step 40, in securable order).
AFTER_TABLES = [
    *VIEW_STATEMENTS,
    *(s for s in EXPECTED_STATEMENTS if " ON TABLE " in s or " ON VIEW " in s),
]
