"""Bad policy input stops the build with an error naming the file, the row and the value, and
nothing downstream (plan, apply) runs. One case per kind of bad input."""

from __future__ import annotations

import pytest

from tests.support.project import append_seed_lines

GRANTS = "seeds/policy/grants.csv"
SECURABLES = "seeds/policy/securables.csv"
GROUPS = "seeds/policy/groups.csv"

# Row-level problems: caught by the seed's pre-hook before the file is loaded. The shipped
# grants.csv has 19 data rows (lines 2-20), so an appended row is line 21.
ROW_LEVEL_CASES = {
    "newline inside a name": (
        "grants",
        ['SCHEMA,production.etl,"data-\nengineers",SELECT,false,x'],
        [GRANTS, "line {next}", "column principal", "control character"],
    ),
    "spaces around a name": (
        "grants",
        ["SCHEMA,production.etl , data-engineers,SELECT,false,x"],
        [
            GRANTS,
            "line {next}",
            "column securable_name",
            "'production.etl '",
            "leading or trailing",
        ],
    ),
    "workspace-local group": (
        "grants",
        ["CATALOG,production,admins,USE CATALOG,false,x"],
        [GRANTS, "line {next}", "column principal", "'admins'", "workspace-local group"],
    ),
    "duplicate row, other case": (
        "grants",
        ["catalog,Production,DATA-ENGINEERS,use catalog,false,again"],
        [GRANTS, "line {next}", "duplicate of line 2"],
    ),
    "malformed email": (
        "grants",
        ["CATALOG,production,alice@@example,USE CATALOG,false,x"],
        [GRANTS, "line {next}", "'alice@@example'", "not a well-formed user email"],
    ),
    "malformed application id": (
        "grants",
        ["CATALOG,production,6f1c9a52-2b1e-4c3d-9a7e-5d2f1b0c8e4,USE CATALOG,false,x"],
        [GRANTS, "line {next}", "not a well-formed UUID"],
    ),
    "not a boolean": (
        "grants",
        ["CATALOG,production,data-analysts,BROWSE,yes please,x"],
        [GRANTS, "line {next}", "column allow_all_privileges", "'yes please'", "not true or false"],
    ),
    "privilege with odd characters": (
        "grants",
        ["CATALOG,production,data-analysts,SELECT; DROP,false,x"],
        [GRANTS, "line {next}", "column privilege", "'SELECT; DROP'"],
    ),
    "backtick in a securable name": (
        "securables",
        ["SCHEMA,production.bad`name,data-admins,x,"],
        [SECURABLES, "line {next}", "column securable_name", "backtick, quote or backslash"],
    ),
    "quote in a securable name": (
        "securables",
        ["SCHEMA,production.o'clock,data-admins,x,"],
        [SECURABLES, "line {next}", "'production.o'clock'", "backtick, quote or backslash"],
    ),
    "storage URL that is not one": (
        "securables",
        ["SCHEMA,production.landing,data-admins,x,file:///etc/passwd"],
        [SECURABLES, "line {next}", "column managed_location", "not a cloud storage URL"],
    ),
    "empty name part": (
        "securables",
        ["TABLE,production..orders,,x,"],
        [SECURABLES, "line {next}", "empty name part"],
    ),
    "required value missing": (
        "groups",
        [",nobody,nothing,"],
        [GROUPS, "line {next}", "column group_name", "is required"],
    ),
}


@pytest.mark.parametrize("case", sorted(ROW_LEVEL_CASES))
def test_row_level_problem_stops_before_the_seed_loads(project, case):
    seed, lines, expected = ROW_LEVEL_CASES[case]
    # The appended line's number follows the shipped file, whatever its length.
    shipped = (project.root / "seeds" / "policy" / f"{seed}.csv").read_text()
    next_line = len(shipped.splitlines()) + 1
    expected = [fragment.format(next=next_line) for fragment in expected]
    append_seed_lines(project.root, seed, *lines)
    run = project.dbt("build")
    assert not run.success
    for fragment in expected:
        assert fragment in run.text, f"{fragment!r} missing from:\n{run.text}"
    assert "nothing was loaded or applied" in run.text
    assert not project.relation_exists(seed), "the invalid seed was loaded"
    assert not project.relation_exists("governance_plan")
    assert not project.relation_exists("governance_apply_log")


def test_missing_header_column_is_named(project):
    path = project.root / GROUPS
    lines = path.read_text().splitlines()
    lines[0] = "group_name,description,idp_group"
    path.write_text(
        "\n".join(line.rsplit(",", 1)[0] if i else line for i, line in enumerate(lines))
    )
    run = project.dbt("build", "--select", "groups")
    assert not run.success
    assert f"{GROUPS} header: missing column(s) purpose" in run.text


