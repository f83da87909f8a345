"""The Unity Catalog state API that a fake REST server and the SQL harness share."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.harness import DatabricksSqlError, UcError, UcState, Warehouse, Workspace, run_dbt
from tests.harness.fixtures import write_tiny_project


def test_group_added_to_the_state_is_grantable_until_deleted() -> None:
    state = UcState()
    state.add_group("data-readers")  # what a SCIM POST /Groups would do
    ws = Workspace(state=state)
    ws.query("GRANT USE CATALOG, SELECT ON CATALOG main TO `data-readers`")
    assert {(g.securable_name, g.privilege) for g in state.grants_of("data-readers")} == {
        ("main", "USE CATALOG"),
        ("main", "SELECT"),
    }
    state.delete_group("DATA-READERS")
    assert state.find_group("data-readers") is None
    assert state.grants_of("data-readers") == []
    with pytest.raises(DatabricksSqlError, match=r"\[PRINCIPAL_DOES_NOT_EXIST\] .*data-readers"):
        ws.query("GRANT SELECT ON CATALOG main TO `data-readers`")


def test_dbt_grants_config_names_a_group_created_on_the_shared_state(tmp_path: Path) -> None:
    state = UcState()
    state.add_group("Data-Readers")  # group names are case-sensitive: named as registered
    ws = Workspace(state=state)
    project = write_tiny_project(tmp_path / "project", readers=("Data-Readers",))
    run_dbt(["build"], workspace=ws, project_dir=project, schema="shop").assert_ok()
    table = state.get("TABLE", "main.shop.people_table")
    assert [(g.principal, g.privilege) for g in state.direct_grants(table)] == [
        ("Data-Readers", "SELECT")
    ]


def test_service_principal_is_granted_by_application_id_not_display_name() -> None:
    state = UcState()
    sp = state.add_service_principal("6f1c2b9e-0000-4000-8000-00000000abcd", "etl-bot")
    assert (sp.name, sp.display_name, sp.kind) == (
        "6f1c2b9e-0000-4000-8000-00000000abcd",
        "etl-bot",
        "service_principal",
    )
    assert state.find_service_principal("6F1C2B9E-0000-4000-8000-00000000ABCD") is sp
    assert state.find_group("6f1c2b9e-0000-4000-8000-00000000abcd") is None
    ws = Workspace(state=state)
    ws.query("GRANT USE CATALOG ON CATALOG main TO `6f1c2b9e-0000-4000-8000-00000000abcd`")
    assert [g.principal for g in state.grants_of(sp.name)] == [sp.name]
    with pytest.raises(DatabricksSqlError, match=r"\[PRINCIPAL_DOES_NOT_EXIST\]"):
        ws.query("GRANT USE CATALOG ON CATALOG main TO `etl-bot`")


def test_membership_changes_are_what_sql_sees() -> None:
    state = UcState("runner@example.com")
    state.add_group("outer", members=["inner"])
    state.add_group("inner")
    ws = Workspace(state=state)
    sql = "SELECT is_account_group_member('outer') AS m"
    assert ws.query(sql) == [{"m": False}]
    state.add_members("inner", ["Runner@Example.com"])
    assert ws.query(sql) == [{"m": True}]  # nested: runner -> inner -> outer
    state.remove_members("inner", ["runner@example.com"])
    assert ws.query(sql) == [{"m": False}]
    with pytest.raises(UcError, match=r"\[PRINCIPAL_DOES_NOT_EXIST\] .*ghost"):
        state.add_members("ghost", ["runner@example.com"])


def test_users_groups_ids_and_listing() -> None:
    state = UcState("runner@example.com")
    user = state.add_user("Ana@Example.com", "Ana")
    assert (user.name, user.display_name) == ("ana@example.com", "Ana")
    assert state.find_user("ANA@example.com") is user
    b = state.add_group("b-team")
    a = state.add_group("a-team")
    assert [g.name for g in state.list_groups()] == ["a-team", "b-team"]
    assert state.add_group("A-TEAM") is a  # known name: the existing group
    assert len({p.id for p in state.principals}) == len(state.principals)
    assert state.find_principal_by_id(b.id) is b
    state.delete_group("b-team")
    c = state.add_group("c-team")
    assert c.id not in {b.id, a.id, user.id}  # ids are never reused
    assert state.find_principal_by_id(b.id) is None
    with pytest.raises(UcError, match=r"\[PRINCIPAL_ALREADY_EXISTS\]"):
        state.add_group("ana@example.com")
    with pytest.raises(UcError, match=r"\[PRINCIPAL_DOES_NOT_EXIST\]"):
        state.delete_group("account users")  # built in, not deletable
    with pytest.raises(ValueError, match="workspace-local"):
        state.add_group("admins")


def test_containers_created_on_the_state_get_storage_before_and_after_attach() -> None:
    state = UcState()
    state.add_catalog("early")
    ws = Workspace(state=state)
    state.add_catalog("late")
    state.add_schema("late.raw")
    wh = Warehouse(ws)
    wh.execute("CREATE TABLE early.default.t AS SELECT 1 AS id")
    wh.execute("CREATE TABLE late.raw.t AS SELECT 2 AS id")
    assert ws.query("SELECT id FROM early.default.t UNION ALL SELECT id FROM late.raw.t") == [
        {"id": 1},
        {"id": 2},
    ]
    assert state.get("TABLE", "late.raw.t").owner == "dbt-runner@example.com"


def test_state_settings_come_from_the_shared_state() -> None:
    state = UcState("someone@example.com")
    assert Workspace(state=state).current_user == "someone@example.com"
    with pytest.raises(ValueError, match="shared state"):
        Workspace("other@example.com", state=state)
