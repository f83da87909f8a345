"""The harness answers the native protection statements the way the SQL reference describes
them (CREATE FUNCTION ... COMMENT ... RETURN, ALTER TABLE ... ALTER COLUMN ... SET/DROP MASK,
SET/DROP ROW FILTER ... ON (...), ALTER COLUMN ... SET/UNSET TAGS) and refuses malformed ones
before changing anything: what the plan sends is grammar-checked, not trusted."""

from __future__ import annotations

import pytest

from tests.harness import CannotAnswerError, DatabricksSqlError, GrammarError, Warehouse
from tests.harness.workspace import Workspace

TABLE = "`c`.`s`.`t`"
FUNCTION = "`c`.`s`.`m`"


@pytest.fixture
def warehouse() -> Warehouse:
    ws = Workspace()
    ws.add_catalog("c")
    ws.add_schema("c.s")
    ws.add_table("c.s.t", {"email": "string", "region": "string"})
    warehouse = Warehouse(ws)
    warehouse.execute(
        f"CREATE OR REPLACE FUNCTION {FUNCTION}(column_value STRING) RETURNS STRING "
        "COMMENT 'uc_governance mask [definition 0]' RETURN case when "
        "is_account_group_member('g') then column_value else '[REDACTED]' end"
    )
    return warehouse


def table_of(warehouse: Warehouse):
    return warehouse.ws.state.get("TABLE", ("c", "s", "t"))


def test_the_native_statements_change_the_state_and_information_schema(warehouse):
    ws = warehouse.ws
    warehouse.execute(f"ALTER TABLE {TABLE} ALTER COLUMN `email` SET MASK {FUNCTION}")
    warehouse.execute(f"ALTER TABLE {TABLE} SET ROW FILTER {FUNCTION} ON (`region`)")
    warehouse.execute(
        f"ALTER TABLE {TABLE} ALTER COLUMN `email` SET TAGS ('classification' = 'pii')"
    )
    assert ws.query("select column_name, mask_name from c.information_schema.column_masks") == [
        {"column_name": "email", "mask_name": "c.s.m"}
    ]
    assert ws.query("select filter_name, target_columns from c.information_schema.row_filters") == [
        {"filter_name": "c.s.m", "target_columns": "region"}
    ]
    assert ws.query(
        "select column_name, tag_name, tag_value from c.information_schema.column_tags"
    ) == [{"column_name": "email", "tag_name": "classification", "tag_value": "pii"}]
    assert ws.query("select routine_name, comment from c.information_schema.routines") == [
        {"routine_name": "m", "comment": "uc_governance mask [definition 0]"}
    ]
    warehouse.execute(f"ALTER TABLE {TABLE} ALTER COLUMN `email` DROP MASK")
    warehouse.execute(f"ALTER TABLE {TABLE} DROP ROW FILTER")
    warehouse.execute(f"ALTER TABLE {TABLE} ALTER COLUMN `email` UNSET TAGS ('classification')")
    table = table_of(warehouse)
    assert (table.column_masks, table.row_filter, table.column_tags) == ({}, None, {"email": {}})


def test_a_replaced_function_takes_the_new_comment(warehouse):
    warehouse.execute(
        f"CREATE OR REPLACE FUNCTION {FUNCTION}(column_value STRING) RETURNS STRING "
        "RETURN column_value"
    )
    assert warehouse.ws.state.get("FUNCTION", ("c", "s", "m")).comment is None


@pytest.mark.parametrize(
    ("sql", "error"),
    [
        (f"ALTER TABLE {TABLE} ALTER COLUMN `email` SET MASK", GrammarError),
        (f"ALTER TABLE {TABLE} ALTER COLUMN `email` SET MASK `c`.`s`.`nope`", DatabricksSqlError),
        (f"ALTER TABLE {TABLE} ALTER COLUMN `nope` SET MASK {FUNCTION}", DatabricksSqlError),
        (f"ALTER TABLE {TABLE} SET ROW FILTER {FUNCTION} ON `region`", GrammarError),
        (f"ALTER TABLE {TABLE} SET ROW FILTER {FUNCTION} ON (`nope`)", DatabricksSqlError),
        (
            f"ALTER TABLE {TABLE} ALTER COLUMN `email` SET TAGS ('classification' 'pii')",
            CannotAnswerError,
        ),
        (
            f"ALTER TABLE {TABLE} ALTER COLUMN `email` SET MASK {FUNCTION}; DROP TABLE x",
            GrammarError,
        ),
        (f"ALTER TABLE {TABLE} ALTER COLUMN `email` DROP MASKS", GrammarError),
        ("CREATE OR REPLACE FUNCTION `c`.`s`.`m2`(v STRING) RETURNS STRING RETURN", GrammarError),
    ],
)
def test_malformed_native_statements_are_refused_and_change_nothing(warehouse, sql, error):
    with pytest.raises(error):
        warehouse.execute(sql)
    table = table_of(warehouse)
    assert (table.column_masks, table.row_filter, table.column_tags) == ({}, None, {})
    assert warehouse.ws.state.find("FUNCTION", ("c", "s", "m2")) is None
