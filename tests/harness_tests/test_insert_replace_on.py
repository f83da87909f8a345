"""INSERT INTO ... REPLACE ON: the one shape dbt-databricks' insert_overwrite sends on a SQL
warehouse is allow-listed and executed (matching target rows deleted, the query's rows
inserted, in one transaction); any other shape is refused by the grammar check and changes
nothing."""

from __future__ import annotations

from datetime import date

import pytest

from tests.harness import DatabricksSqlError, GrammarError, Warehouse, grammar, server, sqltext
from tests.harness.grammar import GrammarChecker, parse_insert_replace_on
from tests.harness.workspace import Workspace

TABLE = "`main`.`s`.`events`"
# What dbt-databricks 1.12.7 renders (get_insert_replace_on_sql), spacing included.
DBT_SHAPE = (
    f"insert into table {TABLE} AS t\n"
    "        replace on (t.`day` <=> s.`day`)\n"
    "        (select `day`, `id`, `note` from `src`) AS s"
)
BEFORE = [
    (date(2026, 11, 1), 1, "old, kept"),
    (date(2026, 11, 2), 2, "old, replaced"),
    (date(2026, 11, 2), 3, "old, replaced"),
    (None, 4, "old, no day, replaced"),
]


@pytest.fixture
def warehouse() -> Warehouse:
    """One session on a workspace with main.s.events (BEFORE) and a temporary view `src`:
    two rows for 2026-11-02, one for the new day 2026-11-03, one without a day."""
    ws = Workspace()
    ws.add_schema("main.s")
    ws.add_table(
        "main.s.events",
        {"day": "date", "id": "int", "note": "string"},
        rows=BEFORE,
    )
    session = Warehouse(ws)
    session.execute(
        "create or replace temporary view `src` as "
        "select * from values (date'2026-11-02', 20, 'new'), (date'2026-11-02', 21, 'new'), "
        "(date'2026-11-03', 30, 'new'), (null, 40, 'new, no day') as v(day, id, note)"
    )
    return session


def _rows(warehouse: Warehouse) -> list[tuple]:
    return sorted(
        warehouse.execute(f"select day, id, note from {TABLE}").rows, key=lambda row: row[1]
    )


def test_the_dbt_shape_parses_into_its_parts() -> None:
    parsed = parse_insert_replace_on(DBT_SHAPE)
    assert parsed.target == ("main", "s", "events")
    assert (parsed.target_alias, parsed.source_alias) == ("t", "s")
    assert parsed.pairs == (("day", "day"),)
    assert parsed.query_sql == "select `day`, `id`, `note` from `src`"


def test_matching_rows_are_replaced_and_others_kept(warehouse: Warehouse) -> None:
    result = warehouse.execute(DBT_SHAPE)
    assert result.rows == [(4, 4)]
    statement = warehouse.log.statements[-1]
    assert (statement.kind, statement.op, statement.error) == ("dbt_object", "INSERT", None)
    assert statement.target.name == "main.s.events"
    # By hand: 2026-11-01 untouched; both 2026-11-02 rows and the NULL-day row (<=> matches
    # NULL to NULL) replaced by the query's; the new day added.
    assert _rows(warehouse) == [
        (date(2026, 11, 1), 1, "old, kept"),
        (date(2026, 11, 2), 20, "new"),
        (date(2026, 11, 2), 21, "new"),
        (date(2026, 11, 3), 30, "new"),
        (None, 40, "new, no day"),
    ]


def test_a_rerun_with_the_same_rows_is_idempotent(warehouse: Warehouse) -> None:
    warehouse.execute(DBT_SHAPE)
    once = _rows(warehouse)
    warehouse.execute(DBT_SHAPE)
    assert _rows(warehouse) == once


def test_two_condition_terms_must_both_match(warehouse: Warehouse) -> None:
    two = DBT_SHAPE.replace("(t.`day` <=> s.`day`)", "(t.`day` <=> s.`day` AND t.`id` <=> s.`id`)")
    warehouse.execute(two)
    # No (day, id) pair of the query exists in the table: nothing deleted, 4 rows added.
    assert len(_rows(warehouse)) == len(BEFORE) + 4


