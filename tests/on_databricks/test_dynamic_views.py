"""Dynamic views as plan actions on Databricks (docs/decisions/0051), through the offline
harness and the real dbt-databricks adapter: once the pipelines have built the protected
tables, one apply creates the views (step 20) and then grants on them (step 40); a re-run sends
nothing; a view replaced out of band is repaired; a policy change that exposes more is a
destructive `replace_view` row that the blast-radius guard lists and stops over the limit, one
that exposes less is not; a malformed protection seed replaces nothing.

One workspace for the module, changed step by step (each fixture builds on the one before)."""

from __future__ import annotations

import pytest

from tests.harness import GOVERNANCE_KINDS
from tests.support.demo_plan import (
    AFTER_TABLES,
    CUSTOMERS_EXPOSURE,
    CUSTOMERS_VIEW_SELECT,
    FIRST_APPLY,
    VIEW_STATEMENTS,
    create_view,
    member,
)
from tests.support.harnessed import Harnessed
from tests.support.project import append_seed_lines, read_seed, write_seed

CUSTOMERS_VIEW = "production.analytics.customers_masked_v"
CUSTOMERS = "production.sensitive_data.customers"


def governance(run) -> list[str]:
    return run.texts(*GOVERNANCE_KINDS)


def view_comment(harnessed: Harnessed) -> str | None:
    return harnessed.workspace.get("VIEW", CUSTOMERS_VIEW).comment


def replace_rows(harnessed: Harnessed) -> list[tuple]:
    """The replace_view rows of the last plan: view, destructive_count, reason."""
    rows = harnessed.workspace.query(
        "select securable_name, destructive_count, reason from main.uc_governance.governance_plan "
        "where action = 'replace_view' order by securable_name"
    )
    return [(r["securable_name"], r["destructive_count"], r["reason"]) for r in rows]


# data-analysts cleared for pii too: email and phone in clear for them (written by hand).
WIDER_SELECT = CUSTOMERS_VIEW_SELECT.replace(
    f"case when {member('pii-authorized')} then",
    f"case when {member('data-analysts')} or {member('pii-authorized')} then",
)
WIDER_EXPOSURE = CUSTOMERS_EXPOSURE.replace(
    "email=pii-authorized", "email=data-analysts;email=pii-authorized"
).replace("phone=pii-authorized", "phone=data-analysts;phone=pii-authorized")
WIDER_VIEW = create_view(CUSTOMERS_VIEW, CUSTOMERS, WIDER_EXPOSURE, WIDER_SELECT)


@pytest.fixture(scope="module")
def harnessed(tmp_path_factory):
    return Harnessed(tmp_path_factory.mktemp("views"))


@pytest.fixture(scope="module")
def first_apply(harnessed):
    return harnessed.dbt("build").assert_ok()


@pytest.fixture(scope="module")
def tables_built(harnessed, first_apply):
    harnessed.pipelines_build_tables()
    return harnessed.dbt("build").assert_ok()


@pytest.fixture(scope="module")
def rerun(harnessed, tables_built):
    return harnessed.dbt("build").assert_ok()


@pytest.fixture(scope="module")
def repaired(harnessed, rerun):
    """Out of band: someone replaces the masked view with one over the whole table."""
    harnessed.workspace.query(
        "CREATE OR REPLACE VIEW `production`.`analytics`.`customers_masked_v` AS "
        "SELECT * FROM `production`.`sensitive_data`.`customers`"
    )
    return harnessed.dbt("build").assert_ok()


def test_views_wait_for_their_base_tables_then_come_before_their_grants(
    harnessed, first_apply, tables_built
):
    assert governance(first_apply) == FIRST_APPLY
    assert governance(tables_built) == AFTER_TABLES
    assert view_comment(harnessed) == VIEW_STATEMENTS[0].split(" COMMENT '")[1].split("' AS ")[0]


def test_a_no_op_rerun_sends_no_view_statement_and_reads_views_once_per_catalog(rerun):
    assert governance(rerun) == []
    snapshot = [s.sql for s in rerun.writes if "`information_schema`.`column_masks`" in s.sql]
    assert len(snapshot) == 1, "the live protection state is one statement"
    assert snapshot[0].count("`production`.`information_schema`.`tables`") == 1


def test_a_view_replaced_out_of_band_is_repaired_and_counted(harnessed, repaired):
    assert governance(repaired) == [VIEW_STATEMENTS[0]]
    assert f"uc_governance plan removes: {VIEW_STATEMENTS[0]}" in repaired.logs
    assert replace_rows(harnessed) == [
        (
            CUSTOMERS_VIEW,
            1,
            f"dynamic view over {CUSTOMERS}; the live view carries no uc_governance exposure: "
            "counted as exposing more",
        )
    ]
    assert "[exposes *rows;customer_id;" in view_comment(harnessed)


def test_a_policy_that_exposes_more_is_guarded_and_one_that_exposes_less_is_not(
    harnessed, repaired
):
    original = read_seed(harnessed.project, "clearances")
    append_seed_lines(harnessed.project, "clearances", "data-analysts,pii,,,wider")
    refused = harnessed.dbt("build", "--vars", "{uc_governance_max_revokes: 0}")
    assert not refused.dbt_success
    assert "refusing to apply" in refused.logs
    assert f"uc_governance plan removes: {WIDER_VIEW}" in refused.logs
    assert governance(refused) == []
    assert replace_rows(harnessed) == [
        (
            CUSTOMERS_VIEW,
            1,
            f"dynamic view over {CUSTOMERS}; newly exposes: email=data-analysts, "
            "phone=data-analysts",
        )
    ]
    assert "data-analysts" not in view_comment(harnessed)

    assert governance(harnessed.dbt("build").assert_ok()) == [WIDER_VIEW]
    assert "email=data-analysts" in view_comment(harnessed)

    write_seed(harnessed.project, "clearances", original)
    narrower = harnessed.dbt("build", "--vars", "{uc_governance_max_revokes: 0}").assert_ok()
    assert governance(narrower) == [VIEW_STATEMENTS[0]]
    assert replace_rows(harnessed) == [
        (
            CUSTOMERS_VIEW,
            0,
            f"dynamic view over {CUSTOMERS}; its live definition differs, exposing nothing new",
        )
    ]


@pytest.mark.parametrize(
    ("seed", "column", "value", "message"),
    [
        ("column_classifications", "mask_rule", "bogus", "bogus"),
        ("clearances", "group_name", "data-analysts-typo", "data-analysts-typo"),
    ],
)
def test_a_malformed_protection_seed_replaces_nothing(
    harnessed, repaired, seed, column, value, message
):
    before = view_comment(harnessed)

    def corrupt(rows):
        target = next(r for r in rows if r.get("column_name") in ("email", ""))
        target[column] = value

    run = harnessed.dbt_with_seed_edit(seed, corrupt, "build")
    assert not run.dbt_success
    assert seed in run.logs and message in run.logs
    assert governance(run) == []
    assert view_comment(harnessed) == before
