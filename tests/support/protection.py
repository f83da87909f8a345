"""Personas of the guide's §5.2 and what each must see, written by hand from the guide and the
shipped protection seeds (never read back from the views under test); helpers that query a view
as a persona on DuckDB and compile Databricks SQL offline."""

from __future__ import annotations

import csv
import datetime
from decimal import Decimal
from pathlib import Path

NOBODY = "nobody@example.com"  # in no group at all
HASH_KEY = "test-hash-key-'quoted'"  # the key Spark's secret() and DuckDB's env both answer

# persona -> the user the demo membership seed (seeds/policy/demo_group_members.csv) puts in
# the persona's groups, and those groups (for Spark, which asks is_account_group_member).
PERSONAS: dict[str, tuple[str, frozenset[str]]] = {
    "data-analysts": ("ana.analyst@example.com", frozenset({"data-analysts"})),
    "data-scientists": ("sam.scientist@example.com", frozenset({"data-scientists"})),
    "pii-authorized": ("pat.pii@example.com", frozenset({"pii-authorized"})),
    "compliance-team": ("carla.compliance@example.com", frozenset({"compliance-team"})),
    "north-america-team": ("nora.na@example.com", frozenset({"north-america-team"})),
    "europe-team": ("erik.eu@example.com", frozenset({"europe-team"})),
    "apac-team": ("aiko.apac@example.com", frozenset({"apac-team"})),
    "two regions": (
        "tess.two-regions@example.com",
        frozenset({"north-america-team", "europe-team"}),
    ),
    "data-admins": ("dana.admin@example.com", frozenset({"data-admins"})),
    "no group": (NOBODY, frozenset()),
}

CUSTOMER_COLUMNS = (
    "customer_id",
    "customer_segment",
    "email",
    "phone",
    "region",
    "signup_date",
    "ssn",
)

# seeds/demo/demo_customers.csv: (id, email, phone, ssn, segment, signup_date, region)
_CUSTOMERS = [
    (1, "alice.smith@example.com", "555-123-4567", "123-45-6789", "enterprise", "2023-01-15", "NA"),
    (2, "bo@example.org", "+44 20 7946 0958", "987-65-4321", "smb", "2023-06-30", "EU"),
    (3, "chen.wei@example.cn", "8888", "111-22-3333", "enterprise", "2024-02-29", "APAC"),
    (4, None, None, None, "consumer", "2024-11-01", "NA"),
]
# The guide's masks: first 3 characters + ***@ + domain; ***-***- + last 4 of the phone;
# ***-**- + last 4 of the SSN. A value of 4 characters or fewer is masked whole; NULL stays NULL.
_MASKED_EMAIL = {1: "ali***@example.com", 2: "bo***@example.org", 3: "che***@example.cn", 4: None}
_MASKED_PHONE = {1: "***-***-4567", 2: "***-***-0958", 3: "***-***-****", 4: None}
_MASKED_SSN = {1: "***-**-6789", 2: "***-**-4321", 3: "***-**-3333", 4: None}


def expected_customers(*, sees_pii: bool, sees_ssn: bool) -> list[dict]:
    """customers_masked_v for a reader cleared (or not) for pii and for sensitive data."""
    rows = []
    for cid, email, phone, ssn, segment, signup, region in _CUSTOMERS:
        rows.append(
            {
                "customer_id": cid,
                "customer_segment": segment,
                "email": email if sees_pii else _MASKED_EMAIL[cid],
                "phone": phone if sees_pii else _MASKED_PHONE[cid],
                "region": region,
                "signup_date": datetime.date.fromisoformat(signup),
                "ssn": ssn if sees_ssn else _MASKED_SSN[cid],
            }
        )
    return rows


# clearances.csv: pii-authorized sees pii (email, phone); only compliance-team sees SSN.
EXPECTED_CUSTOMERS = {
    persona: expected_customers(
        sees_pii="pii-authorized" in groups, sees_ssn="compliance-team" in groups
    )
    for persona, (_, groups) in PERSONAS.items()
}

