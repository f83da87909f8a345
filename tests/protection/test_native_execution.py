"""The native protection functions execute: their SQL gives every persona of the guide's §5.2
what the dynamic views give (the expected tables written by hand in tests/support/protection),
on Apache Spark SQL (the exact CREATE FUNCTION / SET MASK / SET ROW FILTER statements the
plan sends through the harness, with `is_account_group_member` answered per persona and Unity
Catalog's enforcement emulated by applying each mask and filter as the statements name them)
and on DuckDB (the same functions rendered for target local, as macros, queried as each
persona through the simulated membership)."""

from __future__ import annotations

import re

import duckdb
import pytest

from tests.support.native import native_harnessed, switch_to_native
from tests.support.project import LocalProject
from tests.support.protection import (
    CUSTOMER_COLUMNS,
    EXPECTED_CUSTOMERS,
    EXPECTED_SALE_IDS,
    PERSONAS,
    act_as,
    load_demo_tables,
    query_as,
)
from tests.support.spark import get_spark

FUNCTION = re.compile(r"^CREATE OR REPLACE FUNCTION `production`\.`security`\.`(\w+)`\(")
MASK = re.compile(
    r"^ALTER TABLE `production`\.`sensitive_data`\.`customers` ALTER COLUMN `(\w+)` "
    r"SET MASK `production`\.`security`\.`(\w+)`$"
)
FILTER = re.compile(
    r"^ALTER TABLE `production`\.`analytics`\.`sales` SET ROW FILTER "
    r"`production`\.`security`\.`(\w+)` ON \(`(\w+)`\)$"
)


def protected_select(masks: dict[str, str], table: str, columns) -> str:
    """What Unity Catalog returns for a masked table: each masked column through its mask."""
    return ", ".join(f"{masks[c]}({c}) as {c}" if c in masks else c for c in columns) + (
        f" from {table}"
    )


@pytest.fixture(scope="module")
def native_local(tmp_path_factory):
    """The demo with both tables natively protected, built on DuckDB (target local), with the
    native functions as DuckDB macros in schema native_fn of the same database."""
    project = LocalProject(tmp_path_factory.mktemp("native_local"))
    switch_to_native(project.root)
    run = project.dbt("build")
    assert run.success, run.text
    functions = project.query(
        "select function_name, function_kind, function_body "
        "from uc_governance.int_protection__native_functions"
    )
    with duckdb.connect(str(project.database)) as connection:
        connection.execute("create schema native_fn")
        for name, kind, body in functions:
            parameter = "column_value" if kind == "mask" else "filter_column_001"
            short = name.split(".")[-1]
            connection.execute(f"create macro native_fn.{short}({parameter}) as ({body})")
    return project


@pytest.fixture(scope="module")
def sent(tmp_path_factory):
    """The statements the first native apply sends through the harness (Databricks SQL)."""
    harnessed = native_harnessed(tmp_path_factory.mktemp("native_spark"))
    run = harnessed.dbt("build")
    run.assert_ok()
    return [s.sql for s in run.governance_statements()]


@pytest.fixture(scope="module")
def spark_tables(native_local, tmp_path_factory):
    spark = get_spark()
    load_demo_tables(spark, native_local, tmp_path_factory.mktemp("spark_native"))
    return spark


def spark_functions(sent) -> tuple[list[str], dict[str, str], tuple[str, str]]:
    """The CREATE FUNCTION statements as Spark temporary functions, the column masks and the
    row filter, all read from the statements sent."""
    creates = [
        FUNCTION.sub(r"CREATE OR REPLACE TEMPORARY FUNCTION \1(", s)
        for s in sent
        if FUNCTION.match(s)
    ]
    masks = {m.group(1): m.group(2) for m in map(MASK.match, sent) if m}
    (row_filter,) = [(m.group(1), m.group(2)) for m in map(FILTER.match, sent) if m]
    return creates, masks, row_filter


def test_the_plan_masks_the_guides_columns_and_filters_sales_by_region(sent):
    creates, masks, row_filter = spark_functions(sent)
    assert len(creates) == 4
    assert sorted(masks) == ["email", "phone", "ssn"]
    assert row_filter[1] == "region"


@pytest.mark.parametrize("persona", sorted(PERSONAS))
def test_native_masks_and_filter_on_spark_match_the_guide(spark_tables, sent, persona):
    spark = spark_tables
    _, groups = PERSONAS[persona]
    act_as(spark, groups)
    creates, masks, (filter_function, filter_column) = spark_functions(sent)
    for statement in creates:
        spark.sql(statement)
    customers = [
        row.asDict()
        for row in spark.sql(
            "select "
            + protected_select(masks, "sensitive_data.customers", CUSTOMER_COLUMNS)
            + " order by customer_id"
        ).collect()
    ]
    assert customers == EXPECTED_CUSTOMERS[persona]
    sales = spark.sql(
        f"select sale_id from analytics.sales where {filter_function}({filter_column})"
    ).collect()
    assert sorted(row.sale_id for row in sales) == EXPECTED_SALE_IDS[persona]


@pytest.mark.parametrize("persona", sorted(PERSONAS))
def test_native_masks_and_filter_on_duckdb_match_the_guide(native_local, persona):
    user, _ = PERSONAS[persona]
    masks = {
        column: "native_fn." + function.split(".")[-1]
        for column, function in native_local.query(
            "select column_name, function_name from uc_governance.int_protection__native_masks"
        )
    }
    ((filter_function,),) = native_local.query(
        "select function_name from uc_governance.int_protection__native_row_filters"
    )
    customers = query_as(
        native_local.database,
        user,
        "select "
        + protected_select(masks, "sensitive_data.customers", CUSTOMER_COLUMNS)
        + " order by customer_id",
    )
    assert customers == EXPECTED_CUSTOMERS[persona]
    sales = query_as(
        native_local.database,
        user,
        f"select sale_id from analytics.sales where native_fn.{filter_function.split('.')[-1]}"
        "(region) order by sale_id",
    )
    assert [row["sale_id"] for row in sales] == EXPECTED_SALE_IDS[persona]
