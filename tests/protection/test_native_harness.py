"""Native Unity Catalog protection (enforcement 'native', docs/decisions/0050) through the
offline harness and the real dbt-databricks adapter: the first apply sends exactly the
statements written below by hand from the guide's §5.2 policy, a re-run sends nothing, masks
and tags changed out of band are repaired, a removed mask (and its function, now unused) is
listed and counted by the blast-radius guard, and a malformed protection seed changes nothing.

One workspace for the module, changed step by step (each fixture builds on the one before)."""

from __future__ import annotations

import pytest

from tests.support.native import mask_function_name as mask_name
from tests.support.native import md5, native_harnessed, protection_statements
from tests.support.project import read_seed, write_seed

SCHEMA = "`production`.`security`"
CUSTOMERS = "`production`.`sensitive_data`.`customers`"
SALES = "`production`.`analytics`.`sales`"


def create(name: str, parameters: str, returns: str, what: str, body: str) -> str:
    """CREATE OR REPLACE FUNCTION with the fingerprinted comment of decision 0050."""
    fingerprint = md5(f"{parameters} RETURNS {returns} RETURN {body}")
    return (
        f"CREATE OR REPLACE FUNCTION {SCHEMA}.`{name}`({parameters}) RETURNS {returns} "
        f"COMMENT 'uc_governance {what} [definition {fingerprint}]' RETURN {body}"
    )


def member(group: str) -> str:
    return f"is_account_group_member('{group}')"


# The guide's §5.2 masks (email: first 3 characters + ***@ + domain; phone and SSN: last 4),
# in clear for pii-authorized (email, phone) and compliance-team (ssn), NULL and '' kept.
EMAIL = mask_name("partial_email", "string", "pii-authorized")
PHONE = mask_name("last4_phone", "string", "pii-authorized")
SSN = mask_name("last4_ssn", "string", "compliance-team")
FILTER = "row_filter__production__analytics__sales"
EMPTY = "case when column_value is null or column_value = '' then column_value"
EMAIL_BODY = (
    f"case when {member('pii-authorized')} then column_value else {EMPTY} else "
    "left(split_part(column_value, '@', 1), 3) || '***@' || split_part(column_value, '@', 2) "
    "end end"
)


def last4_body(group: str, prefix: str) -> str:
    return (
        f"case when {member(group)} then column_value else {EMPTY} when length(column_value) "
        f"<= 4 then '{prefix}****' else '{prefix}' || right(column_value, 4) end end"
    )


# Rows: NA, EU and APAC teams their region; data-admins and data-scientists every row; the
# rules OR-ed (a member of two regions sees both), sorted as text.
FILTER_BODY = " or ".join(
    [
        f"({member('apac-team')} and cast(filter_column_001 as string) = 'APAC')",
        f"({member('europe-team')} and cast(filter_column_001 as string) = 'EU')",
        f"({member('north-america-team')} and cast(filter_column_001 as string) = 'NA')",
        member("data-admins"),
        member("data-scientists"),
    ]
)

