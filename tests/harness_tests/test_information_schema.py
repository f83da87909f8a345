"""information_schema views answered from the workspace state, through DuckDB."""

from __future__ import annotations

import pytest

from tests.harness import DatabricksSqlError, Workspace, WorkspaceOptions


def _grant_setup(ws: Workspace) -> None:
    ws.add_view("sales.raw.orders_v", "SELECT id FROM sales.raw.orders")
    ws.grant("CATALOG", "sales", "analysts", ["USE CATALOG", "SELECT"])
    ws.grant("SCHEMA", "sales.raw", "analysts", "USE SCHEMA")
    ws.grant("TABLE", "sales.raw.orders", "data-engineers", ["MODIFY", "SELECT"])


def test_table_privileges_include_direct_and_inherited_rows(ws: Workspace) -> None:
    _grant_setup(ws)
    rows = ws.query(
        "SELECT grantee, table_name, privilege_type, inherited_from "
        "FROM sales.information_schema.table_privileges ORDER BY table_name, grantee, "
        "privilege_type"
    )
    assert [tuple(r.values()) for r in rows] == [
        ("analysts", "orders", "SELECT", "CATALOG"),
        ("data-engineers", "orders", "MODIFY", "NONE"),
        ("data-engineers", "orders", "SELECT", "NONE"),
        ("analysts", "orders_v", "SELECT", "CATALOG"),
    ]


def test_schema_and_catalog_privileges(ws: Workspace) -> None:
    _grant_setup(ws)
    schema_rows = ws.query(
        "SELECT catalog_name, schema_name, privilege_type, inherited_from "
        "FROM sales.information_schema.schema_privileges WHERE schema_name = 'raw' "
        "ORDER BY privilege_type"
    )
    assert [tuple(r.values()) for r in schema_rows] == [
        ("sales", "raw", "SELECT", "CATALOG"),
        ("sales", "raw", "USE_SCHEMA", "NONE"),
    ]
    catalog_rows = ws.query(
        "SELECT grantor, grantee, catalog_name, privilege_type, is_grantable, inherited_from "
        "FROM system.information_schema.catalog_privileges ORDER BY privilege_type"
    )
    assert [tuple(r.values()) for r in catalog_rows] == [
        ("dbt-runner@example.com", "analysts", "sales", "SELECT", "NO", "NONE"),
        ("dbt-runner@example.com", "analysts", "sales", "USE_CATALOG", "NO", "NONE"),
    ]


def test_direct_rows_can_spell_inherited_from_null() -> None:
    ws = Workspace(options=WorkspaceOptions(inherited_from_direct=None))
    ws.add_group("analysts")
    ws.add_schema("main.shop")
    ws.add_table("main.shop.items")
    ws.grant("SCHEMA", "main.shop", "analysts", "SELECT")
    ws.grant("TABLE", "main.shop.items", "analysts", "MODIFY")
    rows = ws.query(
        "SELECT privilege_type, inherited_from FROM main.information_schema.table_privileges "
        "UNION ALL SELECT privilege_type, inherited_from "
        "FROM main.information_schema.schema_privileges ORDER BY 1, 2"
    )
    assert [tuple(r.values()) for r in rows] == [
        ("MODIFY", None),
        ("SELECT", None),
        ("SELECT", "SCHEMA"),
    ]


def test_upper_case_column_option() -> None:
    ws = Workspace(options=WorkspaceOptions(info_schema_column_case="upper"))
    result = ws.query("SELECT * FROM main.information_schema.catalog_privileges")
    assert result == []
    from tests.harness import Warehouse

    described = Warehouse(ws).execute("SELECT * FROM main.information_schema.table_privileges")
    assert [d[0] for d in described.description][:3] == ["GRANTOR", "GRANTEE", "TABLE_CATALOG"]


def test_catalogs_schemata_and_tables(ws: Workspace) -> None:
    assert ws.query("SELECT catalog_name FROM system.information_schema.catalogs ORDER BY 1") == [
        {"catalog_name": "main"},
        {"catalog_name": "sales"},
        {"catalog_name": "system"},
    ]
    assert ws.query(
        "SELECT catalog_name, catalog_owner FROM sales.information_schema.catalogs"
    ) == [{"catalog_name": "sales", "catalog_owner": "dbt-runner@example.com"}]
    schemata = ws.query(
        "SELECT schema_name, schema_owner FROM sales.information_schema.schemata ORDER BY 1"
    )
    assert [r["schema_name"] for r in schemata] == ["default", "information_schema", "raw"]
    tables = ws.query(
        "SELECT table_catalog, table_schema, table_name, table_type, table_owner "
        "FROM sales.information_schema.tables"
    )
    assert tables == [
        {
            "table_catalog": "sales",
            "table_schema": "raw",
            "table_name": "orders",
            "table_type": "MANAGED",
            "table_owner": "dbt-runner@example.com",
        }
    ]


def test_empty_workspace_has_only_main_and_system() -> None:
    rows = Workspace().query("SELECT catalog_name FROM system.information_schema.catalogs")
    assert sorted(r["catalog_name"] for r in rows) == ["main", "system"]


def test_missing_catalog_information_schema_fails(ws: Workspace) -> None:
    with pytest.raises(DatabricksSqlError, match=r"\[NO_SUCH_CATALOG_EXCEPTION\] Catalog 'nope'"):
        ws.query("SELECT * FROM nope.information_schema.table_privileges")


def test_views_over_information_schema_are_never_stale(ws: Workspace) -> None:
    from tests.harness import Warehouse

    wh = Warehouse(ws)
    wh.execute(
        "CREATE VIEW main.default.grants_v AS SELECT grantee, privilege_type "
        "FROM system.information_schema.table_privileges"
    )
    wh.execute("CREATE VIEW main.default.grants_v2 AS SELECT * FROM main.default.grants_v")
    wh.execute("CREATE TEMPORARY VIEW grants_tmp AS SELECT * FROM main.default.grants_v2")
    assert wh.execute("SELECT * FROM main.default.grants_v2").rows == []
    ws.grant("TABLE", "sales.raw.orders", "analysts", "SELECT")
    assert wh.execute("SELECT * FROM main.default.grants_v2").rows == [("analysts", "SELECT")]
    ws.grant("TABLE", "sales.raw.orders", "analysts", "MODIFY")
    assert len(wh.execute("SELECT * FROM grants_tmp").rows) == 2
