"""Querying the generated dynamic views as each persona of the guide (§5.2) on DuckDB: every row
and value compared with tables written by hand from the guide (tests/support/protection.py)."""

from __future__ import annotations

import pytest

from tests.support.demo_plan import EXPECTED_STATEMENTS
from tests.support.protection import (
    EXPECTED_CUSTOMERS,
    EXPECTED_SALE_IDS,
    PERSONAS,
    SALE_AMOUNTS,
    query_as,
)


@pytest.mark.parametrize("persona", sorted(PERSONAS))
def test_customers_masked_view_shows_each_persona_exactly_their_clearance(built_demo, persona):
    user, _ = PERSONAS[persona]
    rows = query_as(
        built_demo.database, user, "select * from analytics.customers_masked_v order by customer_id"
    )
    assert rows == EXPECTED_CUSTOMERS[persona]


@pytest.mark.parametrize("persona", sorted(PERSONAS))
def test_regional_sales_view_shows_each_persona_the_union_of_their_regions(built_demo, persona):
    user, _ = PERSONAS[persona]
    rows = query_as(
        built_demo.database, user, "select * from analytics.regional_sales_v order by sale_id"
    )
    assert [row["sale_id"] for row in rows] == EXPECTED_SALE_IDS[persona]
    assert all(row["amount"] == SALE_AMOUNTS[row["sale_id"]] for row in rows)
    assert set(rows[0]) == {"sale_id", "region", "amount", "sale_date"} if rows else True


def _shown(run) -> list[dict]:
    """Rows `dbt show` printed, as dicts."""
    assert run.success, run.text
    table = run.result.result.results[0].agate_table
    return [dict(zip(table.column_names, row, strict=True)) for row in table.rows]


def test_dbt_show_answers_as_the_local_user_var(built_demo):
    shown = _shown(
        built_demo.dbt(
            "show",
            "--select",
            "customers_masked_v",
            "--vars",
            "{uc_governance_local_user: pat.pii@example.com}",
        )
    )
    by_id = {int(row["customer_id"]): row for row in shown}
    assert by_id[1]["email"] == "alice.smith@example.com"  # pii-authorized: email in clear
    assert by_id[1]["ssn"] == "***-**-6789"  # but not cleared for the SSN
    default = _shown(built_demo.dbt("show", "--select", "customers_masked_v"))
    # the default local user (local-user@example.com) is in no group
    assert {row["email"] for row in default} == {
        "ali***@example.com",
        "bo***@example.org",
        "che***@example.cn",
        None,
    }


def test_views_are_built_where_the_securables_seed_declares_them(built_demo):
    rows = built_demo.query(
        "select table_schema, table_name, table_type from information_schema.tables "
        "where table_name in ('customers_masked_v', 'regional_sales_v') order by table_name"
    )
    assert rows == [
        ("analytics", "customers_masked_v", "VIEW"),
        ("analytics", "regional_sales_v", "VIEW"),
    ]


def test_readers_get_select_on_the_views_and_nothing_on_the_base_tables(built_demo):
    statements = [
        row[0]
        for row in built_demo.query(
            "select statement from uc_governance.governance_plan where statement is not null"
        )
    ]
    on_views = sorted(s for s in statements if " ON VIEW " in s)
    # the guide's "grant access to the masked view instead of the base table" rows
    assert on_views == sorted(s for s in EXPECTED_STATEMENTS if " ON VIEW " in s)
    assert len(on_views) == 6
    assert not any("`customers`" in s or "`sales`" in s for s in statements)


@pytest.mark.parametrize(
    "rule",
    [
        "int_rule__protected_table_read_outside_view",
        "int_rule__protected_table_without_protection",
        "int_rule__base_table_reader_not_cleared",
        "int_rule__persona_reads_excluded_rows",
    ],
)
def test_coverage_rules_hold_for_the_demo(built_demo, rule):
    assert built_demo.query(f"select count(*) from uc_governance.{rule}") == [(0,)]


def test_protection_catalog_lists_who_sees_each_column_in_clear(built_demo):
    rows = built_demo.query(
        "select column_name, classification, mask_rule, cleared_groups "
        "from uc_governance.protection_catalog "
        "where protected_object = 'production.analytics.customers_masked_v' order by column_name"
    )
    assert rows == [
        ("customer_id", "public", None, "everyone with SELECT"),
        ("customer_segment", "public", None, "everyone with SELECT"),
        ("email", "pii", "partial_email", "pii-authorized"),
        ("phone", "pii", "last4_phone", "pii-authorized"),
        ("region", "public", None, "everyone with SELECT"),
        ("signup_date", "public", None, "everyone with SELECT"),
        ("ssn", "sensitive", "last4_ssn", "compliance-team"),
    ]
