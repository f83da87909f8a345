"""The demo organisation's plan, written by hand from the guide: what the local plan and the
Databricks scenarios and preview expect."""

from __future__ import annotations

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
# grants on the dynamic views, which are not built on Databricks by default (var
# uc_governance_dynamic_views).
FIRST_APPLY = [s for s in EXPECTED_STATEMENTS if " ON TABLE " not in s and " ON VIEW " not in s]
TABLE_GRANTS = [s for s in EXPECTED_STATEMENTS if " ON TABLE " in s]
