"""The grammar verdicts kept on disk (``grammar.VerdictStore``) skip work, never a rule.

Each test checks through a fresh ``GrammarChecker`` on a store in ``tmp_path``: a second
checker on the same store is what another process (a pytest worker, a benchmark run) sees.
"""

from __future__ import annotations

import json

import pytest

from tests.harness import CannotAnswerError, DatabricksSqlError, GrammarError, Warehouse
from tests.harness.grammar import VERDICT_STORE_ENV, GrammarChecker, VerdictStore
from tests.harness.sqltext import shape
from tests.harness.workspace import Workspace

VALID_GRANT = "GRANT SELECT ON TABLE `main`.`s`.`t1` TO `readers`"


def _store(tmp_path) -> VerdictStore:
    return VerdictStore(tmp_path / "verdicts")


def test_a_stored_verdict_is_read_by_the_next_checker_instead_of_parsing_again(tmp_path):
    first = GrammarChecker(_store(tmp_path))
    first.check(VALID_GRANT)
    assert first.sqlfluff_parses == 1
    second = GrammarChecker(_store(tmp_path))
    second.check("grant select on table `other`.`schema`.`t2` to `writers`")
    assert second.sqlfluff_parses == 0
    files = list(_store(tmp_path).directory.glob("*.json"))
    assert len(files) == 1
    assert json.loads(files[0].read_text())["shape"] == shape(VALID_GRANT)


def test_a_failing_shape_still_fails_when_its_verdict_comes_from_the_store(tmp_path):
    bad = "GRANT SELEC ON TABLE `main`.`s`.`t1` TO `g`"  # sqlglot accepts, sqlfluff does not
    with pytest.raises(GrammarError, match="sqlfluff"):
        GrammarChecker(_store(tmp_path)).check(bad)
    second = GrammarChecker(_store(tmp_path))
    same_shape = "GRANT SELEC ON TABLE `x`.`y`.`z` TO `someone else`"
    with pytest.raises(GrammarError, match="sqlfluff") as raised:
        second.check(same_shape)
    assert second.sqlfluff_parses == 0
    assert "`someone else`" in str(raised.value)  # the statement sent, not the stored one


@pytest.mark.parametrize(
    "sql",
    [
        # a different shape than VALID_GRANT: checked afresh, and refused
        "GRANT SELECT ON TABLE `main`.`s`.`t1` TO `readers`; DROP TABLE `main`.`s`.`t1`",
        "GRANT SELECT ON TABLE `main`.`s`.`t1` TO readers extra",
        "GRANT SELECT ON TABLE `main`.`s`.`t1` TO `readers` `writers`",
        "GRANT SELECT ON TABLE `main`.`s`.`t1` `readers`",
    ],
)
def test_a_hostile_statement_beside_a_cached_valid_shape_still_fails(tmp_path, sql):
    store = _store(tmp_path)
    GrammarChecker(store).check(VALID_GRANT)
    with pytest.raises(GrammarError):
        GrammarChecker(store).check(sql)


@pytest.mark.parametrize(
    "sql",
    [
        "GRANT SELECT ON TABLE `main`.`s`.`t1 TO `readers`",  # unterminated identifier
        "GRANT SELECT ON TABLE `main`.`s`.`t1` TO `readers",
        "SELECT 'abc FROM `main`.`s`.`t1`",  # unterminated literal
    ],
)
def test_a_malformed_identifier_or_literal_fails_before_any_cache(tmp_path, sql):
    """The shape is computed by the tokenizer, which refuses an unterminated identifier or
    literal: no stored verdict can answer for it."""
    store = _store(tmp_path)
    checker = GrammarChecker(store)
    checker.check(VALID_GRANT)
    checker.check("SELECT 'abc' FROM `main`.`s`.`t1`")
    with pytest.raises(ValueError, match="unterminated"):
        checker.check(sql)


def test_a_hostile_identifier_through_the_warehouse_is_still_refused(tmp_path):
    """An identifier that closes its backticks early is a different shape (more tokens)."""
    ws = Workspace()
    ws.add_group("readers")
    ws.add_catalog("sales")
    ws.add_schema("sales.raw")
    ws.add_table("sales.raw.orders", {"id": "bigint"})
    warehouse = Warehouse(ws, checker=GrammarChecker(_store(tmp_path)))
    warehouse.execute("GRANT SELECT ON TABLE `sales`.`raw`.`orders` TO `readers`")
    for hostile in (
        "GRANT SELECT ON TABLE `sales`.`raw`.`orders` TO `readers` `x`",
        "GRANT SELECT ON TABLE `sales`.`raw`.`orders`` TO `readers`",
        "GRANT SELECT ON TABLE `sales`.`raw`.`orders` TO `readers`, `x`",
    ):
        with pytest.raises((GrammarError, CannotAnswerError, ValueError)):
            warehouse.execute(hostile)
    # a backtick inside an identifier (doubled) is one identifier of the same shape, and a
    # real workspace answers it by name: no such principal
    with pytest.raises(DatabricksSqlError, match="PRINCIPAL_DOES_NOT_EXIST"):
        warehouse.execute("GRANT SELECT ON TABLE `sales`.`raw`.`orders` TO `read``ers`")


def test_a_store_file_for_another_shape_is_a_miss(tmp_path):
    """A damaged file, or one whose recorded shape is not the statement's (a hash collision),
    is ignored and the statement is checked again."""
    store = _store(tmp_path)
    bad = "GRANT SELEC ON TABLE `main`.`s`.`t1` TO `g`"
    with pytest.raises(GrammarError):
        GrammarChecker(store).check(bad)
    (path,) = store.directory.glob("*.json")
    record = json.loads(path.read_text())
    record["failure"] = None  # a forged "valid" verdict for the bad shape ...
    record["shape"] = "SELECT 0"  # ... recorded under another shape
    path.write_text(json.dumps(record))
    with pytest.raises(GrammarError):
        GrammarChecker(store).check(bad)
    path.write_text("{not json")
    with pytest.raises(GrammarError):
        GrammarChecker(store).check(bad)


def test_the_store_is_per_checker_fingerprint_and_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv(VERDICT_STORE_ENV, str(tmp_path / "elsewhere"))
    store = VerdictStore.from_environment()
    assert store is not None
    assert store.directory.parent == tmp_path / "elsewhere"
    assert len(store.directory.name) == 16  # sqlglot/sqlfluff versions + grammar/sqltext code
    monkeypatch.setenv(VERDICT_STORE_ENV, "off")
    assert VerdictStore.from_environment() is None
