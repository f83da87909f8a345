"""The external-table source through the real dbt-databricks adapter and the offline harness:
the guide's DDL is sent once per run before the staging model, reads the delivered files, and a
bad location stops the run before any statement."""

from __future__ import annotations

import json

from ucgov.audit.samples import generate

from tests.support.harnessed import Harnessed

LOCATION = "s3://company-databricks-audit-logs/"
EXTERNAL = {
    "uc_governance_audit_source": "external_table",
    "uc_governance_audit_log_location": LOCATION,
}
DDL = (
    "create table if not exists `production`.`security`.`audit_logs` (version string, "
    "auditLevel string, `timestamp` string, orgId string, accountId string, sourceIPAddress "
    "string, userAgent string, sessionId string, userIdentity string, serviceName string, "
    "actionName string, requestId string, requestParams string, response string, "
    "_corrupt_record string) using json location 's3://company-databricks-audit-logs/'"
)


def _harnessed(tmp_path) -> Harnessed:
    logs = tmp_path / "logs"
    generate(logs)
    harnessed = Harnessed(tmp_path)
    # The security schema exists (governance apply creates it from securables.csv).
    harnessed.workspace.add_catalog("production")
    harnessed.workspace.add_schema("production.security")
    harnessed.workspace.mount_storage(LOCATION, logs)
    return harnessed


def test_first_run_creates_the_guides_table_and_stages_every_record(tmp_path):
    harnessed = _harnessed(tmp_path)
    run = harnessed.dbt(
        "build",
        "--select",
        "+stg_audit__events",
        "--exclude",
        "resource_type:test",
        "--vars",
        json.dumps(EXTERNAL),
    )
    run.assert_ok()
    writes = [s.normalized for s in run.for_node(".stg_audit__events") if s.kind != "read"]
    assert len(writes) == 2
    assert writes[0] == DDL
    assert writes[1].startswith(
        "create or replace table `main`.`uc_governance`.`stg_audit__events` using delta "
        "partitioned by (event_date) as with extracted as (select "
        "audit_logs._metadata.file_path as source_file,"
    )
    assert "from `production`.`security`.`audit_logs` as audit_logs" in writes[1]
    # By hand from the generator: 1,534 lines, 7 of them quarantined.
    rows = harnessed.workspace.query(
        "select quarantine_reason, count(*) as n from main.uc_governance.stg_audit__events "
        "group by 1 order by 1"
    )
    assert {row["quarantine_reason"]: row["n"] for row in rows} == {
        None: 1527,
        "future_timestamp": 1,
        "malformed_json": 2,
        "missing_field:actionName": 1,
        "missing_field:timestamp": 1,
        "unknown_action": 1,
        "unparseable_timestamp": 1,
    }
    files = harnessed.workspace.query(
        "select distinct source_file from main.uc_governance.stg_audit__events "
        "where quarantine_reason = 'malformed_json'"
    )
    assert files == [
        {
            "source_file": "s3://company-databricks-audit-logs/workspaceId=1234567890123456/"
            "date=2026-11-22/auditlogs_bad.json"
        }
    ]


def test_a_malformed_location_stops_the_run_before_any_statement(tmp_path):
    harnessed = _harnessed(tmp_path)
    bad = dict(EXTERNAL, uc_governance_audit_log_location="s3://bucket/logs' location 'x")
    run = harnessed.dbt("build", "--select", "+stg_audit__events", "--vars", json.dumps(bad))
    assert not run.success
    assert "var uc_governance_audit_log_location is not a cloud storage URL" in run.logs
    assert [s for s in run.statements if s.kind != "read"] == []
