"""The sample-log generator: deterministic, in the delivery format, refuses bad options."""

from __future__ import annotations

import json

from ucgov.audit import samples


def _snapshot(folder) -> dict[str, str]:
    return {str(p.relative_to(folder)): p.read_text() for p in sorted(folder.rglob("*.json"))}


def test_same_seed_same_bytes_and_another_seed_differs(tmp_path):
    samples.generate(tmp_path / "a")
    samples.generate(tmp_path / "b")
    samples.generate(tmp_path / "c", seed=7)
    assert _snapshot(tmp_path / "a") == _snapshot(tmp_path / "b")
    assert _snapshot(tmp_path / "a") != _snapshot(tmp_path / "c")


def test_files_follow_the_delivery_layout_and_record_shape(tmp_path):
    samples.generate(tmp_path)
    days = sorted(p.name for p in (tmp_path / "workspaceId=1234567890123456").iterdir())
    assert days[0] == "date=2026-10-26" and days[-1] == "date=2026-11-22" and len(days) == 28
    first = tmp_path / "workspaceId=1234567890123456/date=2026-10-26/auditlogs_0.json"
    record = json.loads(first.read_text().splitlines()[0])
    assert set(record) == {
        "version", "auditLevel", "timestamp", "orgId", "accountId", "sourceIPAddress",
        "userAgent", "sessionId", "userIdentity", "serviceName", "actionName", "requestId",
        "requestParams", "response",
    }  # fmt: skip
    assert isinstance(record["timestamp"], int)
    assert set(record["response"]) == {"statusCode", "errorMessage", "result"}


def test_events_option_scales_the_background(tmp_path):
    small = samples.generate(tmp_path / "small")
    large = samples.generate(tmp_path / "large", events=20_000)
    assert small < 2_000 < 15_000 < large


def test_command_line_refuses_too_few_days(tmp_path, capsys):
    assert samples.main(["--out", str(tmp_path), "--days", "3"]) == 2
    assert "--days must be at least 28" in capsys.readouterr().err
    assert samples.main(["--out", str(tmp_path)]) == 0
    assert "wrote" in capsys.readouterr().out


def test_delivering_more_days_leaves_earlier_files_unchanged(tmp_path):
    samples.generate(tmp_path / "four_weeks", events=5_000)
    samples.generate(tmp_path / "one_more_day", events=5_000, days=29)
    before, after = _snapshot(tmp_path / "four_weeks"), _snapshot(tmp_path / "one_more_day")
    added = set(after) - set(before)
    assert added == {"workspaceId=1234567890123456/date=2026-11-23/auditlogs_0.json"}
    assert {name: after[name] for name in before} == before
