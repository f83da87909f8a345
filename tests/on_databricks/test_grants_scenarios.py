"""Grants as code on Databricks: the real dbt-databricks adapter runs the project against the
offline harness, and each scenario asserts the exact governance statements sent."""

from __future__ import annotations

import pytest

from tests.harness import GOVERNANCE_KINDS, WorkspaceOptions
from tests.support.demo_plan import AFTER_TABLES, FIRST_APPLY, SP, VIEW_STATEMENTS
from tests.support.harnessed import RUNNER, Harnessed
from tests.support.project import append_seed_lines


def governance(run) -> list[str]:
    """The governance statements a run sent, whitespace-normalized, in order."""
    return run.texts(*GOVERNANCE_KINDS)


def test_first_apply_on_an_empty_workspace(harnessed: Harnessed):
    run = harnessed.dbt("build").assert_ok()
    assert governance(run) == FIRST_APPLY
    assert harnessed.workspace.get("CATALOG", "production").owner == "data-admins"
    assert harnessed.workspace.get("SCHEMA", "production.security").owner == "security-team"
    assert harnessed.grants("SCHEMA", "production.etl") == {
        ("data-engineers", "CREATE TABLE"),
        ("data-engineers", "MODIFY"),
        ("data-engineers", "SELECT"),
        ("data-engineers", "USE SCHEMA"),
        (SP, "MODIFY"),
        (SP, "SELECT"),
        (SP, "USE SCHEMA"),
    }
    assert "uc_governance plan: 30 statement(s)" in run.logs


def test_no_op_rerun_sends_no_governance_statement(harnessed: Harnessed):
    harnessed.dbt("build").assert_ok()
    first_reads = None
    for _ in range(2):
        run = harnessed.dbt("build").assert_ok()
        assert governance(run) == []
        assert "nothing to change" in run.logs
        reads = len(run.reads)
        first_reads = first_reads or reads
        assert reads == first_reads


def test_tables_built_later_get_their_grants_on_the_next_run(harnessed: Harnessed):
    harnessed.dbt("build").assert_ok()
    harnessed.pipelines_build_tables()
    run = harnessed.dbt("build").assert_ok()
    assert governance(run) == AFTER_TABLES


def test_out_of_band_grant_is_caught_by_test_planned_and_revoked(harnessed: Harnessed):
    harnessed.dbt("build").assert_ok()
    harnessed.workspace.grant("SCHEMA", "production.sensitive_data", "data-scientists", "SELECT")

    drift = harnessed.dbt("test", "--select", "governance_apply_log")
    assert not drift.dbt_success
    failed = {r.node.name for r in drift.results.result.results if str(r.status) == "fail"}
    assert failed == {
        "uc_governance_live_grants_match_policy_governance_apply_log_",
        # data-scientists must lack SELECT on sensitive_data (guide 5.1: no access to PII)
        "uc_governance_principal_lacks_privilege_governance_apply_log_data_scientists__SELECT__"
        "production_sensitive_data__SCHEMA",
    }
    assert governance(drift) == []

    planned = harnessed.dbt(
        "build", "--select", "+governance_plan", "--indirect-selection", "cautious"
    ).assert_ok()
    assert governance(planned) == []
    review = harnessed.dbt("compile", "--select", "governance_plan_review").assert_ok()
    compiled = (
        review.target_path / "compiled/uc_governance/analyses/governance_plan_review.sql"
    ).read_text()
    assert "REVOKE SELECT ON SCHEMA `production`.`sensitive_data` FROM `data-scientists`;" in (
        compiled
    )

    applied = harnessed.dbt("build").assert_ok()
    assert governance(applied) == [
        "REVOKE SELECT ON SCHEMA `production`.`sensitive_data` FROM `data-scientists`"
    ]
    assert (
        "uc_governance plan revokes: REVOKE SELECT ON SCHEMA `production`.`sensitive_data` "
        "FROM `data-scientists`" in applied.logs
    )
    assert ("data-scientists", "SELECT") not in harnessed.grants(
        "SCHEMA", "production.sensitive_data"
    )


def test_has_privilege_test_fails_when_a_declared_grant_is_missing(harnessed: Harnessed):
    harnessed.dbt("build").assert_ok()
    harnessed.workspace.revoke("CATALOG", "production", "data-analysts", "USE CATALOG")
    drift = harnessed.dbt("test", "--select", "governance_apply_log")
    failed = {r.node.name for r in drift.results.result.results if str(r.status) == "fail"}
    assert failed == {
        "uc_governance_live_grants_match_policy_governance_apply_log_",
        "uc_governance_principal_has_privilege_governance_apply_log_data_analysts__USE_CATALOG__"
        "production__CATALOG",
    }
    applied = harnessed.dbt("build").assert_ok()
    assert governance(applied) == ["GRANT USE CATALOG ON CATALOG `production` TO `data-analysts`"]


