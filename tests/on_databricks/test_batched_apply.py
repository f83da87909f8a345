"""Batched apply (uc_governance_apply_batch_size, SQL scripts) through the real dbt-databricks
adapter and the harness, which runs each script statement by statement like Databricks
(tests/harness/scripting.py, docs/decisions/0040)."""

from __future__ import annotations

from tests.harness import GOVERNANCE_KINDS, run_dbt
from tests.harness.runner import HARNESS_HTTP_PATH, write_profiles
from tests.support.demo_plan import FIRST_APPLY
from tests.support.harnessed import Harnessed
from tests.support.project import PROJECT_SCHEMA, append_seed_lines


def governance(run) -> list[str]:
    """The governance statements a run sent (inside scripts or not), in order."""
    return run.texts(*GOVERNANCE_KINDS)


def scripts(run) -> list:
    return run.statements_of("script")


def test_batches_of_three_keep_plan_order_stop_at_the_failure_and_resume(harnessed: Harnessed):
    # declared in the seeds but never provisioned in the account (SCIM has not pushed it)
    append_seed_lines(harnessed.project, "groups", "auditors,x,x,")
    append_seed_lines(harnessed.project, "grants", "CATALOG,production,auditors,BROWSE,false,x")
    batch = "{uc_governance_apply_batch_size: 3}"
    run = harnessed.dbt("build", "--vars", batch)
    assert not run.dbt_success
    failing = "GRANT BROWSE ON CATALOG `production` TO `auditors`"
    # plan order: creates, then grants by securable and principal: `auditors` sorts after
    # `apac-team` and before `compliance-team` on the catalog
    before = FIRST_APPLY.index("GRANT USE CATALOG ON CATALOG `production` TO `compliance-team`")
    assert FIRST_APPLY[before - 1] == "GRANT USE CATALOG ON CATALOG `production` TO `apac-team`"
    assert governance(run) == [*FIRST_APPLY[:before], failing]
    total = len(FIRST_APPLY) + 1
    position = before + 1  # 1-based position of the failing statement
    # whole scripts of 3 until the one holding the failing statement, which stopped there
    sent = scripts(run)
    assert len(sent) == (position + 2) // 3
    assert [s.error is None for s in sent] == [True] * (len(sent) - 1) + [False]
    assert all(s.in_script for s in run.statements if s.kind in GOVERNANCE_KINDS)
    # the error names the statement, its position and the cause
    assert f"statement {position} of {total} ({failing}) failed; nothing after it was sent" in (
        run.logs
    )
    assert "USER_RAISED_EXCEPTION" in run.logs and "PRINCIPAL_DOES_NOT_EXIST" in run.logs
    assert f"uc_governance apply ({position}/{total}): {failing}" in run.logs
    # what landed stays; the next run resumes at the failed statement
    harnessed.workspace.add_group("auditors")
    rerun = harnessed.dbt("build", "--vars", batch).assert_ok()
    assert governance(rerun) == [failing, *FIRST_APPLY[before:]]
    remaining = total - before
    assert len(scripts(rerun)) == (remaining + 2) // 3  # 3 statements a script
    assert harnessed.workspace.get("CATALOG", "production").owner == "data-admins"


def test_batch_size_one_sends_one_statement_per_round_trip(harnessed: Harnessed):
    run = harnessed.dbt("build", "--vars", "{uc_governance_apply_batch_size: 1}").assert_ok()
    assert governance(run) == FIRST_APPLY
    assert scripts(run) == []
    assert not any(s.in_script for s in run.statements)


def test_auto_sends_the_whole_demo_plan_as_one_script_on_a_sql_warehouse(harnessed: Harnessed):
    run = harnessed.dbt("build").assert_ok()
    assert governance(run) == FIRST_APPLY
    (script,) = scripts(run)
    assert script.error is None
    assert script.normalized.startswith("BEGIN DECLARE uc_governance_statement STRING DEFAULT ''")
    # a no-op re-run sends no script at all
    again = harnessed.dbt("build").assert_ok()
    assert scripts(again) == [] and governance(again) == []


def test_a_cluster_older_than_16_3_is_refused_a_batch_before_anything_is_sent(tmp_path):
    harnessed = Harnessed(tmp_path, dbr_version="15.4.x-scala2.12")
    profiles = write_profiles(
        tmp_path / "profiles", "uc_governance", catalog="main", schema=PROJECT_SCHEMA
    )
    text = (profiles / "profiles.yml").read_text()
    (profiles / "profiles.yml").write_text(
        text.replace(HARNESS_HTTP_PATH, "/sql/protocolv1/o/0/0000-000000-cluster0")
    )
    run = run_dbt(
        ["build", "--vars", "{uc_governance_apply_batch_size: 50}"],
        workspace=harnessed.workspace,
        project_dir=harnessed.project,
        profiles_dir=profiles,
        work_dir=tmp_path / "run",
    )
    assert not run.dbt_success
    assert "need a Databricks SQL warehouse or Databricks Runtime 16.3" in run.logs
    assert governance(run) == [] and scripts(run) == []
