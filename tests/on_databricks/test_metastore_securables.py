"""Metastore-level securables (issue 6, "Every securable type"; docs/decisions/0042): grants on
the metastore, external locations, storage credentials and connections, and their owners,
through the real dbt-databricks adapter and the offline harness. Expected statements are
written by hand from the GRANT / ALTER ... OWNER TO grammar of the Databricks SQL reference."""

from __future__ import annotations

import pytest
from ucgov.adopt import parse_adopt_log

from tests.harness import GOVERNANCE_KINDS
from tests.support.harnessed import Harnessed
from tests.support.project import append_seed_lines

SECURABLES = (
    "METASTORE,metastore,,The metastore of the workspace,",
    "EXTERNAL LOCATION,landing-zone,data-engineers,Raw files from partners,",
    "STORAGE CREDENTIAL,s3-landing,,Credential of the landing bucket,",
    "CONNECTION,pg-sales,,Sales database (Lakehouse Federation),",
)
GRANTS = (
    "METASTORE,metastore,data-admins,CREATE CATALOG,false,Admins create catalogs",
    "METASTORE,metastore,data-admins,CREATE EXTERNAL LOCATION,false,Admins add locations",
    "EXTERNAL LOCATION,landing-zone,data-engineers,READ FILES,false,ETL reads raw files",
    "EXTERNAL LOCATION,landing-zone,data-engineers,WRITE FILES,false,ETL writes raw files",
    "STORAGE CREDENTIAL,s3-landing,data-admins,CREATE EXTERNAL LOCATION,false,Admins",
    "CONNECTION,pg-sales,data-analysts,USE CONNECTION,false,Analysts query sales",
)
FIRST_APPLY = [
    "GRANT CREATE CATALOG, CREATE EXTERNAL LOCATION ON METASTORE TO `data-admins`",
    "GRANT READ FILES, WRITE FILES ON EXTERNAL LOCATION `landing-zone` TO `data-engineers`",
    "GRANT CREATE EXTERNAL LOCATION ON STORAGE CREDENTIAL `s3-landing` TO `data-admins`",
    "GRANT USE CONNECTION ON CONNECTION `pg-sales` TO `data-analysts`",
    "ALTER EXTERNAL LOCATION `landing-zone` OWNER TO `data-engineers`",
]
METASTORE_WORDS = ("METASTORE", "EXTERNAL LOCATION", "STORAGE CREDENTIAL", "CONNECTION")


def metastore_statements(run) -> list[str]:
    """Governance statements on metastore-level securables, in the order sent."""
    return [
        s
        for s in run.texts(*GOVERNANCE_KINDS)
        if any(f" ON {w}" in s or s.startswith(f"ALTER {w}") for w in METASTORE_WORDS)
    ]


def metastore_estate(harnessed: Harnessed) -> None:
    """Objects an administrator created by hand (uc_governance never creates them)."""
    ws = harnessed.workspace
    ws.add_external_location(("landing-zone",), owner="data-admins")
    ws.add_storage_credential(("s3-landing",), owner="data-admins")
    ws.add_connection(("pg-sales",), owner="data-admins")


def declare(harnessed: Harnessed) -> None:
    append_seed_lines(harnessed.project, "securables", *SECURABLES)
    append_seed_lines(harnessed.project, "grants", *GRANTS)


def test_first_apply_no_op_drift_and_owner(harnessed: Harnessed):
    metastore_estate(harnessed)
    declare(harnessed)
    ws = harnessed.workspace

    first = harnessed.dbt("build").assert_ok()
    assert sorted(metastore_statements(first)) == sorted(FIRST_APPLY)
    # owners are set last, after every grant
    assert metastore_statements(first)[-1] == FIRST_APPLY[-1]
    assert harnessed.grants("METASTORE", ()) == {
        ("data-admins", "CREATE CATALOG"),
        ("data-admins", "CREATE EXTERNAL LOCATION"),
    }
    assert harnessed.grants("EXTERNAL LOCATION", ("landing-zone",)) == {
        ("data-engineers", "READ FILES"),
        ("data-engineers", "WRITE FILES"),
    }
    assert ws.get("EXTERNAL LOCATION", ("landing-zone",)).owner == "data-engineers"
    assert ws.get("CONNECTION", ("pg-sales",)).owner == "data-admins"  # no owner declared
    # the metastore-level views are read once per run, from system.information_schema
    reads = " ".join(s.sql for s in first.reads)
    for view in ("metastore_privileges", "external_location_privileges", "connections"):
        assert reads.count(f"`system`.`information_schema`.`{view}`") >= 1

    # no-op: nothing is sent on a re-run
    again = harnessed.dbt("build").assert_ok()
    assert metastore_statements(again) == []

    # out-of-band grants on metastore-level securables are revoked; the owner change too
    ws.grant("EXTERNAL LOCATION", ("landing-zone",), "data-analysts", "READ FILES")
    ws.grant("METASTORE", (), "data-analysts", "CREATE SHARE")
    ws.set_owner("EXTERNAL LOCATION", ("landing-zone",), "data-admins")
    drift = harnessed.dbt("build").assert_ok()
    sent = metastore_statements(drift)
    # revokes first (step 20), the owner last (step 70)
    assert sorted(sent[:2]) == [
        "REVOKE CREATE SHARE ON METASTORE FROM `data-analysts`",
        "REVOKE READ FILES ON EXTERNAL LOCATION `landing-zone` FROM `data-analysts`",
    ]
    assert sent[2:] == ["ALTER EXTERNAL LOCATION `landing-zone` OWNER TO `data-engineers`"]
    assert ("data-analysts", "READ FILES") not in harnessed.grants(
        "EXTERNAL LOCATION", ("landing-zone",)
    )
    assert ("data-analysts", "CREATE SHARE") not in harnessed.grants("METASTORE", ())
    assert ws.get("EXTERNAL LOCATION", ("landing-zone",)).owner == "data-engineers"