def test_owner_runner_and_protected_principals_are_never_revoked(harnessed: Harnessed):
    harnessed.dbt("build").assert_ok()
    ws = harnessed.workspace
    ws.grant("CATALOG", "production", "data-admins", "BROWSE")  # the catalog's owner
    ws.grant("SCHEMA", "production.etl", RUNNER, "MODIFY")  # the principal running dbt
    ws.grant("SCHEMA", "production.security", "workspace-admins", "USE SCHEMA")  # protected
    ws.grant("SCHEMA", "production.analytics", "data-engineers", "USE SCHEMA")  # neither

    run = harnessed.dbt(
        "build", "--vars", "{uc_governance_protected_principals: [workspace-admins]}"
    ).assert_ok()
    assert governance(run) == [
        "REVOKE USE SCHEMA ON SCHEMA `production`.`analytics` FROM `data-engineers`"
    ]
    assert ("data-admins", "BROWSE") in harnessed.grants("CATALOG", "production")
    assert (RUNNER, "MODIFY") in harnessed.grants("SCHEMA", "production.etl")
    assert ("workspace-admins", "USE SCHEMA") in harnessed.grants("SCHEMA", "production.security")


def test_blast_radius_guard_stops_a_mass_revoke_before_anything_is_sent(harnessed: Harnessed):
    harnessed.dbt("build").assert_ok()
    ws = harnessed.workspace
    for team in ("north-america-team", "europe-team", "apac-team"):
        ws.grant("SCHEMA", "production.sensitive_data", team, ["USE SCHEMA", "SELECT", "MODIFY"])
        ws.grant("SCHEMA", "production.analytics", team, ["USE SCHEMA", "SELECT"])
    # 12 undeclared privileges against the default limit of 10 (the teams' USE SCHEMA on analytics
    # is declared, for the guide's §5.2 views); one declared grant is missing too
    ws.revoke("CATALOG", "production", "data-analysts", "USE CATALOG")

    stopped = harnessed.dbt("build")
    assert not stopped.dbt_success
    assert governance(stopped) == []
    assert "refusing to apply: the plan revokes 12 privilege(s) in 6 statement(s)" in stopped.logs
    assert stopped.logs.count("uc_governance plan revokes: REVOKE") == 6

    allowed = harnessed.dbt("build", "--vars", "{uc_governance_allow_mass_revoke: true}")
    allowed.assert_ok()
    assert governance(allowed) == [
        "REVOKE SELECT ON SCHEMA `production`.`analytics` FROM `apac-team`",
        "REVOKE SELECT ON SCHEMA `production`.`analytics` FROM `europe-team`",
        "REVOKE SELECT ON SCHEMA `production`.`analytics` FROM `north-america-team`",
        "REVOKE MODIFY, SELECT, USE SCHEMA ON SCHEMA `production`.`sensitive_data` "
        "FROM `apac-team`",
        "REVOKE MODIFY, SELECT, USE SCHEMA ON SCHEMA `production`.`sensitive_data` "
        "FROM `europe-team`",
        "REVOKE MODIFY, SELECT, USE SCHEMA ON SCHEMA `production`.`sensitive_data` "
        "FROM `north-america-team`",
        "GRANT USE CATALOG ON CATALOG `production` TO `data-analysts`",
    ]


def test_malformed_seed_stops_the_run_with_zero_statements_sent(harnessed: Harnessed):
    grants_file = harnessed.project / "seeds" / "policy" / "grants.csv"
    line = len(grants_file.read_text().splitlines()) + 1
    append_seed_lines(harnessed.project, "grants", "SCHEMA,production.etl,users,SELECT,false,x")
    run = harnessed.dbt("build")
    assert not run.dbt_success
    assert f"seeds/policy/grants.csv line {line}, column principal, value 'users'" in run.logs
    assert governance(run) == []
    # the invalid file itself was never loaded, and nothing touched the managed catalog
    assert not any("`grants`" in s.sql and s.kind != "read" for s in run.statements)
    assert not any("production" in s.sql.lower() for s in run.writes)
    # every write went to dbt's own working schema, and the invalid seed was not among them
    written = {s.target.name for s in run.writes}
    assert written and all(name.startswith("main.uc_governance") for name in written)
    assert "main.uc_governance.grants" not in written
    assert harnessed.workspace.find("CATALOG", "production") is None


