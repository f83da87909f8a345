"""Input an attacker would try (issue 6, "Bad input that still gets through"): lookalike names
built with invisible or direction-changing characters, names Unity Catalog forbids, SQL in a
CSV header, group names differing only in case, and the catalog or schema dbt works in
declared as managed. Each stops the build with the file, the line (or row), and the value
shown escaped, before anything is loaded or applied."""

from __future__ import annotations

import pytest

from tests.support.project import append_seed_lines

GRANTS = "seeds/policy/grants.csv"
SECURABLES = "seeds/policy/securables.csv"
GROUPS = "seeds/policy/groups.csv"

# The shipped grants.csv has 35 data rows (an appended row is line 37), securables.csv 11
# (line 13), groups.csv 11 (line 13). Expected escapes are written by hand: \u200b is the
# zero-width space, \u202e RIGHT-TO-LEFT OVERRIDE, \u2066 LEFT-TO-RIGHT ISOLATE, \xa0 the
# no-break space, \ufeff the byte order mark.
INVISIBLE_CASES = {
    "zero-width space in a principal (lookalike of data-engineers)": (
        "grants",
        ["SCHEMA,production.etl,data\u200b-engineers,SELECT,false,x"],
        [GRANTS, "line 37", "column principal", "'data\\u200b-engineers'"],
    ),
    "bidi override in a securable name": (
        "grants",
        ["SCHEMA,production.\u202eltes,data-engineers,SELECT,false,x"],
        [GRANTS, "line 37", "column securable_name", "'production.\\u202eltes'"],
    ),
    "bidi isolate in a privilege": (
        "grants",
        ["SCHEMA,production.etl,data-engineers,\u2066SELECT,false,x"],
        [GRANTS, "line 37", "column privilege", "'\\u2066SELECT'"],
    ),
    "no-break space in a group name": (
        "groups",
        ["data\u00a0admins,x,x,"],
        [GROUPS, "line 13", "column group_name", "'data\\xa0admins'"],
    ),
    "byte order mark inside an owner": (
        "securables",
        ["SCHEMA,production.scratch,\ufeffdata-admins,x,"],
        [SECURABLES, "line 13", "column owner", "'\\ufeffdata-admins'"],
    ),
}

FORBIDDEN_NAME_CASES = {
    "space inside a name part": (
        ["SCHEMA,production.my schema,data-admins,x,"],
        [SECURABLES, "line 13", "'production.my schema'", "space or '/'"],
    ),
    "slash inside a name part": (
        ["TABLE,production.etl.orders/2024,,x,"],
        [SECURABLES, "line 13", "'production.etl.orders/2024'", "space or '/'"],
    ),
}


def _assert_refused(run, expected: list[str]) -> None:
    assert not run.success
    for fragment in expected:
        assert fragment in run.text, f"{fragment!r} missing from:\n{run.text}"


def _assert_stopped_before_loading(project, seed: str, run, expected: list[str]) -> None:
    _assert_refused(run, expected)
    assert "nothing was loaded or applied" in run.text
    assert not project.relation_exists(seed), "the invalid seed was loaded"
    assert not project.relation_exists("governance_plan")


@pytest.mark.parametrize("case", sorted(INVISIBLE_CASES))
def test_invisible_characters_are_refused_and_shown_escaped(project, case):
    seed, lines, expected = INVISIBLE_CASES[case]
    append_seed_lines(project.root, seed, *lines)
    run = project.dbt("build")
    _assert_stopped_before_loading(project, seed, run, [*expected, "invisible or direction"])


@pytest.mark.parametrize("case", sorted(FORBIDDEN_NAME_CASES))
def test_names_unity_catalog_forbids_are_refused(project, case):
    lines, expected = FORBIDDEN_NAME_CASES[case]
    append_seed_lines(project.root, "securables", *lines)
    run = project.dbt("build")
    _assert_stopped_before_loading(project, "securables", run, expected)


def _rewrite_header(project, seed: str, header: str, pad: str) -> None:
    path = project.root / "seeds" / "policy" / f"{seed}.csv"
    lines = path.read_text().splitlines()
    path.write_text("\n".join([header, *(line + pad for line in lines[1:])]) + "\n")


def test_sql_in_an_extra_header_cell_never_reaches_the_warehouse(project):
    header = (
        "securable_type,securable_name,principal,privilege,allow_all_privileges,reason,"
        '"x int) using delta; drop catalog production; --"'
    )
    _rewrite_header(project, "grants", header, ",")
    run = project.dbt("build")
    _assert_stopped_before_loading(
        project,
        "grants",
        run,
        [
            f"{GRANTS} header: unexpected column(s) "
            "'x int) using delta; drop catalog production; --'",
            "the columns are securable_type, securable_name, principal, privilege",
        ],
    )


def test_lookalike_header_cell_is_named_escaped(project):
    header = "securable_type,securable_name,principal\u200b,privilege,allow_all_privileges,reason"
    _rewrite_header(project, "grants", header, "")
    run = project.dbt("build")
    _assert_stopped_before_loading(
        project,
        "grants",
        run,
        [
            f"{GRANTS} header: missing column(s) principal",
            "unexpected column(s) 'principal\\u200b'",
        ],
    )


def test_group_names_are_not_folded_together(project):
    # groups.csv declares data-engineers; Data-Engineers is another group in Unity Catalog
    append_seed_lines(
        project.root, "grants", "SCHEMA,production.etl,Data-Engineers,REFRESH,false,x"
    )
    run = project.dbt("build")
    _assert_refused(run, [GRANTS, "value 'Data-Engineers'", "is not a declared group"])
    assert run.node_status("governance_plan") == "skipped"


def test_user_emails_are_folded(project):
    # an email in another case is the same user: declared once, accepted in either spelling
    append_seed_lines(
        project.root, "grants", "SCHEMA,production.etl,Alice@Example.COM,SELECT,false,x"
    )
    run = project.dbt("build")
    assert run.success, run.text
    rows = project.query(
        "select principal from uc_governance.governance_plan "
        "where lower(principal) like '%@example.com'"
    )
    assert rows == [("alice@example.com",)]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("CATALOG,local,,x,", "is the catalog dbt works in"),
        ("SCHEMA,local.uc_governance,,x,", "is the schema dbt works in"),
    ],
)
def test_the_catalog_and_schema_dbt_works_in_cannot_be_managed(project, line, message):
    # target local: the DuckDB file local.duckdb is catalog `local`, the schema uc_governance
    lines = [line] if line.startswith("CATALOG") else ["CATALOG,local,,x,", line]
    append_seed_lines(project.root, "securables", *lines)
    run = project.dbt("build")
    _assert_refused(run, [SECURABLES, f"value '{line.split(',')[1]}'", message])
    assert run.node_status("governance_plan") == "skipped"


def test_create_connection_is_not_a_catalog_privilege(project):
    # a metastore privilege (Unity Catalog privileges reference); on a catalog it is refused
    append_seed_lines(
        project.root, "grants", "CATALOG,production,data-engineers,CREATE CONNECTION,false,x"
    )
    run = project.dbt("build")
    _assert_refused(run, [GRANTS, "value 'CREATE CONNECTION'", "is not a privilege of CATALOG"])
