"""Native protection cleanup and replacement through the offline harness (docs/decisions/0050):

- a mask or row filter set out of band with another function is dropped first (destructive,
  counted by the blast-radius guard) and then set again, because setting over an existing one
  is not relied on (the SQL reference is silent; the harness refuses it by default);
- switching a table from native back to its dynamic view drops its masks and tags and then the
  functions uc_governance made that nothing needs any more; functions someone else made in the
  governance schema, look-alikes without the definition fingerprint, and uc_governance
  functions still used by a table the policy does not list are kept.

One workspace for the module, changed step by step (each fixture builds on the one before)."""

from __future__ import annotations

import pytest

from tests.harness import DatabricksSqlError, Warehouse, Workspace, WorkspaceOptions
from tests.support.harnessed import RUNNER
from tests.support.native import (
    mask_function_name,
    native_harnessed,
    protection_statements,
    switch_to_view,
)
from tests.support.protection import CUSTOMER_COLUMNS

SCHEMA = "`production`.`security`"
CUSTOMERS = "`production`.`sensitive_data`.`customers`"
SALES = "`production`.`analytics`.`sales`"
EMAIL = mask_function_name("partial_email", "string", "pii-authorized")
PHONE = mask_function_name("last4_phone", "string", "pii-authorized")
SSN = mask_function_name("last4_ssn", "string", "compliance-team")
FILTER = "row_filter__production__analytics__sales"
# Functions in the governance schema that uc_governance did not make (or no longer uses).
THEIR_MASK = "their_mask"  # the security team's, set by hand on customers.email
THEIR_FILTER = "their_filter"  # the security team's, set by hand on sales
LOOKALIKE = "lookalike"  # comment starts like ours, no definition fingerprint
ORPHAN = "mask_redact_string_0badf00d"  # ours (fingerprinted), used by nothing
ELSEWHERE = "mask_redact_string_5ca1ab1e"  # ours, still the mask of a table the seeds omit
FINGERPRINTED = (
    "uc_governance mask redact of a string column; in clear for: nobody "
    "[definition 0123456789abcdef0123456789abcdef]"
)
NO_REVOKES = ("--vars", "{uc_governance_max_revokes: 0}")


def functions(harnessed) -> set[str]:
    """Names of the functions in production.security."""
    return {
        row["routine_name"]
        for row in harnessed.workspace.query(
            "SELECT routine_name FROM production.information_schema.routines "
            "WHERE routine_schema = 'security'"
        )
    }


def customers(harnessed):
    return harnessed.workspace.get("TABLE", "production.sensitive_data.customers")


def sales(harnessed):
    return harnessed.workspace.get("TABLE", "production.analytics.sales")


@pytest.fixture(scope="module")
def harnessed(tmp_path_factory):
    harnessed = native_harnessed(tmp_path_factory.mktemp("native-cleanup"))
    harnessed.dbt("build").assert_ok()
    return harnessed


@pytest.fixture(scope="module")
def replaced_out_of_band(harnessed):
    """The security team sets its own mask on customers.email and its own row filter on sales;
    the next build refused by the guard, then the one applied."""
    workspace = harnessed.workspace
    for name in (THEIR_MASK, THEIR_FILTER):
        workspace.add_function(("production", "security", name), owner=RUNNER, comment="by hand")
    with workspace.state.lock:
        customers(harnessed).column_masks["email"] = (f"production.security.{THEIR_MASK}", ())
        sales(harnessed).row_filter = (f"production.security.{THEIR_FILTER}", ("region",))
        workspace.state.touch()
    refused = harnessed.dbt("build", *NO_REVOKES)
    applied = harnessed.dbt("build")
    applied.assert_ok()
    return refused, applied


def test_setting_over_an_existing_mask_or_filter_is_refused_by_the_harness() -> None:
    """The stricter reading (WorkspaceOptions.policy_set_replaces False): SET over an existing
    mask or filter fails and changes nothing; with the option on, it replaces."""
    for replaces in (False, True):
        workspace = Workspace(RUNNER, options=WorkspaceOptions(policy_set_replaces=replaces))
        workspace.add_catalog("sales", owner=RUNNER)
        workspace.add_schema("sales.raw", owner=RUNNER)
        workspace.add_table("sales.raw.orders", {"id": "bigint", "region": "string"})
        for name in ("m1", "m2", "f1", "f2"):
            workspace.add_function(("sales", "raw", name), owner=RUNNER)
        warehouse = Warehouse(workspace)
        table = "sales.raw.orders"
        warehouse.execute(f"ALTER TABLE {table} ALTER COLUMN region SET MASK sales.raw.m1")
        warehouse.execute(f"ALTER TABLE {table} SET ROW FILTER sales.raw.f1 ON (region)")
        second_mask = f"ALTER TABLE {table} ALTER COLUMN region SET MASK sales.raw.m2"
        second_filter = f"ALTER TABLE {table} SET ROW FILTER sales.raw.f2 ON (id)"
        orders = workspace.get("TABLE", table)
        if replaces:
            warehouse.execute(second_mask)
            warehouse.execute(second_filter)
            assert orders.column_masks == {"region": ("sales.raw.m2", ())}
            assert orders.row_filter == ("sales.raw.f2", ("id",))
            continue
        with pytest.raises(DatabricksSqlError, match=r"\[COLUMN_MASK_ALREADY_EXISTS\].*DROP MASK"):
            warehouse.execute(second_mask)
        with pytest.raises(DatabricksSqlError, match=r"\[ROW_FILTER_ALREADY_EXISTS\].*DROP ROW"):
            warehouse.execute(second_filter)
        assert orders.column_masks == {"region": ("sales.raw.m1", ())}
        assert orders.row_filter == ("sales.raw.f1", ("region",))
        warehouse.execute(f"ALTER TABLE {table} ALTER COLUMN region DROP MASK")
        warehouse.execute(second_mask)
        assert orders.column_masks == {"region": ("sales.raw.m2", ())}