def test_undeclared_principal_stops_the_run_with_zero_governance_statements(
    harnessed: Harnessed,
):
    append_seed_lines(harnessed.project, "grants", "CATALOG,production,data-sceintists,BROWSE,,x")
    run = harnessed.dbt("build")
    assert not run.dbt_success
    assert "value 'data-sceintists': is not a declared group" in run.logs
    assert governance(run) == []
    assert harnessed.workspace.find("CATALOG", "production") is None


@pytest.mark.parametrize("direct_spelling", [None, "NONE"])
def test_inherited_rows_are_not_revoked_on_children(tmp_path, direct_spelling):
    harnessed = Harnessed(tmp_path, options=WorkspaceOptions(inherited_from_direct=direct_spelling))
    harnessed.dbt("build").assert_ok()
    harnessed.pipelines_build_tables()
    # an undeclared catalog-wide SELECT shows on every schema and table below it as inherited
    harnessed.workspace.grant("CATALOG", "production", "europe-team", "SELECT")
    run = harnessed.dbt("build").assert_ok()
    assert governance(run) == [
        *VIEW_STATEMENTS,
        "REVOKE SELECT ON CATALOG `production` FROM `europe-team`",
        *AFTER_TABLES[len(VIEW_STATEMENTS) :],
    ]


def test_every_clause_and_hostile_names_reach_databricks_quoted(harnessed: Harnessed):
    hostile = "evil`; DROP CATALOG production; --"
    harnessed.workspace.add_group(hostile)
    append_seed_lines(harnessed.project, "groups", f"{hostile},x,x,")
    append_seed_lines(
        harnessed.project,
        "securables",
        'CATALOG,sandbox,,"it\'s a \\ sandbox",s3://sandbox-bucket/managed',
        "SCHEMA,sandbox.scratch,,scratch,abfss://c@account.dfs.core.windows.net/scratch",
    )
    append_seed_lines(
        harnessed.project,
        "grants",
        f"CATALOG,sandbox,{hostile},BROWSE,false,x",
        f"CATALOG,sandbox,{hostile},USE CATALOG,false,x",
        "SCHEMA,sandbox.scratch,data-engineers,MANAGE,false,x",
        "SCHEMA,sandbox.scratch,data-engineers,EXTERNAL USE SCHEMA,false,x",
    )
    run = harnessed.dbt("build").assert_ok()
    sandbox = [s for s in governance(run) if "sandbox" in s]
    assert sandbox == [
        "CREATE CATALOG IF NOT EXISTS `sandbox` MANAGED LOCATION 's3://sandbox-bucket/managed' "
        "COMMENT 'it\\'s a \\\\ sandbox'",
        "CREATE SCHEMA IF NOT EXISTS `sandbox`.`scratch` COMMENT 'scratch' "
        "MANAGED LOCATION 'abfss://c@account.dfs.core.windows.net/scratch'",
        "GRANT BROWSE, USE CATALOG ON CATALOG `sandbox` TO `evil``; DROP CATALOG production; --`",
        "GRANT EXTERNAL USE SCHEMA, MANAGE ON SCHEMA `sandbox`.`scratch` TO `data-engineers`",
    ]
    assert harnessed.grants("CATALOG", "sandbox") == {(hostile, "BROWSE"), (hostile, "USE CATALOG")}
    assert harnessed.workspace.get("CATALOG", "sandbox").comment == "it's a \\ sandbox"
    assert harnessed.workspace.find("CATALOG", "production") is not None  # not dropped


def test_a_failing_statement_stops_apply_and_says_which(harnessed: Harnessed):
    # declared in the seeds but never provisioned in the account (SCIM has not pushed it)
    append_seed_lines(harnessed.project, "groups", "auditors,x,x,")
    append_seed_lines(harnessed.project, "grants", "CATALOG,production,auditors,BROWSE,false,x")
    run = harnessed.dbt("build")
    assert not run.dbt_success
    sent = governance(run)
    failing = "GRANT BROWSE ON CATALOG `production` TO `auditors`"
    # principals in name order: the failing grant comes right after apac-team's
    before = FIRST_APPLY.index("GRANT USE CATALOG ON CATALOG `production` TO `apac-team`") + 1
    assert sent == [*FIRST_APPLY[:before], failing]
    assert f"uc_governance apply ({before + 1}/{len(FIRST_APPLY) + 1}): {failing}" in run.logs
    assert "PRINCIPAL_DOES_NOT_EXIST" in run.logs
    # what did land stays; the next run picks up where this one stopped
    harnessed.workspace.add_group("auditors")
    rerun = harnessed.dbt("build").assert_ok()
    assert governance(rerun)[0] == failing
    assert governance(rerun)[1:] == FIRST_APPLY[len(sent) - 1 :]


