"""The Databricks-dialect SQL of the dynamic views and of every mask rule is executed on Apache
Spark SQL (local mode, ANSI on) with `is_account_group_member` and `secret` answered per persona,
and must give the rows and values written by hand from the guide, which DuckDB gives too. The
views are the exact CREATE OR REPLACE VIEW statements apply sends (tests/support/demo_plan.py's
VIEW_STATEMENTS, which tests/on_databricks asserts the real dbt-databricks adapter sends through
the harness); the mask rules are compiled by the real adapter offline (`dbt compile
--no-populate-cache --no-introspect` under the harness, which blocks the network)."""

from __future__ import annotations

import datetime
import hashlib
import re

import pytest

from tests.harness import Workspace, run_dbt
from tests.support.demo_plan import VIEW_STATEMENTS
from tests.support.protection import (
    EXPECTED_CUSTOMERS,
    EXPECTED_SALE_IDS,
    HASH_KEY,
    PERSONAS,
    act_as,
    load_demo_tables,
    query_as,
)
from tests.support.spark import get_spark

OFFLINE = ["--no-populate-cache", "--no-introspect"]


def databricks_sql(project, jinja: str) -> str:
    """`jinja` compiled on target databricks by dbt-databricks, with no connection made."""
    run = run_dbt(
        ["compile", *OFFLINE, "--inline", jinja],
        workspace=Workspace(),
        project_dir=project.root,
        schema="uc_governance",
    )
    assert run.dbt_success, run.logs
    assert run.statements == [], "compile with --no-introspect must send nothing"
    return run.results.result.results[0].node.compiled_code


def duckdb_sql(project, jinja: str) -> str:
    """`jinja` compiled on target local (DuckDB)."""
    run = project.dbt("compile", "--inline", jinja)
    assert run.success, run.text
    return run.result.result.results[0].node.compiled_code


def on_spark(sql: str) -> str:
    """Unity Catalog's catalog `production` is Spark's session catalog here; nothing else
    changes."""
    assert "`production`." in sql
    return sql.replace("`production`.", "`spark_catalog`.")


CREATE_VIEW = re.compile(
    r"CREATE OR REPLACE VIEW `production`\.`analytics`\.`(\w+)` (COMMENT .*)$", re.S
)


def create_view_on_spark(spark, statement: str) -> str:
    """Run a CREATE OR REPLACE VIEW statement that apply sends (tests/support/demo_plan.py,
    asserted sent by tests/on_databricks) on Spark, as a temporary view of the same name: a
    persistent Spark view may not call the temporary is_account_group_member that answers as
    each persona. Returns the view's name."""
    match = CREATE_VIEW.match(statement)
    assert match, statement
    spark.sql(f"CREATE OR REPLACE TEMPORARY VIEW `{match[1]}` {on_spark(match[2])}")
    return match[1]


@pytest.fixture(scope="module")
def spark_views(built_demo, tmp_path_factory):
    spark = get_spark()
    load_demo_tables(spark, built_demo, tmp_path_factory.mktemp("spark"))
    return dict(zip(("customers", "sales"), VIEW_STATEMENTS, strict=True))


def view_rows(spark, statement: str, groups: frozenset[str]) -> list[dict]:
    """The rows of the view `statement` creates, queried as a member of `groups`."""
    act_as(spark, groups)
    view = create_view_on_spark(spark, statement)
    return [row.asDict() for row in spark.sql(f"select * from `{view}`").collect()]


@pytest.mark.parametrize("persona", sorted(PERSONAS))
def test_customers_view_on_spark_matches_the_guide_and_duckdb(built_demo, spark_views, persona):
    user, groups = PERSONAS[persona]
    rows = sorted(
        view_rows(get_spark(), spark_views["customers"], groups),
        key=lambda row: row["customer_id"],
    )
    assert rows == EXPECTED_CUSTOMERS[persona]
    duck = query_as(
        built_demo.database, user, "select * from analytics.customers_masked_v order by customer_id"
    )
    assert rows == duck


@pytest.mark.parametrize("persona", sorted(PERSONAS))
def test_regional_view_on_spark_matches_the_guide_and_duckdb(built_demo, spark_views, persona):
    user, groups = PERSONAS[persona]
    rows = view_rows(get_spark(), spark_views["sales"], groups)
    assert sorted(row["sale_id"] for row in rows) == EXPECTED_SALE_IDS[persona]
    duck = query_as(built_demo.database, user, "select * from analytics.regional_sales_v")
    key = lambda row: row["sale_id"]  # noqa: E731
    assert sorted(rows, key=key) == sorted(duck, key=key)


