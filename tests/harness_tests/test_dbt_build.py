"""The real dbt-databricks adapter builds a tiny project against the harness."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from tests.harness import run_dbt
from tests.harness.fixtures import Built

TABLE = "`main`.`uc_governance`.`people_table`"


def test_build_succeeds(built: Built) -> None:
    built.first.assert_ok()
    assert not built.first.unanswered and not built.first.grammar_errors
    assert "Completed successfully" in built.first.logs
    assert built.first.round_trips == len(built.first.statements)
    assert {s.kind for s in built.first.statements} <= {"read", "dbt_object", "grant"}
    kinds = built.ws.relation_kinds()
    assert kinds["main.uc_governance.people_table"] == "TABLE"
    assert kinds["main.uc_governance.people_view"] == "VIEW"


def test_seed_column_types_and_data_survive(built: Built) -> None:
    seed = built.ws.get("TABLE", "main.uc_governance.people")
    assert [(c.name, c.data_type) for c in seed.columns] == [
        ("id", "int"),
        ("name", "string"),
        ("amount", "decimal(10,2)"),
        ("joined", "date"),
    ]
    rows = built.ws.query("SELECT * FROM main.uc_governance.people ORDER BY id")
    assert rows[0] == {
        "id": 1,
        "name": "alice",
        "amount": Decimal("10.50"),
        "joined": dt.date(2024, 1, 1),
    }
    assert built.ws.query("SELECT name FROM main.uc_governance.people_view ORDER BY id") == [
        {"name": "ALICE"},
        {"name": "BOB"},
    ]


def test_first_build_sends_exactly_the_configured_grants(built: Built) -> None:
    governance = built.first.governance_statements()
    assert [s.normalized for s in governance] == [
        f"grant select on {TABLE} to `data-readers`",
        f"grant select on {TABLE} to `account users`",
    ]
    assert all(s.kind == "grant" and s.privileges == ("SELECT",) for s in governance)
    assert [s.principal for s in governance] == ["data-readers", "account users"]
    assert governance[0].target is not None
    assert governance[0].target.name == "main.uc_governance.people_table"
    assert governance[0].node_id == "model.harness_tiny.people_table"
    grants = {(g.securable_name, g.principal, g.privilege) for g in built.ws.grants}
    assert grants == {
        ("main.uc_governance.people_table", "data-readers", "SELECT"),
        ("main.uc_governance.people_table", "account users", "SELECT"),
    }


def test_second_build_sends_no_grant(built: Built) -> None:
    built.second.assert_ok()
    assert built.second.governance_statements() == []
    show = [s for s in built.second.reads if s.op == "SHOW GRANTS"]
    assert [s.normalized for s in show] == [f"show grants on {TABLE}"]


def test_plain_build_statement_shapes(built: Built) -> None:
    ops = {(s.kind, s.op) for s in built.first.statements}
    assert ("dbt_object", "CREATE SCHEMA") in ops  # dbt's own working schema
    assert ("dbt_object", "INSERT") in ops  # seed rows with bound parameters
    assert ("dbt_object", "CREATE VIEW") in ops
    seed_insert = next(s for s in built.first.statements if s.op == "INSERT")
    assert seed_insert.params is not None and "%s" in seed_insert.sql
    assert "'alice'" in seed_insert.text


def test_bad_grammar_fails_the_run(built: Built, tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = "GRANT SELEC ON TABLE main.uc_governance.people_table TO `data-readers`"
    run = run_dbt(
        ["run-operation", "harness_run_sql", "--args", f"{{sql: '{bad}'}}"],
        workspace=built.ws,
        project_dir=built.project,
        schema="uc_governance",
        work_dir=tmp_path,
    )
    assert not run.success and not run.dbt_success
    assert len(run.grammar_errors) == 1
    assert "HARNESS GRAMMAR ERROR (sqlfluff)" in run.logs
    assert run.statements[-1].error is not None


def test_unanswerable_statement_fails_loudly(built: Built, tmp_path) -> None:  # type: ignore[no-untyped-def]
    run = run_dbt(
        ["run-operation", "harness_run_sql", "--args", "{sql: 'SHOW FUNCTIONS IN main.default'}"],
        workspace=built.ws,
        project_dir=built.project,
        schema="uc_governance",
        work_dir=tmp_path,
    )
    assert not run.success
    assert [str(e).splitlines()[0] for e in run.unanswered] == [
        "HARNESS CANNOT ANSWER: unsupported SHOW statement"
    ]
    assert "HARNESS CANNOT ANSWER" in run.logs
    assert "SHOW FUNCTIONS IN main.default" in run.logs
