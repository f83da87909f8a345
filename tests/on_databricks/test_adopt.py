"""Adopt an existing workspace: the `adopt_policy` operation, run by the real dbt-databricks
adapter against the harness, reads an estate's live grants, owners and securables; `ucgov.adopt`
writes them as policy seeds; the next `dbt build` on that workspace changes nothing."""

from __future__ import annotations

import csv

from ucgov.adopt import parse_adopt_log, write_seeds

from tests.support.harnessed import RUNNER, Harnessed

SP = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
EVENTS = ("prod-data", "raw-events")


def build_estate(harnessed: Harnessed) -> None:
    """An estate built by hand, outside uc_governance: two catalogs (one whose name needs
    quoting), a schema and table names with dashes, a view, a volume, a function, owners of
    every kind, a group whose name has spaces and capitals, a service principal by application
    id, a user, ALL PRIVILEGES, and catalog- and schema-wide grants that show as inherited rows
    on every child."""
    ws = harnessed.workspace
    ws.add_group("EU Readers")
    ws.add_service_principal(SP, "nightly-loader")
    ws.add_user("ana.lopez@example.com")
    ws.add_catalog("`prod-data`", owner="data-admins")
    ws.add_schema(EVENTS, owner=SP)
    ws.add_table((*EVENTS, "click-stream"), owner="data-engineers")
    ws.add_view((*EVENTS, "daily_clicks"), "SELECT 1 AS clicks", owner=RUNNER)
    ws.add_volume((*EVENTS, "landing"), owner="data-engineers")
    ws.add_function((*EVENTS, "mask-email"), owner=SP)
    ws.add_catalog("finance", owner="EU Readers", managed_location=None)
    ws.grant("CATALOG", ("prod-data",), "EU Readers", ["USE CATALOG", "SELECT"])  # inherited below
    ws.grant("CATALOG", ("prod-data",), SP, "USE CATALOG")
    ws.grant("SCHEMA", EVENTS, SP, "ALL PRIVILEGES")
    ws.grant("SCHEMA", EVENTS, "data-analysts", "USE SCHEMA")
    ws.grant("TABLE", (*EVENTS, "click-stream"), "ana.lopez@example.com", "SELECT")
    ws.grant("VIEW", (*EVENTS, "daily_clicks"), "data-analysts", "SELECT")
    ws.grant("CATALOG", "finance", "data-analysts", "BROWSE")
    ws.grant("VOLUME", (*EVENTS, "landing"), "EU Readers", ["READ VOLUME", "WRITE VOLUME"])
    ws.grant("FUNCTION", (*EVENTS, "mask-email"), "data-analysts", "EXECUTE")


def read_csv(path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_adopted_estate_plans_zero_writes(harnessed: Harnessed):
    build_estate(harnessed)
    counts = harnessed.adopt("{catalogs: 'prod-data, Finance'}")
    seeds = harnessed.project / "seeds" / "policy"
    assert counts == {"groups": 4, "service_principals": 1, "securables": 9, "grants": 11}

    assert read_csv(seeds / "securables.csv") == [
        ["securable_type", "securable_name", "owner", "comment", "managed_location"],
        ["CATALOG", "finance", "EU Readers", "", ""],
        ["SCHEMA", "finance.default", "EU Readers", "", ""],
        ["CATALOG", "prod-data", "data-admins", "", ""],
        ["SCHEMA", "prod-data.default", "data-admins", "", ""],
        ["SCHEMA", "prod-data.raw-events", SP, "", ""],
        ["TABLE", "prod-data.raw-events.click-stream", "data-engineers", "", ""],
        ["VIEW", "prod-data.raw-events.daily_clicks", RUNNER, "", ""],
        ["VOLUME", "prod-data.raw-events.landing", "data-engineers", "", ""],
        ["FUNCTION", "prod-data.raw-events.mask-email", SP, "", ""],
    ]
    header = ["securable_type", "securable_name", "principal", "privilege"]
    plain = ["false", "adopted"]
    assert read_csv(seeds / "grants.csv") == [
        [*header, "allow_all_privileges", "reason"],
        ["CATALOG", "finance", "data-analysts", "BROWSE", "false", "adopted"],
        ["CATALOG", "prod-data", SP, "USE CATALOG", "false", "adopted"],
        ["CATALOG", "prod-data", "EU Readers", "SELECT", "false", "adopted"],
        ["CATALOG", "prod-data", "EU Readers", "USE CATALOG", "false", "adopted"],
        ["SCHEMA", "prod-data.raw-events", SP, "ALL PRIVILEGES", "true", "adopted"],
        ["SCHEMA", "prod-data.raw-events", "data-analysts", "USE SCHEMA", "false", "adopted"],
        ["TABLE", "prod-data.raw-events.click-stream", "ana.lopez@example.com", "SELECT", *plain],
        ["VIEW", "prod-data.raw-events.daily_clicks", "data-analysts", "SELECT", *plain],
        ["VOLUME", "prod-data.raw-events.landing", "EU Readers", "READ VOLUME", *plain],
        ["VOLUME", "prod-data.raw-events.landing", "EU Readers", "WRITE VOLUME", *plain],
        ["FUNCTION", "prod-data.raw-events.mask-email", "data-analysts", "EXECUTE", *plain],
    ]
    assert read_csv(seeds / "groups.csv") == [
        ["group_name", "description", "purpose", "idp_group"],
        ["EU Readers", "adopted", "adopted", ""],
        ["data-admins", "adopted", "adopted", ""],
        ["data-analysts", "adopted", "adopted", ""],
        ["data-engineers", "adopted", "adopted", ""],
    ]
    assert read_csv(seeds / "service_principals.csv")[1] == [SP, SP, "adopted", "adopted"]

    # no governance statement (the demo's protection seeds and privilege tests set aside)
    harnessed.build_adopted_estate()
    # a second adopt of the same estate writes the same bytes (stable)
    before = {p.name: p.read_bytes() for p in seeds.glob("*.csv")}
    again = harnessed.dbt(
        "run-operation", "adopt_policy", "--args", "{catalogs: [finance, prod-data]}"
    )
    write_seeds(parse_adopt_log(again.assert_ok().logs), seeds)
    assert {p.name: p.read_bytes() for p in seeds.glob("*.csv")} == before


def test_adopt_refuses_a_catalog_that_does_not_exist(harnessed: Harnessed):
    run = harnessed.dbt("run-operation", "adopt_policy", "--args", "{catalogs: [nowhere]}")
    assert not run.dbt_success
    assert 'uc_governance adopt: catalog "nowhere" does not exist' in run.logs
    assert parse_adopt_log(run.logs) == {
        "groups": [],
        "service_principals": [],
        "securables": [],
        "grants": [],
    }