# Edge inputs of the string rules, and what each rule must give (by hand, from the rule's
# definition in seeds/vocabulary/mask_rules.csv).
TEXT_CASES = [
    # value, partial_email, last4_phone, last4_ssn, redact
    (None, None, None, None, None),
    ("", "", "", "", "[REDACTED]"),
    ("alice.smith@example.com", "ali***@example.com", "***-***-.com", "***-**-.com", "[REDACTED]"),
    ("bo@x.org", "bo***@x.org", "***-***-.org", "***-**-.org", "[REDACTED]"),
    ("no-at-sign", "no-***@", "***-***-sign", "***-**-sign", "[REDACTED]"),
    ("1234", "123***@", "***-***-****", "***-**-****", "[REDACTED]"),
    ("12345", "123***@", "***-***-2345", "***-**-2345", "[REDACTED]"),
    ("a@b@c", "a***@b", "***-***-@b@c", "***-**-@b@c", "[REDACTED]"),
]
DATE_CASES = [
    # value, year_only, nullify
    (None, None, None),
    (datetime.date(2024, 7, 15), datetime.date(2024, 1, 1), None),
    (datetime.date(1999, 1, 1), datetime.date(1999, 1, 1), None),
    (datetime.date(2000, 12, 31), datetime.date(2000, 1, 1), None),
]


def keyed(value: str | None) -> str | None:
    return None if value is None else hashlib.sha256(f"{HASH_KEY}|{value}".encode()).hexdigest()


def _cases_query_jinja(cases: list[tuple], null: str, literal, masks: list[str]) -> str:
    """A SELECT applying `masks` (Jinja calls) to column v of the case values, in case order."""
    values = ", ".join(
        f"({i}, {null if v is None else literal(v)})" for i, (v, *_) in enumerate(cases)
    )
    return f"select i, {', '.join(masks)} from (values {values}) as t(i, v) order by i"


def _text_query_jinja() -> str:
    return _cases_query_jinja(
        TEXT_CASES,
        "cast(null as string)",
        lambda v: "'" + v + "'",
        [
            "{{ uc_governance.mask_partial_email_sql('v') }} as partial_email",
            "{{ uc_governance.mask_last4_phone_sql('v') }} as last4_phone",
            "{{ uc_governance.mask_last4_ssn_sql('v') }} as last4_ssn",
            "{{ uc_governance.mask_redact_sql('v', 'string') }} as redact",
            "{{ uc_governance.mask_keyed_hash_sql('v') }} as keyed_hash",
            "{{ uc_governance.mask_nullify_sql('v', 'string') }} as nullify",
        ],
    )


def _date_query_jinja() -> str:
    return _cases_query_jinja(
        DATE_CASES,
        "cast(null as date)",
        lambda v: f"date '{v.isoformat()}'",
        [
            "{{ uc_governance.mask_year_only_sql('v', 'date') }} as year_only",
            "{{ uc_governance.mask_nullify_sql('v', 'date') }} as nullify",
            "{{ uc_governance.mask_redact_sql('v', 'date') }} as redact",
            "{{ uc_governance.mask_year_only_sql('cast(v as timestamp)', 'timestamp') }}"
            " as ts_year",
        ],
    )


def _expected_text() -> list[tuple]:
    return [
        (i, email, phone, ssn, redact, keyed(v), None)
        for i, (v, email, phone, ssn, redact) in enumerate(TEXT_CASES)
    ]


def _expected_dates() -> list[tuple]:
    return [
        (
            i,
            year,
            nullify,
            None,
            None if year is None else datetime.datetime(year.year, 1, 1),
        )
        for i, (_, year, nullify) in enumerate(DATE_CASES)
    ]


def test_every_mask_rule_gives_the_same_values_on_spark_and_duckdb(
    built_demo, monkeypatch, spark_views
):
    monkeypatch.setenv("UC_GOVERNANCE_LOCAL_HASH_KEY", HASH_KEY)
    spark = get_spark()
    act_as(spark, frozenset())
    for jinja, expected in (
        (_text_query_jinja(), _expected_text()),
        (_date_query_jinja(), _expected_dates()),
    ):
        spark_rows = [tuple(row) for row in spark.sql(databricks_sql(built_demo, jinja)).collect()]
        assert spark_rows == expected
        duck_rows = built_demo.query(duckdb_sql(built_demo, jinja))
        assert duck_rows == expected


def test_the_hash_key_is_read_from_a_secret_on_databricks_never_written(built_demo, spark_views):
    sql = databricks_sql(built_demo, "{{ uc_governance.mask_keyed_hash_sql('v') }}")
    assert "secret('uc_governance', 'mask_hash_key')" in sql
    assert HASH_KEY not in sql