# seeds/demo/demo_sales.csv: sale 1 NA, 2 EU, 3 APAC, 4 NA, 5 LATAM, 6 no region.
# row_access.csv: NA/EU/APAC teams their region; data-admins and data-scientists every row.
# A member of two regional groups sees both (the guide's CASE gave only the first);
# anyone else sees nothing.
EXPECTED_SALE_IDS = {
    "data-analysts": [],
    "data-scientists": [1, 2, 3, 4, 5, 6],
    "pii-authorized": [],
    "compliance-team": [],
    "north-america-team": [1, 4],
    "europe-team": [2],
    "apac-team": [3],
    "two regions": [1, 2, 4],
    "data-admins": [1, 2, 3, 4, 5, 6],
    "no group": [],
}
SALE_AMOUNTS = {
    1: Decimal("100.00"),
    2: Decimal("200.00"),
    3: Decimal("300.00"),
    4: Decimal("50.00"),
    5: Decimal("75.00"),
    6: Decimal("10.00"),
}


def query_as(database: Path, user: str, sql: str) -> list[dict]:
    """Rows of `sql` on the DuckDB file as `user` (the DuckDB variable the local
    is_account_group_member shim reads), as dicts."""
    import duckdb

    with duckdb.connect(str(database)) as connection:
        connection.execute("set variable uc_governance_local_user = ?", [user])
        result = connection.sql(sql)
        names = [column[0] for column in result.description]
        return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def act_as(spark, groups: frozenset[str]) -> None:
    """Answer is_account_group_member (and secret) in Spark as a member of `groups`."""
    members = ", ".join("'" + g.replace("'", "\\'") + "'" for g in sorted(groups))
    test = f"g IN ({members})" if groups else "false"
    spark.sql(
        "CREATE OR REPLACE TEMPORARY FUNCTION is_account_group_member(g STRING) "
        f"RETURNS BOOLEAN RETURN {test}"
    )
    key = HASH_KEY.replace("\\", "\\\\").replace("'", "\\'")
    spark.sql(
        "CREATE OR REPLACE TEMPORARY FUNCTION secret(scope STRING, key STRING) "
        f"RETURNS STRING RETURN '{key}'"
    )


def load_demo_tables(spark, project, location) -> None:
    """The demo base tables (seeds/demo) as spark_catalog.<schema>.<table>, stored under
    `location` (never Spark's default warehouse in the working directory)."""
    seeds = project.root / "seeds" / "demo"
    with (seeds / "demo_customers.csv").open(newline="") as handle:
        customers = [
            (
                int(r["customer_id"]),
                r["email"] or None,
                r["phone"] or None,
                r["ssn"] or None,
                r["customer_segment"],
                datetime.date.fromisoformat(r["signup_date"]),
                r["region"],
            )
            for r in csv.DictReader(handle)
        ]
    with (seeds / "demo_sales.csv").open(newline="") as handle:
        sales = [
            (int(r["sale_id"]), r["region"] or None, r["amount"], r["sale_date"])
            for r in csv.DictReader(handle)
        ]
    for schema in ("sensitive_data", "analytics"):
        spark.sql(f"CREATE DATABASE IF NOT EXISTS {schema} LOCATION '{location / schema}'")
    spark.createDataFrame(
        customers,
        "customer_id bigint, email string, phone string, ssn string, customer_segment string, "
        "signup_date date, region string",
    ).createOrReplaceTempView("customers_rows")
    spark.sql("DROP TABLE IF EXISTS sensitive_data.customers")
    spark.sql("CREATE TABLE sensitive_data.customers USING parquet AS SELECT * FROM customers_rows")
    spark.createDataFrame(
        sales, "sale_id bigint, region string, amount string, sale_date string"
    ).createOrReplaceTempView("sales_rows")
    spark.sql("DROP TABLE IF EXISTS analytics.sales")
    spark.sql(
        "CREATE TABLE analytics.sales USING parquet AS SELECT sale_id, region, "
        "CAST(amount AS DECIMAL(10,2)) AS amount, CAST(sale_date AS DATE) AS sale_date "
        "FROM sales_rows"
    )
