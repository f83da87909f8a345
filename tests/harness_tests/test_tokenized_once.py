"""A statement is tokenized once on its way through the warehouse: the grammar check, the
classification and the statement parsers share the tokens."""

from __future__ import annotations

import pytest

from tests.harness import Warehouse, Workspace, dcl, grammar, server, sqltext, statements


@pytest.mark.parametrize(
    "sql",
    [
        "GRANT USE CATALOG, SELECT ON CATALOG sales TO `analysts`",
        "SHOW GRANTS ON CATALOG sales",
        "ALTER CATALOG sales OWNER TO `analysts`",
        "ALTER CATALOG sales SET TAGS ('tier' = 'gold')",
        "CREATE SCHEMA IF NOT EXISTS sales.curated",
        "SHOW SCHEMAS IN sales",
        "USE CATALOG sales",
        "SELECT 1 AS one",
    ],
)
def test_each_statement_is_tokenized_once(monkeypatch: pytest.MonkeyPatch, sql: str) -> None:
    ws = Workspace()
    ws.add_group("analysts")
    ws.add_catalog("sales")
    warehouse = Warehouse(ws)
    calls: list[str] = []

    def counting(text: str) -> list[sqltext.Token]:
        calls.append(text)
        return sqltext.tokenize(text)

    for module in (dcl, grammar, server, statements):
        monkeypatch.setattr(module, "tokenize", counting)
    warehouse.execute(f'/* {{"node_id": "model.x.y"}} */ {sql}')
    assert calls == [sql]
