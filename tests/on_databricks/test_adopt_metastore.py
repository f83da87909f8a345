"""Adopt `--metastore` (issue 6; docs/decisions/0042): the metastore-level securables of an
estate, with grants on every metastore-level type (service credentials included, read from
`credential_privileges`), owners of every kind and a service principal named by application id,
adopted as policy seeds; the next build on that workspace sends no governance statement. The
expected seed rows are written by hand from the estate built here."""

from __future__ import annotations

import csv

from tests.support.harnessed import RUNNER, Harnessed

SP = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
USER = "ana.lopez@example.com"


def build_estate(harnessed: Harnessed) -> None:
    """Metastore-level objects made by hand: one of each type, owned by a group, a service
    principal, a user and the runner; grants on each, ALL PRIVILEGES included."""
    ws = harnessed.workspace
    ws.add_group("Platform Ops")
    ws.add_service_principal(SP, "nightly-loader")
    ws.add_user(USER)
    ws.add_external_location(("landing-zone",), owner="Platform Ops")
    ws.add_storage_credential(("s3-landing",), owner=SP)
    ws.add_service_credential(("svc-queue",), owner=USER)
    ws.add_connection(("pg-sales",), owner=RUNNER)
    ws.grant("METASTORE", (), "Platform Ops", ["CREATE CATALOG", "CREATE CONNECTION"])
    ws.grant("METASTORE", (), SP, "CREATE EXTERNAL LOCATION")
    ws.grant("EXTERNAL LOCATION", ("landing-zone",), "data-engineers", "ALL PRIVILEGES")
    ws.grant("EXTERNAL LOCATION", ("landing-zone",), SP, "READ FILES")
    ws.grant("STORAGE CREDENTIAL", ("s3-landing",), "Platform Ops", "CREATE EXTERNAL LOCATION")
    ws.grant("SERVICE CREDENTIAL", ("svc-queue",), SP, "ACCESS")
    ws.grant("SERVICE CREDENTIAL", ("svc-queue",), "data-engineers", "CREATE CONNECTION")
    ws.grant("CONNECTION", ("pg-sales",), "data-analysts", "USE CONNECTION")
    ws.grant("CONNECTION", ("pg-sales",), USER, "USE CONNECTION")


def rows_of(path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))[1:]


def test_adopted_metastore_plans_zero_writes(harnessed: Harnessed):
    build_estate(harnessed)
    harnessed.adopt("{catalogs: [], metastore: true}")
    seeds = harnessed.project / "seeds" / "policy"

    assert sorted(rows_of(seeds / "securables.csv")) == sorted(
        [
            ["METASTORE", "metastore", "", "", ""],
            ["EXTERNAL LOCATION", "landing-zone", "Platform Ops", "", ""],
            ["STORAGE CREDENTIAL", "s3-landing", SP, "", ""],
            ["SERVICE CREDENTIAL", "svc-queue", USER, "", ""],
            ["CONNECTION", "pg-sales", RUNNER, "", ""],
        ]
    )
    plain = ["false", "adopted"]
    ops = "Platform Ops"
    assert sorted(rows_of(seeds / "grants.csv")) == sorted(
        [
            ["METASTORE", "metastore", "Platform Ops", "CREATE CATALOG", *plain],
            ["METASTORE", "metastore", "Platform Ops", "CREATE CONNECTION", *plain],
            ["METASTORE", "metastore", SP, "CREATE EXTERNAL LOCATION", *plain],
            [
                "EXTERNAL LOCATION",
                "landing-zone",
                "data-engineers",
                "ALL PRIVILEGES",
                "true",
                "adopted",
            ],
            ["EXTERNAL LOCATION", "landing-zone", SP, "READ FILES", *plain],
            ["STORAGE CREDENTIAL", "s3-landing", ops, "CREATE EXTERNAL LOCATION", *plain],
            ["SERVICE CREDENTIAL", "svc-queue", SP, "ACCESS", *plain],
            ["SERVICE CREDENTIAL", "svc-queue", "data-engineers", "CREATE CONNECTION", *plain],
            ["CONNECTION", "pg-sales", "data-analysts", "USE CONNECTION", *plain],
            ["CONNECTION", "pg-sales", USER, "USE CONNECTION", *plain],
        ]
    )
    assert rows_of(seeds / "service_principals.csv") == [[SP, SP, "adopted", "adopted"]]
    assert [r[0] for r in rows_of(seeds / "groups.csv")] == [
        "Platform Ops",
        "data-analysts",
        "data-engineers",
    ]

    harnessed.build_adopted_estate()  # no governance statement
    plan = harnessed.workspace.query(
        "select action, count(*) as n from main.uc_governance.governance_plan"
        " where statement is not null group by action"
    )
    assert plan == []