FIRST_APPLY = [
    create(
        PHONE,
        "column_value STRING",
        "STRING",
        "mask last4_phone of a string column; in clear for: pii-authorized",
        last4_body("pii-authorized", "***-***-"),
    ),
    create(
        SSN,
        "column_value STRING",
        "STRING",
        "mask last4_ssn of a string column; in clear for: compliance-team",
        last4_body("compliance-team", "***-**-"),
    ),
    create(
        EMAIL,
        "column_value STRING",
        "STRING",
        "mask partial_email of a string column; in clear for: pii-authorized",
        EMAIL_BODY,
    ),
    create(
        FILTER,
        "filter_column_001 STRING",
        "BOOLEAN",
        "row filter of production.analytics.sales",
        FILTER_BODY,
    ),
    f"GRANT EXECUTE ON FUNCTION {SCHEMA}.`{PHONE}` TO `pii-authorized`",
    f"GRANT EXECUTE ON FUNCTION {SCHEMA}.`{SSN}` TO `compliance-team`",
    f"GRANT EXECUTE ON FUNCTION {SCHEMA}.`{EMAIL}` TO `pii-authorized`",
    f"GRANT EXECUTE ON FUNCTION {SCHEMA}.`{FILTER}` TO `apac-team`",
    f"GRANT EXECUTE ON FUNCTION {SCHEMA}.`{FILTER}` TO `data-admins`",
    f"GRANT EXECUTE ON FUNCTION {SCHEMA}.`{FILTER}` TO `data-scientists`",
    f"GRANT EXECUTE ON FUNCTION {SCHEMA}.`{FILTER}` TO `europe-team`",
    f"GRANT EXECUTE ON FUNCTION {SCHEMA}.`{FILTER}` TO `north-america-team`",
    f"ALTER TABLE {SALES} SET ROW FILTER {SCHEMA}.`{FILTER}` ON (`region`)",
    f"ALTER TABLE {CUSTOMERS} ALTER COLUMN `customer_id` SET TAGS ('classification' = 'public')",
    f"ALTER TABLE {CUSTOMERS} ALTER COLUMN `customer_segment` SET TAGS "
    "('classification' = 'public')",
    f"ALTER TABLE {CUSTOMERS} ALTER COLUMN `email` SET MASK {SCHEMA}.`{EMAIL}`",
    f"ALTER TABLE {CUSTOMERS} ALTER COLUMN `email` SET TAGS ('classification' = 'pii')",
    f"ALTER TABLE {CUSTOMERS} ALTER COLUMN `phone` SET MASK {SCHEMA}.`{PHONE}`",
    f"ALTER TABLE {CUSTOMERS} ALTER COLUMN `phone` SET TAGS ('classification' = 'pii')",
    f"ALTER TABLE {CUSTOMERS} ALTER COLUMN `region` SET TAGS ('classification' = 'public')",
    f"ALTER TABLE {CUSTOMERS} ALTER COLUMN `signup_date` SET TAGS ('classification' = 'public')",
    f"ALTER TABLE {CUSTOMERS} ALTER COLUMN `ssn` SET MASK {SCHEMA}.`{SSN}`",
    f"ALTER TABLE {CUSTOMERS} ALTER COLUMN `ssn` SET TAGS ('classification' = 'sensitive')",
]


def live(harnessed) -> dict:
    """Masks, row filters and classification tags as Unity Catalog holds them."""
    customers = harnessed.workspace.get("TABLE", "production.sensitive_data.customers")
    sales = harnessed.workspace.get("TABLE", "production.analytics.sales")
    return {
        "masks": {c: m[0] for c, m in customers.column_masks.items()},
        "filter": sales.row_filter,
        "tags": {c: dict(t) for c, t in customers.column_tags.items()},
    }


def edit_seed(harnessed, name: str, edit) -> None:
    """Apply `edit(rows)` to seeds/policy/<name>.csv of the project copy."""
    rows = read_seed(harnessed.project, name)
    edit(rows)
    write_seed(harnessed.project, name, rows)


@pytest.fixture(scope="module")
def harnessed(tmp_path_factory):
    return native_harnessed(tmp_path_factory.mktemp("native"))


@pytest.fixture(scope="module")
def first_apply(harnessed):
    run = harnessed.dbt("build")
    run.assert_ok()
    return run


@pytest.fixture(scope="module")
def rerun(harnessed, first_apply):
    run = harnessed.dbt("build")
    run.assert_ok()
    return run


@pytest.fixture(scope="module")
def repaired(harnessed, rerun):
    """Out of band: someone drops the email mask and retags ssn as public."""
    customers = harnessed.workspace.get("TABLE", "production.sensitive_data.customers")
    with harnessed.workspace.state.lock:
        customers.column_masks.pop("email")
        customers.column_tags["ssn"]["classification"] = "public"
        harnessed.workspace.state.touch()
    run = harnessed.dbt("build")
    run.assert_ok()
    return run


