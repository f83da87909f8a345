"""The external-table source through the real dbt-databricks adapter and the offline harness:
the guide's DDL is sent once per run before the staging model, reads the delivered files, a
re-run after one more day replaces that day and the look-back only (dbt-databricks'
`INSERT INTO ... REPLACE ON`), and a bad location stops the run before any statement."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

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


TABLE = "`main`.`uc_governance`.`stg_audit__events`"
# The staging model's columns, in the order of its final CTE.
COLUMNS = (
    *("event_key", "event_time", "event_date", "workspace_id", "account_id", "user_email"),
    *("source_ip", "user_agent", "session_id", "service_name", "action_name", "request_params"),
    *("status_code", "error_message", "request_id", "audit_level", "target_name", "target_group"),
    *("target_user", "token_lifetime_seconds", "export_path", "export_format", "timestamp_format"),
    *("quarantine_reason", "audit_source", "source_file", "source_line", "raw_record"),
)
# dbt-databricks 1.12.7 insert_overwrite on a SQL warehouse (use_replace_on_for_insert_overwrite
# is on by default): replace the partitions (event_date) the new rows hold.
REPLACE_ON = (
    f"insert into table {TABLE} AS t replace on (t.`event_date` <=> s.`event_date`) (select "
    + ", ".join(f"`{column}`" for column in COLUMNS)
    + " from `stg_audit__events__dbt_tmp`) AS s"
)
# Newest date after the first run 2026-11-22, look-back 3 days.
CUTOFF_FILES = (
    " where regexp_extract(audit_logs._metadata.file_path, "
    "'date=([0-9]{4}-[0-9]{2}-[0-9]{2})', 1) >= '2026-11-19'"
)
CUTOFF_ROWS = " where event_date >= date '2026-11-19'"
FOLDER = "workspaceId=1234567890123456"


def _lines(folder: Path) -> int:
    return sum(
        1 for path in folder.rglob("*.json") for line in path.read_text().splitlines() if line
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
        "partitioned by (event_date) as with "
    )
    # the staging models it reads are inlined (ephemeral) on Databricks: their CTEs come first
    assert "extracted as (select audit_logs._metadata.file_path as source_file," in writes[1]
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


def test_a_rerun_after_one_more_day_replaces_that_day_and_the_lookback_only(tmp_path):
    harnessed = _harnessed(tmp_path)
    logs = tmp_path / "logs"
    external = json.dumps(EXTERNAL)
    first = harnessed.dbt(
        "build", "--select", "+stg_audit__events", "--exclude", "resource_type:test",
        "--vars", external,
    )  # fmt: skip
    first.assert_ok()
    first_writes = [s.normalized for s in first.for_node(".stg_audit__events") if s.kind != "read"]
    create = f"create or replace table {TABLE} using delta partitioned by (event_date) as "
    assert [w[: len(create)] for w in first_writes] == [DDL[: len(create)], create]
    assert first_writes[0] == DDL
    first_query = first_writes[1][len(create) :]
    assert CUTOFF_FILES not in first_query
    # Mark every row of 2026-11-18 (before the look-back) and of 2026-11-19 (inside it).
    harnessed.workspace.query(
        f"update {TABLE} set user_agent = 'marked' "
        "where event_date in (date '2026-11-18', date '2026-11-19')"
    )

    generate(logs, days=29)  # one more delivered day: 2026-11-23
    second = harnessed.dbt("run", "--select", "stg_audit__events", "--vars", external)
    second.assert_ok()
    node = second.for_node(".stg_audit__events")
    assert f"select cast(max(event_date) as varchar(10)) from {TABLE}" in [
        s.normalized for s in node if s.kind == "read"
    ]
    writes = [s.normalized for s in node if s.kind != "read"]
    view = "create or replace temporary view `stg_audit__events__dbt_tmp` as "
    assert len(writes) == 3
    assert writes[0] == DDL
    # The re-run's query is the first run's with the two date filters on the partition
    # column (the delivered files' date= folder, then the event date), and nothing else.
    expected_query = first_query.replace(
        "from `production`.`security`.`audit_logs` as audit_logs",
        "from `production`.`security`.`audit_logs` as audit_logs" + CUTOFF_FILES,
    ).replace("as with_params)", "as with_params" + CUTOFF_ROWS + ")")
    assert expected_query != first_query
    assert writes[1] == view + expected_query
    assert writes[2] == REPLACE_ON

    # Rows by hand from the delivered files: every line once, the new day whole, the
    # look-back dates replaced (marks gone), older dates untouched (marks kept).
    rows = harnessed.workspace.query(
        "select count(*) as n, count(distinct event_key) as distinct_keys, "
        f"max(event_date) as newest from {TABLE}"
    )
    total = _lines(logs)
    assert rows == [{"n": total, "distinct_keys": total, "newest": date(2026, 11, 23)}]
    by_date = {
        row["event_date"]: (row["n"], row["marked"])
        for row in harnessed.workspace.query(
            "select event_date, count(*) as n, count_if(user_agent = 'marked') as marked "
            f"from {TABLE} where event_date >= date '2026-11-18' group by 1"
        )
    }
    day = logs / FOLDER
    assert by_date == {
        date(2026, 11, 18): (_lines(day / "date=2026-11-18"), _lines(day / "date=2026-11-18")),
        date(2026, 11, 19): (_lines(day / "date=2026-11-19"), 0),
        date(2026, 11, 20): (_lines(day / "date=2026-11-20"), 0),
        date(2026, 11, 21): (_lines(day / "date=2026-11-21"), 0),
        date(2026, 11, 22): (_lines(day / "date=2026-11-22"), 0),
        date(2026, 11, 23): (_lines(day / "date=2026-11-23"), 0),
    }


def test_a_malformed_location_stops_the_run_before_any_statement(tmp_path):
    harnessed = _harnessed(tmp_path)
    bad = dict(EXTERNAL, uc_governance_audit_log_location="s3://bucket/logs' location 'x")
    run = harnessed.dbt("build", "--select", "+stg_audit__events", "--vars", json.dumps(bad))
    assert not run.success
    assert "var uc_governance_audit_log_location is not a cloud storage URL" in run.logs
    assert [s for s in run.statements if s.kind != "read"] == []
