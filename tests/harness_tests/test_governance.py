"""GRANT / REVOKE / CREATE / OWNER semantics, straight through the fake warehouse."""

from __future__ import annotations

import pytest

from tests.harness import DatabricksSqlError, Warehouse, Workspace


def run(ws: Workspace, sql: str) -> Warehouse:
    """Execute one statement in a fresh session and return the warehouse (for its log)."""
    warehouse = Warehouse(ws)
    warehouse.execute(sql)
    return warehouse


def test_grant_several_privileges_and_revoke(ws: Workspace) -> None:
    wh = run(ws, "GRANT USE CATALOG, USE SCHEMA, SELECT ON CATALOG `sales` TO `analysts`")
    stmt = wh.log.statements[-1]
    assert (stmt.kind, stmt.principal, stmt.privileges) == (
        "grant",
        "analysts",
        ("USE CATALOG", "USE SCHEMA", "SELECT"),
    )
    assert stmt.target is not None and stmt.target.securable_type == "CATALOG"
    held = {(g.securable_name, g.privilege) for g in ws.grants_of("ANALYSTS")}
    assert held == {("sales", "USE CATALOG"), ("sales", "USE SCHEMA"), ("sales", "SELECT")}
    wh.execute("REVOKE SELECT ON CATALOG sales FROM `analysts`")
    assert wh.log.statements[-1].kind == "revoke"
    assert {g.privilege for g in ws.grants_of("analysts")} == {"USE CATALOG", "USE SCHEMA"}
    wh.execute("REVOKE ALL PRIVILEGES ON CATALOG sales FROM `analysts`")
    assert ws.grants_of("analysts") == []


def test_all_privileges_and_default_table_type(ws: Workspace) -> None:
    run(ws, "GRANT ALL PRIVILEGES ON SCHEMA `sales`.`raw` TO `data-engineers`")
    run(ws, "grant select on `sales`.`raw`.`orders` to `ana@example.com`")
    assert {(g.securable_type, g.privilege) for g in ws.grants} == {
        ("SCHEMA", "ALL PRIVILEGES"),
        ("TABLE", "SELECT"),
    }


@pytest.mark.parametrize("principal", ["nobody", "users", "admins"])
def test_grant_to_unknown_or_workspace_local_principal_fails(ws: Workspace, principal: str) -> None:
    with pytest.raises(DatabricksSqlError, match=r"\[PRINCIPAL_DOES_NOT_EXIST\]"):
        run(ws, f"GRANT SELECT ON TABLE sales.raw.orders TO `{principal}`")
    assert ws.grants == []


@pytest.mark.parametrize(
    "sql",
    [
        "GRANT USE CATALOG ON TABLE sales.raw.orders TO `analysts`",
        "GRANT MODIFY ON VIEW sales.raw.orders_v TO `analysts`",
        "GRANT READ VOLUME ON TABLE sales.raw.orders TO `analysts`",
        "GRANT EXECUTE ON TABLE sales.raw.orders TO `analysts`",
    ],
)
def test_privilege_not_valid_for_securable_fails(ws: Workspace, sql: str) -> None:
    ws.add_view("sales.raw.orders_v", "SELECT id FROM sales.raw.orders")
    with pytest.raises(DatabricksSqlError, match=r"\[INVALID_PARAMETER_VALUE"):
        run(ws, sql)
    assert ws.grants == []


@pytest.mark.parametrize(
    ("sql", "error"),
    [
        ("GRANT SELECT ON TABLE sales.raw.missing TO `analysts`", "TABLE_OR_VIEW_NOT_FOUND"),
        ("GRANT SELECT ON TABLE sales.nope.orders TO `analysts`", "SCHEMA_NOT_FOUND"),
        ("GRANT USE SCHEMA ON SCHEMA nope.raw TO `analysts`", "NO_SUCH_CATALOG_EXCEPTION"),
        ("GRANT USE CATALOG ON CATALOG nope TO `analysts`", "NO_SUCH_CATALOG_EXCEPTION"),
        ("ALTER SCHEMA sales.nope OWNER TO `analysts`", "SCHEMA_NOT_FOUND"),
    ],
)
def test_missing_securable_fails(ws: Workspace, sql: str, error: str) -> None:
    with pytest.raises(DatabricksSqlError, match=rf"\[{error}\]"):
        run(ws, sql)


