"""Service-credential grants are read back (issue 6; docs/decisions/0042, amendment): from
`information_schema.credential_privileges` (DBR 15.4+), whose credential purpose comes from
`credentials`, in the statement that already reads the metastore-level views. Drift on a
service credential is planned and revoked, and a no-op run stays empty. Expected statements
are written by hand from the GRANT / REVOKE grammar of the Databricks SQL reference."""

from __future__ import annotations

from tests.harness import GOVERNANCE_KINDS
from tests.support.harnessed import Harnessed
from tests.support.project import append_seed_lines

SP = "6f1c9a52-2b1e-4c3d-9a7e-5d2f1b0c8e47"  # the demo's production-etl-pipeline
SECURABLES = (
    "SERVICE CREDENTIAL,svc-queue,data-admins,Queue credential of the ETL pipeline,",
    "STORAGE CREDENTIAL,s3-landing,,Credential of the landing bucket,",
)
GRANTS = (
    f"SERVICE CREDENTIAL,svc-queue,{SP},ACCESS,false,The pipeline posts to the queue",
    "SERVICE CREDENTIAL,svc-queue,data-engineers,CREATE CONNECTION,false,ETL connects",
    "STORAGE CREDENTIAL,s3-landing,data-admins,CREATE EXTERNAL LOCATION,false,Admins",
)


def credential_statements(run) -> list[str]:
    """Governance statements naming a credential, in the order sent."""
    return [s for s in run.texts(*GOVERNANCE_KINDS) if " CREDENTIAL " in s]


def test_service_credential_grants_are_read_back(harnessed: Harnessed):
    ws = harnessed.workspace
    ws.add_service_credential(("svc-queue",), owner="data-admins")
    ws.add_storage_credential(("s3-landing",), owner="data-admins")
    append_seed_lines(harnessed.project, "securables", *SECURABLES)
    append_seed_lines(harnessed.project, "grants", *GRANTS)

    first = harnessed.dbt("build").assert_ok()
    assert sorted(credential_statements(first)) == [
        "GRANT ACCESS ON SERVICE CREDENTIAL `svc-queue` TO `6f1c9a52-2b1e-4c3d-9a7e-5d2f1b0c8e47`",
        "GRANT CREATE CONNECTION ON SERVICE CREDENTIAL `svc-queue` TO `data-engineers`",
        "GRANT CREATE EXTERNAL LOCATION ON STORAGE CREDENTIAL `s3-landing` TO `data-admins`",
    ]
    # one read of credential_privileges, in the statement that reads the metastore views
    reads = [s.sql for s in first.reads if "`credential_privileges`" in s.sql]
    assert reads and all("`metastore_privileges`" in sql for sql in reads)
    assert not [s for s in first.reads if "storage_credential_privileges" in s.sql]

    # no-op: the grants are seen, nothing is sent again
    assert credential_statements(harnessed.dbt("build").assert_ok()) == []

    # drift: an undeclared grant on the service credential, and a declared one removed
    ws.grant("SERVICE CREDENTIAL", ("svc-queue",), "data-analysts", "ACCESS")
    ws.revoke("SERVICE CREDENTIAL", ("svc-queue",), "data-engineers", "CREATE CONNECTION")
    plan = harnessed.dbt(
        "build", "--select", "+governance_plan", "--indirect-selection", "cautious"
    ).assert_ok()
    assert credential_statements(plan) == []
    rows = ws.query(
        "select action, principal, privileges from main.uc_governance.governance_plan"
        " where securable_type = 'SERVICE CREDENTIAL' and action in ('grant', 'revoke')"
        " order by action"
    )
    assert rows == [
        {"action": "grant", "principal": "data-engineers", "privileges": "CREATE CONNECTION"},
        {"action": "revoke", "principal": "data-analysts", "privileges": "ACCESS"},
    ]

    repaired = harnessed.dbt("build").assert_ok()
    assert credential_statements(repaired) == [
        "REVOKE ACCESS ON SERVICE CREDENTIAL `svc-queue` FROM `data-analysts`",
        "GRANT CREATE CONNECTION ON SERVICE CREDENTIAL `svc-queue` TO `data-engineers`",
    ]
    assert harnessed.grants("SERVICE CREDENTIAL", ("svc-queue",)) == {
        (SP, "ACCESS"),
        ("data-engineers", "CREATE CONNECTION"),
    }
    assert credential_statements(harnessed.dbt("build").assert_ok()) == []


def test_the_harness_lists_credential_grants_with_their_purpose(harnessed: Harnessed):
    ws = harnessed.workspace
    ws.add_service_credential(("svc-queue",), owner="data-admins")
    ws.add_storage_credential(("s3-landing",), owner="data-admins")
    ws.grant("SERVICE CREDENTIAL", ("svc-queue",), "data-engineers", "ACCESS")
    ws.grant("STORAGE CREDENTIAL", ("s3-landing",), "data-admins", "READ FILES")
    rows = ws.query(
        "select p.credential_name, c.credential_purpose, p.grantee, p.privilege_type,"
        " p.inherited_from"
        " from system.information_schema.credential_privileges as p"
        " join system.information_schema.credentials as c on p.credential_name = c.credential_name"
        " order by p.credential_name"
    )
    assert rows == [
        {
            "credential_name": "s3-landing",
            "credential_purpose": "STORAGE",
            "grantee": "data-admins",
            "privilege_type": "READ_FILES",
            "inherited_from": "NONE",
        },
        {
            "credential_name": "svc-queue",
            "credential_purpose": "SERVICE",
            "grantee": "data-engineers",
            "privilege_type": "ACCESS",
            "inherited_from": "NONE",
        },
    ]