def test_undeclared_metastore_objects_are_left_alone(harnessed: Harnessed):
    """Only declared securables are managed: grants on an external location the policy does
    not name are not revoked, and a declared connection that does not exist waits."""
    metastore_estate(harnessed)
    harnessed.workspace.add_external_location(("other-team-files",), owner="data-admins")
    harnessed.workspace.grant(
        "EXTERNAL LOCATION", ("other-team-files",), "data-analysts", "READ FILES"
    )
    declare(harnessed)
    append_seed_lines(harnessed.project, "securables", "CONNECTION,pg-future,,Not created yet,")
    append_seed_lines(
        harnessed.project, "grants", "CONNECTION,pg-future,data-analysts,USE CONNECTION,false,x"
    )
    run = harnessed.dbt("build").assert_ok()
    assert not [s for s in metastore_statements(run) if "other-team-files" in s or "pg-future" in s]
    assert harnessed.grants("EXTERNAL LOCATION", ("other-team-files",)) == {
        ("data-analysts", "READ FILES")
    }
    plan = harnessed.workspace.query(
        "select action, securable_type, securable_name from main.uc_governance.governance_plan"
        " where securable_name = 'pg-future'"
    )
    assert plan == [
        {
            "action": "missing_securable",
            "securable_type": "CONNECTION",
            "securable_name": "pg-future",
        }
    ]


@pytest.mark.parametrize(
    ("seed", "line", "shown"),
    [
        # a privilege of another type on the metastore
        ("grants", "METASTORE,metastore,data-admins,SELECT,false,x", "SELECT"),
        # ALL PRIVILEGES is not a metastore privilege
        ("grants", "METASTORE,metastore,data-admins,ALL PRIVILEGES,true,x", "ALL PRIVILEGES"),
        # a grant on an external location the securables seed does not declare
        (
            "grants",
            "EXTERNAL LOCATION,secret-bucket,data-admins,READ FILES,false,x",
            "secret-bucket",
        ),
        # a connection privilege on an external location
        (
            "grants",
            "EXTERNAL LOCATION,landing-zone,data-admins,USE CONNECTION,false,x",
            "USE CONNECTION",
        ),
        # the metastore owner is not managed
        ("securables", "METASTORE,metastore,data-admins,x,", "data-admins"),
        # the metastore is spelled `metastore`
        ("securables", "METASTORE,main,,x,", "main"),
        # metastore-level names have one part
        ("securables", "CONNECTION,pg.sales,,x,", "pg.sales"),
    ],
)
def test_bad_metastore_rows_are_refused(harnessed: Harnessed, seed, line, shown):
    metastore_estate(harnessed)
    declare(harnessed)
    if line.startswith("METASTORE,metastore,"):  # replaces the declared metastore row
        securables = harnessed.project / "seeds" / "policy" / "securables.csv"
        securables.write_text(securables.read_text().replace(SECURABLES[0] + "\n", ""))
    append_seed_lines(harnessed.project, seed, line)
    run = harnessed.dbt("build")
    assert not run.dbt_success
    assert f"seeds/policy/{seed}.csv" in run.logs
    assert shown in run.logs
    assert run.texts(*GOVERNANCE_KINDS) == []
    assert harnessed.grants("METASTORE", ()) == set()


def test_adopt_covers_metastore_objects_when_asked(harnessed: Harnessed):
    metastore_estate(harnessed)
    ws = harnessed.workspace
    ws.add_service_credential(("svc-queue",), owner="data-admins")
    ws.grant("METASTORE", (), "data-admins", "CREATE CATALOG")
    ws.grant("EXTERNAL LOCATION", ("landing-zone",), "data-engineers", "READ FILES")
    ws.grant("CONNECTION", ("pg-sales",), "data-analysts", "USE CONNECTION")
    ws.add_catalog("finance", owner="data-admins")

    plain = harnessed.dbt("run-operation", "adopt_policy", "--args", "{catalogs: finance}")
    adopted = parse_adopt_log(plain.assert_ok().logs)
    assert all(r["securable_type"] in ("CATALOG", "SCHEMA") for r in adopted["securables"])

    run = harnessed.dbt(
        "run-operation", "adopt_policy", "--args", "{catalogs: finance, metastore: true}"
    )
    rows = parse_adopt_log(run.assert_ok().logs)
    assert run.writes == []
    securables = {
        (r["securable_type"], r["securable_name"], r["owner"]) for r in rows["securables"]
    }
    assert {
        ("METASTORE", "metastore", ""),
        ("EXTERNAL LOCATION", "landing-zone", "data-admins"),
        ("STORAGE CREDENTIAL", "s3-landing", "data-admins"),
        ("SERVICE CREDENTIAL", "svc-queue", "data-admins"),
        ("CONNECTION", "pg-sales", "data-admins"),
        ("CATALOG", "finance", "data-admins"),
    } <= securables
    grants = {
        (r["securable_type"], r["securable_name"], r["principal"], r["privilege"])
        for r in rows["grants"]
    }
    assert {
        ("METASTORE", "metastore", "data-admins", "CREATE CATALOG"),
        ("EXTERNAL LOCATION", "landing-zone", "data-engineers", "READ FILES"),
        ("CONNECTION", "pg-sales", "data-analysts", "USE CONNECTION"),
    } <= grants
