"""The shipped demo organisation builds on DuckDB and plans exactly the guide's grants."""

from __future__ import annotations

from tests.support.demo_plan import EXPECTED_STATEMENTS


def test_demo_plan_is_the_guides_grants_in_apply_order(built_demo):
    project, _ = built_demo
    rows = project.query(
        "select statement from uc_governance.governance_plan "
        "where statement is not null order by plan_order"
    )
    assert [row[0] for row in rows] == EXPECTED_STATEMENTS


def test_demo_plan_revokes_nothing_and_explains_nothing_on_an_empty_state(built_demo):
    project, _ = built_demo
    actions = project.query(
        "select action, count(*) from uc_governance.governance_plan group by action order by 1"
    )
    assert dict(actions) == {"create_catalog": 1, "create_schema": 4, "grant": 28, "set_owner": 5}


def test_local_target_says_grants_are_not_enforced_and_sends_nothing(built_demo):
    project, run = built_demo
    assert any("cannot enforce Unity Catalog grants" in line for line in run.logs)
    assert any(
        "uc_governance plan: 38 statement(s) (1 create_catalog, 4 create_schema, 28 grant, "
        "5 set_owner)" in line
        for line in run.logs
    )
    statuses = project.query(
        "select status, count(*) from uc_governance.governance_apply_log group by status"
    )
    assert statuses == [("not_enforced", 38)]


def test_live_grant_tests_are_disabled_on_local(built_demo):
    _, run = built_demo
    names = {item.node.name for item in run.result.result.results}
    assert not any("live_grants_match_policy" in name for name in names)
    assert "assert_plan_spares_owners_and_protected_principals" in names
    assert not any(name.startswith("uc_governance_principal_") for name in names)
    assert "governance_apply_log" in names


def test_plan_review_analysis_writes_every_statement_to_a_file(built_demo):
    project, _ = built_demo
    run = project.dbt("compile", "--select", "governance_plan_review")
    assert run.success, run.text
    review = (
        project.root / "target/compiled/uc_governance/analyses/governance_plan_review.sql"
    ).read_text()
    for statement in EXPECTED_STATEMENTS:
        assert statement + ";" in review
    assert "computed against an empty privilege state" in review


def test_summary_operation_reports_policy_and_plan(built_demo):
    project, _ = built_demo
    run = project.dbt("run-operation", "print_governance_summary")
    assert run.success, run.text
    assert "grants: 35" in run.text
    assert "grant: 28 row(s), 35 privilege(s)" in run.text
    assert "NOT ENFORCED: target local" in run.text
