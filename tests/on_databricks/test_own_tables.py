"""The project's own tables on Databricks (docs/decisions/0041): a row filter or column mask
someone put on them is removed before anything reads them (Databricks keeps both when a table
is replaced), and apply refuses a plan whose steps do not have a unique position and key."""

from __future__ import annotations

from tests.harness import GOVERNANCE_KINDS
from tests.support.harnessed import Harnessed

WORKING = "main.uc_governance"


def _policy_function(harnessed: Harnessed, name: str, returns: str, body: str) -> str:
    full = f"{WORKING}.{name}"
    harnessed.workspace.query(f"CREATE FUNCTION {full}(p STRING) RETURNS {returns} RETURN {body}")
    return full


def test_a_row_filter_on_the_grants_seed_is_removed_before_the_plan_reads_it(
    harnessed: Harnessed,
):
    harnessed.dbt("build").assert_ok()
    # every declared grant row hidden: read through the filter, the plan would revoke them all
    hide = _policy_function(harnessed, "hide_rows", "BOOLEAN", "false")
    harnessed.workspace.query(f"ALTER TABLE {WORKING}.grants SET ROW FILTER {hide} ON (principal)")
    assert harnessed.workspace.get("TABLE", f"{WORKING}.grants").row_filter is not None

    run = harnessed.dbt("build").assert_ok()

    assert "is written by this project, yet it had a row filter" in run.logs
    assert harnessed.workspace.get("TABLE", f"{WORKING}.grants").row_filter is None
    # the filter's removal is the only change: the policy was read whole, nothing revoked
    assert run.texts(*GOVERNANCE_KINDS) == [
        "alter table `main`.`uc_governance`.`grants` drop row filter"
    ]
    assert ("data-analysts", "USE CATALOG") in harnessed.grants("CATALOG", "production")


def test_a_column_mask_on_the_plan_is_removed_at_run_start(harnessed: Harnessed):
    harnessed.dbt("build").assert_ok()
    blank = _policy_function(harnessed, "blank", "STRING", "cast(null as string)")
    harnessed.workspace.query(
        f"ALTER TABLE {WORKING}.governance_plan ALTER COLUMN statement SET MASK {blank}"
    )
    harnessed.workspace.revoke("CATALOG", ("production",), "data-analysts", "USE CATALOG")

    run = harnessed.dbt("build").assert_ok()

    assert harnessed.workspace.get("TABLE", f"{WORKING}.governance_plan").column_masks == {}
    # the mask removed first, then the plan's statements read in clear: the missing grant is
    # sent again
    assert run.texts(*GOVERNANCE_KINDS) == [
        "alter table `main`.`uc_governance`.`governance_plan` alter column `statement` drop mask",
        "GRANT USE CATALOG ON CATALOG `production` TO `data-analysts`",
    ]


def test_apply_refuses_a_plan_whose_steps_share_a_key(harnessed: Harnessed):
    harnessed.dbt(
        "build", "--exclude", "resource_type:test", "--vars", "{uc_governance_apply: false}"
    ).assert_ok()
    # the same step twice: apply would send it twice, in no defined order
    harnessed.workspace.query(
        f"INSERT INTO {WORKING}.governance_plan SELECT * FROM {WORKING}.governance_plan "
        "WHERE action = 'create_catalog' AND securable_name = 'production'"
    )

    run = harnessed.dbt("run", "--select", "governance_apply_log")

    assert not run.dbt_success
    assert "refusing to apply: 2 plan step(s) without a unique position and key" in run.logs
    assert "plan_key 'create_catalog | CATALOG production' (2 row(s))" in run.logs
    assert "Nothing was sent" in run.logs
    assert run.texts(*GOVERNANCE_KINDS) == []
    assert harnessed.workspace.find("CATALOG", "production") is None