def test_create_catalog_and_schema_make_the_creator_owner(ws: Workspace) -> None:
    wh = Warehouse(ws)
    wh.execute("CREATE CATALOG IF NOT EXISTS `finance` MANAGED LOCATION 's3://b/f' COMMENT 'money'")
    wh.execute("CREATE CATALOG IF NOT EXISTS `finance` MANAGED LOCATION 's3://b/f'")
    wh.execute("CREATE SCHEMA IF NOT EXISTS `finance`.`ledger` COMMENT 'books'")
    wh.execute("create schema if not exists `main`.`uc_governance`")
    kinds = [(s.kind, s.op) for s in wh.log.statements]
    assert kinds == [
        ("create_securable", "CREATE CATALOG"),
        ("create_securable", "CREATE CATALOG"),
        ("create_securable", "CREATE SCHEMA"),
        ("dbt_object", "CREATE SCHEMA"),
    ]
    catalog = ws.get("CATALOG", "finance")
    assert (catalog.owner, catalog.comment, catalog.managed_location) == (
        "dbt-runner@example.com",
        "money",
        "s3://b/f",
    )
    assert ws.get("SCHEMA", "finance.ledger").owner == "dbt-runner@example.com"
    with pytest.raises(DatabricksSqlError, match=r"\[CATALOG_ALREADY_EXISTS\]"):
        wh.execute("CREATE CATALOG finance MANAGED LOCATION 's3://b/f'")


def test_alter_owner_with_quoted_names(ws: Workspace) -> None:
    ws.add_group("odd`name")
    ws.add_schema("sales.`we``ird`")
    wh = run(ws, "ALTER SCHEMA `sales`.`we``ird` OWNER TO `odd``name`")
    stmt = wh.log.statements[-1]
    assert stmt.kind == "set_owner" and stmt.principal == "odd`name"
    assert stmt.target is not None and stmt.target.parts == ("sales", "we`ird")
    assert ws.get("SCHEMA", ("sales", "we`ird")).owner == "odd`name"
    with pytest.raises(DatabricksSqlError, match=r"\[PRINCIPAL_DOES_NOT_EXIST\]"):
        run(ws, "ALTER TABLE sales.raw.orders OWNER TO `ghost`")


def test_show_grants_lists_owner_direct_and_inherited(ws: Workspace) -> None:
    run(ws, "GRANT SELECT ON CATALOG sales TO `analysts`")
    run(ws, "GRANT USE SCHEMA ON SCHEMA sales.raw TO `analysts`")
    run(ws, "GRANT MODIFY ON TABLE sales.raw.orders TO `data-engineers`")
    result = Warehouse(ws).execute("SHOW GRANTS ON TABLE sales.raw.orders")
    assert [d[0] for d in result.description] == [
        "principal",
        "actionType",
        "objectType",
        "objectKey",
    ]
    assert result.rows == [
        ("dbt-runner@example.com", "OWN", "TABLE", "sales.raw.orders"),
        ("data-engineers", "MODIFY", "TABLE", "sales.raw.orders"),
        ("analysts", "SELECT", "CATALOG", "sales"),
    ]
    only = Warehouse(ws).execute("SHOW GRANTS `analysts` ON SCHEMA sales.raw")
    assert only.rows == [
        ("analysts", "USE SCHEMA", "SCHEMA", "sales.raw"),
        ("analysts", "SELECT", "CATALOG", "sales"),
    ]


def test_current_user_and_group_membership(ws: Workspace) -> None:
    ws.add_group("finance-readers", members=["analysts"])
    rows = ws.query(
        "SELECT current_user() AS u, is_account_group_member('analysts') AS a, "
        "is_account_group_member('account users') AS b"
    )
    assert rows == [{"u": "dbt-runner@example.com", "a": False, "b": True}]
    assert ws.is_account_group_member("finance-readers", "ana@example.com")
    other = Workspace(current_user="Someone@Example.com")
    assert other.query("SELECT current_user() AS u") == [{"u": "someone@example.com"}]
