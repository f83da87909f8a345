"""SQL scripts (BEGIN ... END) through the fake warehouse: one round trip, statements run one by
one, stop at the first failure without rolling back, exit handler, SIGNAL, and refusals of
what Databricks refuses (Databricks SQL reference, SQL scripting, DBR 16.3+)."""

from __future__ import annotations

import pytest

from tests.harness import CannotAnswerError, DatabricksSqlError, Warehouse, Workspace

HANDLER = """
    DECLARE EXIT HANDLER FOR SQLEXCEPTION
    BEGIN
        DECLARE err STRING;
        DECLARE args MAP<STRING, STRING>;
        GET DIAGNOSTICS CONDITION 1 err = MESSAGE_TEXT;
        SET args = map('errorMessage', 'stopped at ' || step || ': ' || err);
        SIGNAL USER_RAISED_EXCEPTION SET MESSAGE_ARGUMENTS = args;
    END;
"""


def held(ws: Workspace, principal: str) -> set[tuple[str, str]]:
    return {(g.securable_name, g.privilege) for g in ws.grants_of(principal)}


def test_script_runs_each_statement_in_one_round_trip(ws: Workspace) -> None:
    wh = Warehouse(ws)
    wh.execute(
        "BEGIN\n"
        "  GRANT USE CATALOG ON CATALOG `sales` TO `analysts`;\n"
        "  GRANT USE SCHEMA, SELECT ON SCHEMA `sales`.`raw` TO `analysts`;\n"
        "  ALTER SCHEMA `sales`.`raw` OWNER TO `data-engineers`;\n"
        "END"
    )
    assert held(ws, "analysts") == {
        ("sales", "USE CATALOG"),
        ("sales.raw", "USE SCHEMA"),
        ("sales.raw", "SELECT"),
    }
    assert ws.get("SCHEMA", ("sales", "raw")).owner == "data-engineers"
    kinds = [(s.kind, s.in_script) for s in wh.log.statements]
    assert kinds == [("grant", True), ("grant", True), ("set_owner", True), ("script", False)]


def test_failure_stops_the_script_keeps_earlier_statements_and_signals_position(
    ws: Workspace,
) -> None:
    wh = Warehouse(ws)
    with pytest.raises(DatabricksSqlError) as caught:
        wh.execute(
            "BEGIN\n  DECLARE step STRING DEFAULT '';\n" + HANDLER + "  SET step = 'statement 1';\n"
            "  GRANT USE CATALOG ON CATALOG `sales` TO `analysts`;\n"
            "  SET step = 'statement 2';\n"
            "  GRANT SELECT ON CATALOG `sales` TO `nobody-here`;\n"
            "  SET step = 'statement 3';\n"
            "  GRANT SELECT ON CATALOG `sales` TO `data-engineers`;\n"
            "END"
        )
    message = str(caught.value)
    assert message.startswith("[USER_RAISED_EXCEPTION] stopped at statement 2: ")
    assert "PRINCIPAL_DOES_NOT_EXIST" in message and "nobody-here" in message
    # NOT ATOMIC: the first grant stays; the third was never run
    assert held(ws, "analysts") == {("sales", "USE CATALOG")}
    assert held(ws, "data-engineers") == set()
    sent = [(s.kind, s.error is not None) for s in wh.log.statements if s.in_script]
    assert sent == [("grant", False), ("grant", True)]
    assert wh.log.statements[-1].kind == "script" and wh.log.statements[-1].error


def test_without_a_handler_the_statement_error_reaches_the_invoker(ws: Workspace) -> None:
    with pytest.raises(DatabricksSqlError, match="PRINCIPAL_DOES_NOT_EXIST"):
        Warehouse(ws).execute("BEGIN GRANT SELECT ON CATALOG sales TO `ghost`; END")


def test_signal_with_sqlstate_and_literal_message(ws: Workspace) -> None:
    with pytest.raises(DatabricksSqlError, match=r"^\[USER_RAISED_EXCEPTION\] no way$"):
        Warehouse(ws).execute("BEGIN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'no way'; END")


def test_resignal_reraises_the_handled_error(ws: Workspace) -> None:
    script = (
        "BEGIN DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN RESIGNAL; END;"
        " GRANT SELECT ON CATALOG sales TO `ghost`; END"
    )
    with pytest.raises(DatabricksSqlError, match="PRINCIPAL_DOES_NOT_EXIST"):
        Warehouse(ws).execute(script)


@pytest.mark.parametrize(
    ("script", "fragment"),
    [
        # a top-level compound takes no label
        ("top: BEGIN GRANT SELECT ON CATALOG sales TO analysts; END top", "label"),
        # one variable per DECLARE before DBR 17.2
        ("BEGIN DECLARE a, b STRING; END", "one variable per DECLARE"),
        # declarations come before statements
        (
            "BEGIN GRANT SELECT ON CATALOG sales TO analysts; DECLARE a STRING; END",
            "declared before",
        ),
        # handlers come before statements
        (
            "BEGIN GRANT SELECT ON CATALOG sales TO analysts;"
            " DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN RESIGNAL; END; END",
            "handler",
        ),
        # SIGNAL ... SET MESSAGE_TEXT takes a STRING literal only
        (
            "BEGIN DECLARE m STRING DEFAULT 'x'; SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = m; END",
            "STRING literal",
        ),
        # SQLSTATE is 5 characters
        ("BEGIN SIGNAL SQLSTATE '450'; END", "length 5"),
        # GET DIAGNOSTICS and RESIGNAL only inside a handler
        ("BEGIN DECLARE m STRING; GET DIAGNOSTICS CONDITION 1 m = MESSAGE_TEXT; END", "handler"),
        ("BEGIN RESIGNAL; END", "handler"),
        # GET DIAGNOSTICS first in the handler
        (
            "BEGIN DECLARE m STRING; DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN SET m = 'a';"
            " GET DIAGNOSTICS CONDITION 1 m = MESSAGE_TEXT; END; END",
            "first statement",
        ),
        # a statement left open
        ("BEGIN GRANT SELECT ON CATALOG sales TO analysts END", "not closed by"),
        # an unknown variable
        ("BEGIN SET nope = 'a'; END", "UNRESOLVED_VARIABLE"),
    ],
)
def test_databricks_refuses(ws: Workspace, script: str, fragment: str) -> None:
    wh = Warehouse(ws)
    with pytest.raises(DatabricksSqlError) as caught:
        wh.execute(script)
    assert fragment in str(caught.value)
    assert ws.grants_of("analysts") == []  # nothing ran: the script did not parse


@pytest.mark.parametrize(
    "script",
    [
        "BEGIN IF 1 = 1 THEN GRANT SELECT ON CATALOG sales TO analysts; END IF; END",
        "BEGIN SELECT 1; END",
        "BEGIN DECLARE CONTINUE HANDLER FOR SQLEXCEPTION BEGIN RESIGNAL; END; END",
        "BEGIN ATOMIC GRANT SELECT ON CATALOG sales TO analysts; END",
    ],
)
def test_harness_refuses_what_it_does_not_model(ws: Workspace, script: str) -> None:
    wh = Warehouse(ws)
    with pytest.raises(CannotAnswerError):
        wh.execute(script)
    assert wh.log.unanswered
