"""The harness behaves like a live Databricks workspace where it used to be kinder (issue 6):
ALL PRIVILEGES never in a list, group names case-sensitive, privilege views spelled
``USE_CATALOG`` with ``inherited_from = 'NONE'`` on direct rows by default, and no metastore
root storage unless a test asks for it."""

from __future__ import annotations

import pytest

from tests.harness import DatabricksSqlError, GrammarError, Warehouse, Workspace, WorkspaceOptions
from tests.harness.grammar import GrammarChecker


@pytest.mark.parametrize(
    "sql",
    [
        "GRANT ALL PRIVILEGES, USE SCHEMA ON SCHEMA `sales`.`raw` TO `analysts`",
        "GRANT SELECT, ALL PRIVILEGES ON TABLE `sales`.`raw`.`orders` TO `analysts`",
        "grant select,all   privileges on `sales`.`raw`.`orders` to `analysts`",
        "REVOKE ALL PRIVILEGES, MODIFY ON TABLE `sales`.`raw`.`orders` FROM `analysts`",
    ],
)
def test_all_privileges_inside_a_list_is_refused(ws: Workspace, sql: str) -> None:
    with pytest.raises(GrammarError, match="ALL PRIVILEGES cannot be listed"):
        GrammarChecker().check(sql)
    with pytest.raises(GrammarError):
        Warehouse(ws).execute(sql)
    assert ws.grants_of("analysts") == []


def test_all_privileges_alone_is_accepted(ws: Workspace) -> None:
    Warehouse(ws).execute("GRANT ALL PRIVILEGES ON SCHEMA `sales`.`raw` TO `analysts`")
    assert [g.privilege for g in ws.grants_of("analysts")] == ["ALL PRIVILEGES"]


@pytest.mark.parametrize("spelling", ["G", "Analysts", "ANALYSTS"])
def test_group_names_are_case_sensitive(ws: Workspace, spelling: str) -> None:
    ws.add_group("g")
    name = "g" if spelling == "G" else "analysts"
    with pytest.raises(DatabricksSqlError, match="PRINCIPAL_DOES_NOT_EXIST"):
        Warehouse(ws).execute(f"GRANT SELECT ON TABLE `sales`.`raw`.`orders` TO `{spelling}`")
    with pytest.raises(DatabricksSqlError, match="PRINCIPAL_DOES_NOT_EXIST"):
        Warehouse(ws).execute(f"ALTER TABLE `sales`.`raw`.`orders` OWNER TO `{spelling}`")
    assert ws.grants_of(name) == []


def test_user_emails_are_not_case_sensitive(ws: Workspace) -> None:
    Warehouse(ws).execute("GRANT SELECT ON TABLE `sales`.`raw`.`orders` TO `Ana@Example.COM`")
    assert [g.principal for g in ws.grants] == ["ana@example.com"]


def _catalog_privilege_rows(ws: Workspace) -> list[tuple[str, str | None]]:
    ws.grant("CATALOG", "sales", "analysts", ["USE CATALOG", "CREATE SCHEMA"])
    ws.grant("SCHEMA", "sales.raw", "analysts", "USE SCHEMA")
    rows = ws.query(
        "SELECT privilege_type, inherited_from FROM sales.information_schema.catalog_privileges "
        "UNION ALL SELECT privilege_type, inherited_from "
        "FROM sales.information_schema.schema_privileges ORDER BY 1"
    )
    return [(r["privilege_type"], r["inherited_from"]) for r in rows]


def test_privilege_views_default_to_the_live_spelling(ws: Workspace) -> None:
    assert _catalog_privilege_rows(ws) == [
        ("CREATE_SCHEMA", "NONE"),
        ("USE_CATALOG", "NONE"),
        ("USE_SCHEMA", "NONE"),
    ]


def test_privilege_views_can_use_the_grant_spelling_and_null() -> None:
    ws = Workspace(options=WorkspaceOptions(inherited_from_direct=None, privilege_spelling="space"))
    ws.add_group("analysts")
    ws.add_catalog("sales")
    ws.add_schema("sales.raw")
    assert _catalog_privilege_rows(ws) == [
        ("CREATE SCHEMA", None),
        ("USE CATALOG", None),
        ("USE SCHEMA", None),
    ]


@pytest.mark.parametrize(
    "sql",
    [
        "CREATE CATALOG `finance`",
        "CREATE CATALOG IF NOT EXISTS `finance` COMMENT 'money'",
        "CREATE CATALOG IF NOT EXISTS `main`",  # exists already: still refused (stricter)
    ],
)
def test_create_catalog_needs_a_location_without_metastore_root(ws: Workspace, sql: str) -> None:
    with pytest.raises(DatabricksSqlError, match=r"\[INVALID_STATE\] Metastore storage root"):
        Warehouse(ws).execute(sql)
    assert ws.find("CATALOG", "finance") is None


def test_create_catalog_with_a_location_or_a_metastore_root() -> None:
    ws = Workspace()
    Warehouse(ws).execute("CREATE CATALOG `finance` MANAGED LOCATION 's3://bucket/finance'")
    assert ws.get("CATALOG", "finance").managed_location == "s3://bucket/finance"
    rooted = Workspace(options=WorkspaceOptions(metastore_root_storage=True))
    Warehouse(rooted).execute("CREATE CATALOG IF NOT EXISTS `finance`")
    assert rooted.get("CATALOG", "finance").managed_location is None


def test_create_connection_is_a_metastore_privilege_not_a_catalog_one(ws: Workspace) -> None:
    with pytest.raises(DatabricksSqlError, match="INVALID_PARAMETER_VALUE"):
        Warehouse(ws).execute("GRANT CREATE CONNECTION ON CATALOG `sales` TO `analysts`")
    assert ws.grants_of("analysts") == []


def test_manage_on_a_catalog_shows_on_its_schemas_and_tables(ws: Workspace) -> None:
    ws.grant("CATALOG", "sales", "analysts", "MANAGE")
    rows = ws.query(
        "SELECT table_name AS name, privilege_type, inherited_from "
        "FROM sales.information_schema.table_privileges WHERE grantee = 'analysts' "
        "UNION ALL SELECT schema_name, privilege_type, inherited_from "
        "FROM sales.information_schema.schema_privileges WHERE grantee = 'analysts' ORDER BY 1"
    )
    # the schemas default (created with the catalog) and raw, and the table raw.orders
    assert [tuple(r.values()) for r in rows] == [
        ("default", "MANAGE", "CATALOG"),
        ("orders", "MANAGE", "CATALOG"),
        ("raw", "MANAGE", "CATALOG"),
    ]