def test_a_replaced_mask_and_filter_are_dropped_first_and_counted(harnessed, replaced_out_of_band):
    refused, applied = replaced_out_of_band
    drop_filter = f"ALTER TABLE {SALES} DROP ROW FILTER"
    drop_mask = f"ALTER TABLE {CUSTOMERS} ALTER COLUMN `email` DROP MASK"
    assert not refused.dbt_success
    assert "refusing to apply" in refused.logs
    assert f"removes: {drop_filter}" in refused.logs
    assert f"removes: {drop_mask}" in refused.logs
    assert refused.governance_statements() == []
    # step 50 drops (by securable name), then step 60 sets
    assert protection_statements(applied) == [
        drop_filter,
        drop_mask,
        f"ALTER TABLE {SALES} SET ROW FILTER {SCHEMA}.`{FILTER}` ON (`region`)",
        f"ALTER TABLE {CUSTOMERS} ALTER COLUMN `email` SET MASK {SCHEMA}.`{EMAIL}`",
    ]
    assert customers(harnessed).column_masks["email"] == (f"production.security.{EMAIL}", ())
    assert sales(harnessed).row_filter == (f"production.security.{FILTER}", ("region",))
    # the security team's functions are not uc_governance's: never dropped
    assert {THEIR_MASK, THEIR_FILTER} <= functions(harnessed)


@pytest.fixture(scope="module")
def switched_to_view(harnessed, replaced_out_of_band):
    """Look-alike, orphaned and elsewhere-used functions appear; customers goes back to its
    dynamic view. The next build refused by the guard, then the one applied, then a re-run."""
    workspace = harnessed.workspace
    workspace.add_function(
        ("production", "security", LOOKALIKE), owner=RUNNER, comment="uc_governance lookalike"
    )
    for name in (ORPHAN, ELSEWHERE):
        workspace.add_function(
            ("production", "security", name), owner=RUNNER, comment=FINGERPRINTED
        )
    # a table the protection seeds do not list, masked with one of our old functions
    other = workspace.add_table(
        ("production", "analytics", "legacy_contacts"), {"email": "string"}, owner=RUNNER
    )
    with workspace.state.lock:
        other.column_masks["email"] = (f"production.security.{ELSEWHERE}", ())
        workspace.state.touch()
    switch_to_view(harnessed.project, ("production.sensitive_data.customers",))
    refused = harnessed.dbt("build", *NO_REVOKES)
    kept_after_refusal = functions(harnessed)
    # 14 destructive statements (below) are more than the default guard limit of 10
    applied = harnessed.dbt("build", "--vars", "{uc_governance_allow_mass_revoke: true}")
    applied.assert_ok()
    rerun = harnessed.dbt("build")
    rerun.assert_ok()
    return refused, kept_after_refusal, applied, rerun


def drop_function(name: str) -> str:
    return f"DROP FUNCTION IF EXISTS {SCHEMA}.`{name}`"


def test_switching_back_to_the_view_drops_masks_then_unused_functions(harnessed, switched_to_view):
    refused, kept_after_refusal, applied, rerun = switched_to_view
    drops = [drop_function(name) for name in sorted((EMAIL, PHONE, SSN, ORPHAN))]
    mask_drops = [
        f"ALTER TABLE {CUSTOMERS} ALTER COLUMN `{column}` DROP MASK"
        for column in ("email", "phone", "ssn")
    ]
    assert not refused.dbt_success
    # 3 masks dropped, 7 tags unset, 4 functions dropped: each counted by the guard
    assert "in 14 statement(s)" in refused.logs
    for statement in (*mask_drops, *drops):
        assert f"removes: {statement}" in refused.logs
    assert refused.governance_statements() == []
    assert {EMAIL, PHONE, SSN, ORPHAN} <= kept_after_refusal

    sent = protection_statements(applied)
    assert [s for s in sent if s.startswith("DROP FUNCTION")] == drops
    assert [s for s in sent if s.endswith("DROP MASK")] == mask_drops
    assert max(sent.index(s) for s in mask_drops) < min(sent.index(s) for s in drops)
    assert [s for s in sent if "UNSET TAGS" in s] == [
        f"ALTER TABLE {CUSTOMERS} ALTER COLUMN `{column}` UNSET TAGS ('classification')"
        for column in CUSTOMER_COLUMNS
    ]
    assert customers(harnessed).column_masks == {}
    assert functions(harnessed) == {FILTER, THEIR_MASK, THEIR_FILTER, LOOKALIKE, ELSEWHERE}
    assert rerun.governance_statements() == []
