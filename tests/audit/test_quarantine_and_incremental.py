"""Bad input is counted in audit_quarantine_events, never a failed build, never dropped; the
staging model is incremental on the event date with a look-back, and --full-refresh works."""

from __future__ import annotations

import re
from datetime import date, datetime

from ucgov.audit.samples import generate

from tests.support.audit import audit_vars
from tests.support.project import LocalProject

# Only the data tests whose every parent is built: the quarantine check also needs
# audit_quarantine_events, which these partial builds leave out.
BUILDABLE_TESTS = ("--indirect-selection", "buildable")


def _lines(folder) -> int:
    return sum(
        1 for path in folder.rglob("*.json") for line in path.read_text().splitlines() if line
    )


def test_every_bad_record_is_quarantined_with_its_reason(audit_build):
    assert audit_build.query(
        "select quarantine_reason, count(*) from uc_governance.audit_quarantine_events "
        "group by all order by 1"
    ) == [
        ("future_timestamp", 1),
        ("malformed_json", 2),
        ("missing_field:actionName", 1),
        ("missing_field:timestamp", 1),
        ("unknown_action", 1),
        ("unparseable_timestamp", 1),
    ]
    malformed = audit_build.query(
        "select raw_record, source_line from uc_governance.audit_quarantine_events "
        "where quarantine_reason = 'malformed_json' order by source_line"
    )
    assert malformed == [('{"version":"2.0","timestamp":17638', 1), ("this is not json", 2)]
    # The future and unusable timestamps are kept on the date the file was delivered.
    assert audit_build.query(
        "select distinct event_date from uc_governance.audit_quarantine_events"
    ) == [(date(2026, 11, 22),)]


def test_no_record_is_dropped_and_string_timestamps_are_parsed(audit_build, sample_logs):
    total = audit_build.query("select count(*) from uc_governance.stg_audit__events")[0][0]
    assert total == _lines(sample_logs)
    assert audit_build.query(
        "select request_id, event_time, timestamp_format from uc_governance.stg_audit__events "
        "where request_id like 'ok-%' order by 1"
    ) == [
        ("ok-iso", datetime(2026, 11, 22, 9, 30), "iso_8601"),
        ("ok-ms-string", datetime(2026, 11, 22, 12, 1), "epoch_ms"),
    ]


def test_rerun_reads_only_the_new_day_and_the_lookback(tmp_path):
    logs = tmp_path / "logs"
    generate(logs)
    project = LocalProject(tmp_path)
    first = project.dbt(
        "build", "--select", "stg_audit__events", *BUILDABLE_TESTS, "--vars", audit_vars(logs)
    )
    assert first.success, first.text
    generate(logs, days=29)  # one more day: 2026-11-23
    second = project.dbt("run", "--select", "stg_audit__events", "--vars", audit_vars(logs))
    assert second.success, second.text
    # Newest loaded date 2026-11-22, look-back 3 days: dates 2026-11-19 to 2026-11-23, i.e. five
    # day folders, the last of the original days holding two files.
    message = next(line for line in second.logs if "stg_audit__events: reading" in line)
    assert re.search(r"reading 6 of 30 audit log files .*\(dates from 2026-11-19\)", message)
    counts = project.query(
        "select count(*), count(distinct event_key), max(event_date) "
        "from uc_governance.stg_audit__events"
    )
    assert counts == [(_lines(logs), _lines(logs), date(2026, 11, 23))]
    refreshed = project.dbt(
        "run", "--select", "stg_audit__events", "--full-refresh", "--vars", audit_vars(logs)
    )
    assert refreshed.success, refreshed.text
    assert any("reading 30 of 30" in line for line in refreshed.logs)
    assert project.query("select count(*) from uc_governance.stg_audit__events") == [
        (_lines(logs),)
    ]


def test_an_empty_folder_builds_empty_models(tmp_path):
    project = LocalProject(tmp_path)
    empty = tmp_path / "no_logs_yet"
    empty.mkdir()
    run = project.dbt(
        "build", "--select", "+failed_login_alerts", *BUILDABLE_TESTS, "--vars", audit_vars(empty)
    )
    assert run.success, run.text
    assert project.query("select count(*) from uc_governance.failed_login_alerts") == [(0,)]