@pytest.mark.parametrize(
    ("sql", "reason"),
    [
        (DBT_SHAPE.replace("<=>", "="), "expected <=> in the condition"),
        (DBT_SHAPE.replace("(t.`day` <=> s.`day`)", "t.`day` <=> s.`day`"), "parenthesized"),
        (DBT_SHAPE.replace("s.`day`)", "s.`day` OR t.`id` <=> s.`id`)"), "expected AND"),
        (DBT_SHAPE.replace("t.`day` <=>", "x.`day` <=>"), "each condition term must be"),
        (DBT_SHAPE.replace("s.`day`)", "'2026-11-02')"), "must be <alias>.<column>"),
        (DBT_SHAPE.removesuffix(" AS s"), "expected AS"),
        (DBT_SHAPE + " where 1 = 1", "unexpected trailing text"),
        (DBT_SHAPE.replace("AS s", "AS t"), "must differ"),
        (DBT_SHAPE.replace("(select", "(selec"), "must be a SELECT"),
        (DBT_SHAPE.replace("from `src`)", "from `src`"), "unexpected end of statement"),
        (DBT_SHAPE.replace(" AS t\n", " AS t BY NAME\n"), "expected REPLACE ON"),
        (DBT_SHAPE.replace("insert into table", "insert into"), "expected INSERT INTO TABLE"),
        (DBT_SHAPE.replace("`main`.`s`.`events`", "`events`"), "catalog.schema.table"),
    ],
)
def test_any_other_shape_is_refused_and_changes_nothing(
    warehouse: Warehouse, sql: str, reason: str
) -> None:
    with pytest.raises(GrammarError, match="insert-replace-on") as refused:
        warehouse.execute(sql)
    assert reason in refused.value.detail
    assert "allowed only as: INSERT INTO TABLE <table> AS <t> REPLACE ON" in refused.value.detail
    assert _rows(warehouse) == sorted(BEFORE, key=lambda row: row[1])


def test_the_query_inside_gets_the_full_grammar_check(warehouse: Warehouse) -> None:
    bad_query = DBT_SHAPE.replace("select `day`, `id`, `note` from", "select `day`, , from")
    with pytest.raises(GrammarError, match=r"\((sqlglot|sqlfluff)\)"):
        warehouse.execute(bad_query)
    assert _rows(warehouse) == sorted(BEFORE, key=lambda row: row[1])


@pytest.mark.parametrize(
    ("sql", "error_class"),
    [
        (
            DBT_SHAPE.replace("select `day`, `id`, `note`", "select `day`, `id`"),
            "INSERT_COLUMN_ARITY_MISMATCH",
        ),
        (DBT_SHAPE.replace("t.`day`", "t.`days`"), "UNRESOLVED_COLUMN"),
        (DBT_SHAPE.replace("s.`day`", "s.`days`"), "UNRESOLVED_COLUMN"),
    ],
)
def test_databricks_errors_roll_back(warehouse: Warehouse, sql: str, error_class: str) -> None:
    with pytest.raises(DatabricksSqlError, match=error_class):
        warehouse.execute(sql)
    assert _rows(warehouse) == sorted(BEFORE, key=lambda row: row[1])


def test_the_statement_is_tokenized_once(
    warehouse: Warehouse, monkeypatch: pytest.MonkeyPatch
) -> None:
    warehouse.checker.check(DBT_SHAPE)  # verdict cached, as on a re-run
    calls: list[str] = []

    def counting(text: str) -> list[sqltext.Token]:
        calls.append(text)
        return sqltext.tokenize(text)

    for module in (grammar, server):
        monkeypatch.setattr(module, "tokenize", counting)
    warehouse.execute(DBT_SHAPE)
    assert calls == [DBT_SHAPE]


def test_verdicts_are_cached_by_shape() -> None:
    checker = GrammarChecker()
    for column in ("day", "week", "month"):
        checker.check(DBT_SHAPE.replace("`day`", f"`{column}`"))
    assert checker.sqlfluff_parses == 1  # the inner query, once for the one shape