def test_first_apply_sends_exactly_the_native_statements(harnessed, first_apply):
    assert protection_statements(first_apply) == FIRST_APPLY
    state = live(harnessed)
    assert state["masks"] == {
        "email": f"production.security.{EMAIL}",
        "phone": f"production.security.{PHONE}",
        "ssn": f"production.security.{SSN}",
    }
    assert state["filter"] == (f"production.security.{FILTER}", ("region",))
    assert state["tags"]["ssn"] == {"classification": "sensitive"}


def test_a_no_op_rerun_sends_no_write_and_reads_each_view_once(rerun):
    assert rerun.governance_statements() == []
    snapshot = [s.sql for s in rerun.writes if "`information_schema`.`column_masks`" in s.sql]
    assert len(snapshot) == 1, "the live protection state is one statement"
    for view in ("column_masks", "row_filters", "column_tags", "routines"):
        assert snapshot[0].count(f"`production`.`information_schema`.`{view}`") == 1, view


def test_out_of_band_changes_are_repaired(harnessed, repaired):
    assert protection_statements(repaired) == [
        f"ALTER TABLE {CUSTOMERS} ALTER COLUMN `email` SET MASK {SCHEMA}.`{EMAIL}`",
        f"ALTER TABLE {CUSTOMERS} ALTER COLUMN `ssn` SET TAGS ('classification' = 'sensitive')",
    ]
    state = live(harnessed)
    assert state["masks"]["email"] == f"production.security.{EMAIL}"
    assert state["tags"]["ssn"] == {"classification": "sensitive"}


def test_a_removed_mask_is_listed_and_counted_by_the_guard(harnessed, repaired):
    def declassify_phone(rows):
        for row in rows:
            if row["column_name"] == "phone":
                row["classification"], row["mask_rule"] = "public", ""

    edit_seed(harnessed, "column_classifications", declassify_phone)
    drop = f"ALTER TABLE {CUSTOMERS} ALTER COLUMN `phone` DROP MASK"
    refused = harnessed.dbt("build", "--vars", "{uc_governance_max_revokes: 0}")
    assert not refused.dbt_success
    assert "refusing to apply" in refused.logs
    # the phone mask's function serves no other column: dropped too, after the mask (step 55)
    drop_function = f"DROP FUNCTION IF EXISTS {SCHEMA}.`{PHONE}`"
    assert f"removes: {drop}" in refused.logs
    assert f"removes: {drop_function}" in refused.logs
    assert refused.governance_statements() == []
    assert live(harnessed)["masks"]["phone"] == f"production.security.{PHONE}"

    applied = harnessed.dbt("build")
    applied.assert_ok()
    assert protection_statements(applied) == [
        drop,
        drop_function,
        f"ALTER TABLE {CUSTOMERS} ALTER COLUMN `phone` SET TAGS ('classification' = 'public')",
    ]
    assert "phone" not in live(harnessed)["masks"]


@pytest.mark.parametrize(
    ("seed", "column", "value", "message"),
    [
        ("column_classifications", "mask_rule", "bogus", "bogus"),
        (
            "column_classifications",
            "data_type",
            "string) RETURNS STRING RETURN 'x' --",
            "is not a column type",
        ),
        # stopped by the seed's pre-hook, which names file, line, column and value
        ("protected_tables", "enforcement", "natve", "is not an enforcement mode"),
    ],
)
def test_a_malformed_protection_seed_changes_nothing(
    harnessed, repaired, seed, column, value, message
):
    before = live(harnessed)
    path = harnessed.project / "seeds" / "policy" / f"{seed}.csv"
    original = path.read_text()

    def corrupt(rows):
        target = next(
            r
            for r in rows
            if r["table_name"] == "production.sensitive_data.customers"
            and (seed != "column_classifications" or r["column_name"] == "email")
        )
        target[column] = value

    edit_seed(harnessed, seed, corrupt)
    try:
        run = harnessed.dbt("build")
    finally:
        path.write_text(original)
    assert not run.dbt_success
    assert seed in run.logs and message in run.logs
    assert run.governance_statements() == []
    assert live(harnessed) == before
