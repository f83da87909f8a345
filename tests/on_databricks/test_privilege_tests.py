"""The generic tests `principal_has_privilege` / `principal_lacks_privilege` (issue 6) answer for
metastore-level securables from the same live reads as the plan, and error, saying they cannot
verify, where the runner sees only part of the grants (docs/decisions/0043) and sees no grant
that proves the answer. Through the real dbt-databricks adapter and the offline harness; every
expected status is written by hand from the grants set up here and the ALL PRIVILEGES rule of
the Unity Catalog privileges reference (ALL PRIVILEGES covers neither MANAGE nor EXTERNAL USE)."""

from __future__ import annotations

from tests.harness import WorkspaceOptions
from tests.support.harnessed import RUNNER, Harnessed

SP = "6f1c9a52-2b1e-4c3d-9a7e-5d2f1b0c8e47"  # the demo's production-etl-pipeline
MODELS = ("models", "marts", "governance", "_governance__models.yml")
ANCHOR = "      - uc_governance.principal_has_privilege:\n"


def add_checks(harnessed: Harnessed, *checks: tuple[str, str, str, str, str, str]) -> None:
    """Add named privilege tests, tagged `privilege_check`, on governance_apply_log:
    (name, has|lacks, principal, privilege, securable_type, securable_name)."""
    models = harnessed.project.joinpath(*MODELS)
    text = models.read_text()
    assert text.count(ANCHOR) == 1
    extra = "".join(
        f"      - uc_governance.principal_{kind}_privilege:\n"
        f"          name: {name}\n"
        "          arguments:\n"
        f"            principal: '{principal}'\n"
        f"            privilege: {privilege}\n"
        f"            securable_type: {securable_type}\n"
        + (f"            securable_name: {securable_name}\n" if securable_name else "")
        + "          config:\n"
        "            tags: [privilege_check]\n"
        for name, kind, principal, privilege, securable_type, securable_name in checks
    )
    models.write_text(text.replace(ANCHOR, extra + ANCHOR))


def statuses(run) -> dict[str, str]:
    """Status of each test the run executed, by test name."""
    results = run.results.result.results
    return {r.node.name: str(r.status) for r in results if r.node.resource_type == "test"}


def metastore_estate(harnessed: Harnessed) -> None:
    """Metastore-level objects an administrator created and granted on by hand."""
    ws = harnessed.workspace
    ws.add_external_location(("landing-zone",), owner="data-admins")
    ws.add_storage_credential(("s3-landing",), owner="data-admins")
    ws.add_service_credential(("svc-queue",), owner="data-admins")
    ws.add_connection(("pg-sales",), owner="data-admins")
    ws.grant("METASTORE", (), "data-admins", "CREATE CATALOG")
    ws.grant("EXTERNAL LOCATION", ("landing-zone",), "data-engineers", "ALL PRIVILEGES")
    ws.grant("STORAGE CREDENTIAL", ("s3-landing",), "data-admins", "CREATE EXTERNAL LOCATION")
    ws.grant("SERVICE CREDENTIAL", ("svc-queue",), SP, "ACCESS")


METASTORE_CHECKS = (
    ("has_create_catalog", "has", "data-admins", "CREATE CATALOG", "METASTORE", None),
    ("lacks_create_share", "lacks", "data-admins", "CREATE SHARE", "METASTORE", None),
    # ALL PRIVILEGES on the location covers READ FILES and WRITE FILES ...
    ("has_read_files", "has", "data-engineers", "READ FILES", "EXTERNAL LOCATION", "landing-zone"),
    (
        "lacks_write_files",
        "lacks",
        "data-engineers",
        "WRITE FILES",
        "EXTERNAL LOCATION",
        "landing-zone",
    ),
    # ... but not EXTERNAL USE LOCATION
    (
        "lacks_external_use",
        "lacks",
        "data-engineers",
        "EXTERNAL USE LOCATION",
        "EXTERNAL LOCATION",
        "landing-zone",
    ),
    (
        "has_create_location",
        "has",
        "data-admins",
        "CREATE EXTERNAL LOCATION",
        "STORAGE CREDENTIAL",
        "s3-landing",
    ),
    ("has_access", "has", SP, "ACCESS", "SERVICE CREDENTIAL", "svc-queue"),
    ("lacks_access", "lacks", "data-analysts", "ACCESS", "SERVICE CREDENTIAL", "svc-queue"),
    ("has_use_connection", "has", "data-analysts", "USE CONNECTION", "CONNECTION", "pg-sales"),
)