# Problems that need several files: caught by policy_violations, whose post-hook stops the
# build before the plan is computed.
CROSS_SEED_CASES = {
    "undeclared group": (
        ["SCHEMA,production.etl,data-scientsts,SELECT,false,typo"],
        [
            GRANTS,
            "row [SCHEMA production.etl | data-scientsts | SELECT]",
            "column principal",
            "value 'data-scientsts'",
            "is not a declared group",
        ],
    ),
    "privilege not valid for the securable type": (
        ["TABLE,production.analytics.sales_summary,data-analysts,USE SCHEMA,false,x"],
        [
            GRANTS,
            "row [TABLE production.analytics.sales_summary | data-analysts | USE SCHEMA]",
            "value 'USE SCHEMA'",
            "is not a privilege of TABLE",
        ],
    ),
    "service principal by display name": (
        ["CATALOG,production,production-etl-pipeline,USE CATALOG,false,x"],
        [
            GRANTS,
            "value 'production-etl-pipeline'",
            "is the display name of a service principal;"
            " grants name it by application id 6f1c9a52-2b1e-4c3d-9a7e-5d2f1b0c8e47",
        ],
    ),
    "unknown privilege": (
        ["CATALOG,production,data-analysts,READ EVERYTHING,false,x"],
        [GRANTS, "value 'READ EVERYTHING'", "is not a privilege of CATALOG"],
    ),
    "unknown securable type": (
        ["WAREHOUSE,production,data-analysts,SELECT,false,x"],
        [GRANTS, "column securable_type", "value 'WAREHOUSE'", "unknown securable type"],
    ),
    "undeclared securable": (
        ["SCHEMA,production.nowhere,data-analysts,USE SCHEMA,false,x"],
        [GRANTS, "value 'production.nowhere'", "no SCHEMA of that name in " + SECURABLES],
    ),
    "ALL PRIVILEGES without allow_all_privileges": (
        ["SCHEMA,production.etl,data-engineers,ALL PRIVILEGES,false,x"],
        [GRANTS, "value 'ALL PRIVILEGES'", "needs allow_all_privileges = true"],
    ),
}


@pytest.mark.parametrize("case", sorted(CROSS_SEED_CASES))
def test_cross_seed_problem_stops_before_the_plan(project, case):
    lines, expected = CROSS_SEED_CASES[case]
    append_seed_lines(project.root, "grants", *lines)
    run = project.dbt("build")
    assert not run.success
    for fragment in expected:
        assert fragment in run.text, f"{fragment!r} missing from:\n{run.text}"
    assert "nothing was applied" in run.text
    assert run.node_status("policy_violations") == "error"
    assert run.node_status("governance_plan") == "skipped"
    assert run.node_status("governance_apply_log") == "skipped"


def test_securable_rules_need_declared_parent_right_parts_and_known_owner(project):
    append_seed_lines(
        project.root,
        "securables",
        "SCHEMA,staging.raw,data-admins,orphan,",
        "TABLE,production.analytics,,two parts,",
        "SCHEMA,production.scratch,nobody-we-know,x,",
        "TABLE,production.analytics.orders,,x,s3://bucket/orders",
    )
    run = project.dbt("build")
    assert not run.success
    for fragment in [
        "row [SCHEMA staging.raw] column securable_name, value 'staging.raw': its parent CATALOG "
        "is not declared",
        "row [TABLE production.analytics] column securable_name, value 'production.analytics': "
        "a TABLE name has 3 dot-separated part(s)",
        "row [SCHEMA production.scratch] column owner, value 'nobody-we-know'",
        "row [TABLE production.analytics.orders] column managed_location",
    ]:
        assert fragment in run.text, f"{fragment!r} missing from:\n{run.text}"
    assert run.node_status("governance_apply_log") == "skipped"


def test_all_privileges_is_planned_where_the_row_allows_it(project):
    append_seed_lines(
        project.root, "grants", "SCHEMA,production.etl,data-admins,ALL PRIVILEGES,true,x"
    )
    run = project.dbt("build")
    assert run.success, run.text
    rows = project.query(
        "select statement from uc_governance.governance_plan where principal = 'data-admins' "
        "and action = 'grant'"
    )
    assert rows == [("GRANT ALL PRIVILEGES ON SCHEMA `production`.`etl` TO `data-admins`",)]


def test_hostile_principal_and_comment_are_quoted_not_spliced(project):
    append_seed_lines(project.root, "groups", "evil`; DROP CATALOG production; --,x,x,")
    append_seed_lines(
        project.root, "grants", "CATALOG,production,evil`; DROP CATALOG production; --,BROWSE,,x"
    )
    securables = (
        (project.root / SECURABLES)
        .read_text()
        .replace(
            "Audit logs and security reports",
            "it's \\ audit'; DROP CATALOG production; --",
        )
    )
    (project.root / SECURABLES).write_text(securables)
    run = project.dbt("build")
    assert run.success, run.text
    statements = [
        row[0]
        for row in project.query(
            "select statement from uc_governance.governance_plan where statement is not null"
        )
    ]
    assert (
        "GRANT BROWSE ON CATALOG `production` TO `evil``; DROP CATALOG production; --`"
        in statements
    )
    assert (
        "CREATE SCHEMA IF NOT EXISTS `production`.`security` "
        "COMMENT 'it\\'s \\\\ audit\\'; DROP CATALOG production; --'" in statements
    )


BROKEN_CONFIG = {
    "uc_governance_max_revokes": ("lots", "must be a whole number"),
    "uc_governance_apply": ("'yes'", "must be true or false"),
    "uc_governance_allow_mass_revoke": ("1", "must be true or false"),
    "uc_governance_apply_batch_size": ("1001", "must be 'auto' or a whole number"),
    "uc_governance_protected_principals": (
        "[ok, 3]",
        "must be a list of non-empty principal names",
    ),
}


@pytest.mark.parametrize("name", sorted(BROKEN_CONFIG))
def test_broken_config_is_refused_before_anything_runs(project, name):
    value, message = BROKEN_CONFIG[name]
    run = project.dbt("build", "--vars", f"{{{name}: {value}}}")
    assert not run.success
    assert f"var {name} {message}" in run.text
    assert not project.relation_exists("groups"), "a seed was loaded despite the broken config"