def test_revoking_undeclared_all_privileges_keeps_declared_ones_and_counts_them(
    harnessed: Harnessed,
):
    harnessed.dbt("build").assert_ok()
    ws = harnessed.workspace
    # data-engineers hold 4 declared privileges on production.etl; ALL PRIVILEGES is undeclared
    ws.grant("SCHEMA", "production.etl", "data-engineers", "ALL PRIVILEGES")
    # security-team holds nothing declared there: ALL PRIVILEGES and SELECT, one revoke
    ws.grant("SCHEMA", "production.analytics", "security-team", ["ALL PRIVILEGES", "SELECT"])

    # REVOKE ALL PRIVILEGES removes 5 grants from data-engineers and 2 from security-team: 7 > 6
    stopped = harnessed.dbt("build", "--vars", "{uc_governance_max_revokes: 6}")
    assert not stopped.dbt_success
    assert governance(stopped) == []
    assert "refusing to apply: the plan revokes 7 privilege(s) in 2 statement(s)" in stopped.logs

    run = harnessed.dbt("build", "--vars", "{uc_governance_max_revokes: 7}").assert_ok()
    assert governance(run) == [
        "REVOKE ALL PRIVILEGES ON SCHEMA `production`.`analytics` FROM `security-team`",
        "REVOKE ALL PRIVILEGES ON SCHEMA `production`.`etl` FROM `data-engineers`",
        "GRANT CREATE TABLE, MODIFY, SELECT, USE SCHEMA ON SCHEMA `production`.`etl` "
        "TO `data-engineers`",
    ]
    etl = harnessed.grants("SCHEMA", "production.etl")
    assert {p for g, p in etl if g == "data-engineers"} == {
        "CREATE TABLE",
        "MODIFY",
        "SELECT",
        "USE SCHEMA",
    }
    assert not {g for g, _ in harnessed.grants("SCHEMA", "production.analytics")} & {
        "security-team"
    }
    assert governance(harnessed.dbt("build").assert_ok()) == []


def test_a_declared_table_that_is_live_a_view_stops_the_run_before_any_statement(
    harnessed: Harnessed,
):
    harnessed.dbt("build").assert_ok()
    ws = harnessed.workspace
    # the seeds declare production.analytics.sales_summary a TABLE; the pipeline built a view
    ws.add_table(("production", "analytics", "customer_segments"), owner=RUNNER)
    ws.add_view("production.analytics.sales_summary", "SELECT 1 AS id", owner=RUNNER)

    run = harnessed.dbt("build")
    assert not run.dbt_success
    assert governance(run) == []
    assert (
        "declared TABLE but production.analytics.sales_summary is live a VIEW (table_type VIEW)"
        in run.logs
    )


def test_volume_and_function_grants_and_owners(harnessed: Harnessed):
    harnessed.dbt("build").assert_ok()
    ws = harnessed.workspace
    ws.add_volume(("production", "etl", "landing"), owner=RUNNER)
    ws.add_function(("production", "etl", "clean_email"), owner=RUNNER)
    ws.grant("VOLUME", ("production", "etl", "landing"), "data-scientists", "READ VOLUME")
    append_seed_lines(
        harnessed.project,
        "securables",
        "VOLUME,production.etl.landing,data-engineers,Files the pipeline lands,",
        "FUNCTION,production.etl.clean_email,,Normalizes emails,",
    )
    append_seed_lines(
        harnessed.project,
        "grants",
        "VOLUME,production.etl.landing,data-engineers,READ VOLUME,false,Lands files",
        "VOLUME,production.etl.landing,data-engineers,WRITE VOLUME,false,Lands files",
        f"FUNCTION,production.etl.clean_email,{SP},EXECUTE,false,Calls it",
    )
    run = harnessed.dbt("build").assert_ok()
    # one read per privilege view per catalog: volume and routine privileges in the same pass
    reads = " ".join(s.sql.lower() for s in run.reads)
    assert "`production`.`information_schema`.`volume_privileges`" in reads
    assert "`production`.`information_schema`.`routine_privileges`" in reads
    assert governance(run) == [
        "REVOKE READ VOLUME ON VOLUME `production`.`etl`.`landing` FROM `data-scientists`",
        f"GRANT EXECUTE ON FUNCTION `production`.`etl`.`clean_email` TO `{SP}`",
        "GRANT READ VOLUME, WRITE VOLUME ON VOLUME `production`.`etl`.`landing` "
        "TO `data-engineers`",
        "ALTER VOLUME `production`.`etl`.`landing` OWNER TO `data-engineers`",
    ]
    assert ws.get("VOLUME", ("production", "etl", "landing")).owner == "data-engineers"
    assert governance(harnessed.dbt("build").assert_ok()) == []
