"""Grammar checks, loud refusals and the network block."""

from __future__ import annotations

import socket

import pytest

from tests.harness import CannotAnswerError, GrammarError, NetworkBlockedError, Warehouse
from tests.harness.grammar import SQLFLUFF_ALLOW, GrammarChecker
from tests.harness.network import block_network
from tests.harness.sqltext import shape
from tests.harness.workspace import Workspace


@pytest.mark.parametrize(
    "sql",
    [
        "GRANT SELEC ON TABLE main.s.t TO `g`",  # sqlglot accepts, sqlfluff does not
        "selec 1 from",
        "CREATE TABLE main.s.t (id int",
        "SHOW GRANTS ON ON",
    ],
)
def test_bad_grammar_is_rejected(sql: str) -> None:
    with pytest.raises(GrammarError, match="HARNESS GRAMMAR ERROR"):
        GrammarChecker().check(sql)


@pytest.mark.parametrize(
    "sql",
    [
        "GRANT USE CATALOG, USE SCHEMA ON CATALOG `sales` TO `account users`",
        "CREATE CATALOG IF NOT EXISTS `sales` MANAGED LOCATION 's3://b/x' COMMENT 'hi'",
        "ALTER CATALOG `sales` OWNER TO `g`",
        "show grants on `main`.`uc_governance`.`t1`",
        "SHOW GRANTS `g` ON CATALOG `sales`",
        "DESCRIBE TABLE EXTENDED `main`.`s`.`t` AS JSON",
        "SHOW TABLE EXTENDED IN `main`.`s` LIKE 't1'",
        "grant apply tag on `main`.`s`.`t` to `g`",
        "revoke manage on `main`.`s`.`t` from `g`",
    ],
)
def test_valid_statements_pass(sql: str) -> None:
    GrammarChecker().check(sql)


def test_allow_list_is_small_and_explained() -> None:
    assert [a.name for a in SQLFLUFF_ALLOW] == [
        "SHOW GRANTS",
        "DESCRIBE TABLE EXTENDED ... AS JSON",
    ]
    assert all("dbt-databricks" in a.reason for a in SQLFLUFF_ALLOW)


def test_one_sqlfluff_parse_per_shape() -> None:
    checker = GrammarChecker()
    for i in range(200):
        checker.check(f"GRANT SELECT ON TABLE `main`.`s`.`t{i}` TO `group-{i}`")
    assert checker.sqlfluff_parses == 1
    rows = ", ".join(f"('{i}', {i})" for i in range(500))
    checker.check(f"insert overwrite `main`.`s`.`t` values {rows}")
    assert checker.sqlfluff_parses == 2
    assert shape("GRANT SELECT ON `a`.`b` TO `x`") == shape("grant  select on `c`.`d` to `y`")


@pytest.mark.parametrize(
    "sql",
    [
        "SHOW FUNCTIONS IN main.default",
        "SELECT * FROM main.information_schema.recipients",
        "DESCRIBE HISTORY main.default.t",
    ],
)
def test_unanswerable_statements_raise(sql: str) -> None:
    warehouse = Warehouse(Workspace())
    with pytest.raises(CannotAnswerError, match=r"^HARNESS CANNOT ANSWER: "):
        warehouse.execute(sql)
    assert len(warehouse.log.unanswered) == 1
    assert sql in str(warehouse.log.unanswered[0])


def test_network_is_blocked_but_loopback_is_not() -> None:
    with block_network():
        with pytest.raises(NetworkBlockedError):
            socket.create_connection(("192.0.2.10", 443), timeout=1)
        with pytest.raises(NetworkBlockedError):
            socket.getaddrinfo("harness.databricks.invalid", 443)
        server = socket.socket()
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        client = socket.create_connection(server.getsockname(), timeout=1)
        client.close()
        server.close()
    assert socket.create_connection.__name__ == "create_connection"


def test_every_privilege_of_the_project_vocabulary_passes_the_grammar_check():
    """Each privilege the project's vocabulary seed allows, granted and revoked on its type."""
    import csv

    from tests.harness.grammar import GrammarChecker
    from tests.support.project import REPO_ROOT

    checker = GrammarChecker()
    names = {"CATALOG": "`c`", "SCHEMA": "`c`.`s`", "TABLE": "`c`.`s`.`t`", "VIEW": "`c`.`s`.`v`"}
    for leaf in ("MATERIALIZED VIEW", "VOLUME", "FUNCTION"):
        names[leaf] = "`c`.`s`.`x`"
    for metastore_object in ("EXTERNAL LOCATION", "STORAGE CREDENTIAL", "SERVICE CREDENTIAL"):
        names[metastore_object] = "`x`"
    names["CONNECTION"] = "`x`"
    names["METASTORE"] = ""  # GRANT ... ON METASTORE names no object
    vocabulary = REPO_ROOT / "seeds" / "vocabulary" / "privileges.csv"
    rows = list(csv.DictReader(vocabulary.open()))
    assert len(rows) > 40
    for row in rows:
        securable = f"{row['securable_type']} {names[row['securable_type']]}".strip()
        # ALL PRIVILEGES is never a member of a list (test_live_workspace_strictness.py)
        listed = "" if row["privilege"] == "ALL PRIVILEGES" else ", SELECT"
        if listed and names[row["securable_type"]] == "`x`":
            listed = ", MANAGE"  # the allow-listed shape admits metastore-level privileges only
        checker.check(f"GRANT {row['privilege']}{listed} ON {securable} TO `g-1`")
        checker.check(f"REVOKE {row['privilege']} ON {securable} FROM `g-1`")


@pytest.mark.parametrize(
    "sql",
    [
        "GRANT BROWSE ON CATALOG `c` TOO `g`",
        "GRANT BROWSE, ON CATALOG `c` TO `g`",
        "GRANT MANAGE ON CATALOG `c` TO `g`; DROP TABLE t",
        "GRANT BROWZE ON CATALOG `c` TO `g`",
    ],
)
def test_privileges_sqlfluff_lacks_do_not_open_a_hole(sql):
    from tests.harness.grammar import GrammarChecker

    with pytest.raises(GrammarError):
        GrammarChecker().check(sql)