def test_metastore_level_privileges_are_checked(harnessed: Harnessed):
    metastore_estate(harnessed)
    add_checks(harnessed, *METASTORE_CHECKS)
    run = harnessed.dbt("test", "--select", "tag:privilege_check")
    assert statuses(run) == {
        "has_create_catalog": "pass",
        "lacks_create_share": "pass",
        "has_read_files": "pass",
        "lacks_write_files": "fail",  # held through ALL PRIVILEGES
        "lacks_external_use": "pass",
        "has_create_location": "pass",
        "has_access": "pass",
        "lacks_access": "pass",
        "has_use_connection": "fail",  # never granted
    }
    assert run.writes == []


# A runner that is not the metastore admin and is in no owning group: it sees only its own and
# its groups' grants (tests/harness/authz.py). It is made a member of data-analysts.
PARTIAL_CHECKS = (
    # catalog tree: production.etl is owned by data-admins; data-engineers' grants are unseen
    ("has_unseen", "has", "data-engineers", "USE SCHEMA", "SCHEMA", "production.etl"),
    ("lacks_unseen", "lacks", "data-engineers", "MODIFY", "SCHEMA", "production.etl"),
    # its own group's grant is seen: proof either way
    ("has_seen", "has", "data-analysts", "USE CATALOG", "CATALOG", "production"),
    ("lacks_seen", "lacks", "data-analysts", "USE CATALOG", "CATALOG", "production"),
    # metastore level: the location is owned by data-admins
    (
        "has_unseen_location",
        "has",
        "data-engineers",
        "READ FILES",
        "EXTERNAL LOCATION",
        "landing-zone",
    ),
    ("lacks_unseen_metastore", "lacks", "data-analysts", "CREATE CATALOG", "METASTORE", None),
)


def test_partial_view_errors_instead_of_answering(tmp_path):
    harnessed = Harnessed(tmp_path, options=WorkspaceOptions(metastore_owner="metastore-admins"))
    ws = harnessed.workspace
    ws.add_group("metastore-admins", members=["someone-else@example.com"])
    ws.add_members("data-analysts", [RUNNER])
    metastore_estate(harnessed)
    ws.add_catalog("production", owner="data-admins", managed_location="s3://p/m")
    ws.add_schema(("production", "etl"), owner="data-admins")
    ws.grant("SCHEMA", ("production", "etl"), "data-engineers", ["USE SCHEMA", "MODIFY"])
    ws.grant("CATALOG", ("production",), "data-analysts", "USE CATALOG")
    add_checks(harnessed, *PARTIAL_CHECKS)

    run = harnessed.dbt("test", "--select", "tag:privilege_check")
    assert statuses(run) == {
        "has_unseen": "error",
        "lacks_unseen": "error",
        "has_seen": "pass",
        "lacks_seen": "fail",
        "has_unseen_location": "error",
        "lacks_unseen_metastore": "error",
    }
    messages = {r.node.name: r.message or "" for r in run.results.result.results}
    assert (
        'uc_governance principal_has_privilege: cannot verify "data-engineers" USE SCHEMA on '
        'SCHEMA "production.etl": the runner "dbt-runner@example.com" sees only part of the '
        "grants there"
    ) in messages["has_unseen"]
    assert (
        'principal_lacks_privilege: cannot verify "data-analysts" CREATE CATALOG on METASTORE '
        '"metastore"'
    ) in messages["lacks_unseen_metastore"]
    assert (
        'cannot verify "data-engineers" READ FILES on EXTERNAL LOCATION "landing-zone"'
        in messages["has_unseen_location"]
    )
    assert run.writes == []


def test_a_bad_securable_type_is_refused(harnessed: Harnessed):
    add_checks(harnessed, ("bad_type", "has", "data-admins", "SELECT", "'SCHEMA; --'", "x.y"))
    run = harnessed.dbt("test", "--select", "tag:privilege_check")
    # refused while dbt parses the project: nothing runs
    assert not run.dbt_success
    assert (
        'uc_governance principal_has_privilege: securable_type "SCHEMA; --" is not a securable '
        "type; use one of CATALOG, SCHEMA"
    ) in run.logs
    assert run.statements == []
