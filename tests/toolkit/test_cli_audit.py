"""`ucgov audit samples` and `ucgov audit dashboard` through the installed console script: the
files they write, their exit codes, and bad arguments refused with a clear message and nothing
written. (The dashboard on a real build: tests/audit/test_dashboard.py.)"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

UCGOV = Path(sys.executable).with_name("ucgov")
REPO = Path(__file__).resolve().parents[2]
FOLDER = "workspaceId=1234567890123456"


def run_ucgov(*args: str | Path, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """Run the installed console script, as a user would."""
    command = [str(UCGOV), *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=cwd)


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*.json"))
    }


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("audit", "--help"), ("Usage: ucgov audit [OPTIONS] COMMAND", "samples", "dashboard")),
        (
            ("audit", "samples", "--help"),
            (
                "Usage: ucgov audit samples [OPTIONS]",
                "--out",
                "--start",
                "--days",
                "--seed",
                # every default shown (the audit commands' context settings)
                "[default: target/sample_audit_logs]",
                "[default: 2026-10-26]",
                "more adds background days. [default: 28]",
                "[default: 0; x>=0]",
            ),
        ),
        (
            ("audit", "dashboard", "-h"),
            (
                "Usage: ucgov audit dashboard [OPTIONS]",
                "--database",
                "--definition",
                "--print-alerts",
                "[default: target/local/uc_governance_local.duckdb]",
                "[default: analyses/dashboards/security.lvdash.json]",
                "[default: target/dashboard/index.html]",
            ),
        ),
    ],
)
def test_help(args: tuple[str, ...], expected: tuple[str, ...]) -> None:
    result = run_ucgov(*args)
    assert result.returncode == 0, result.stderr
    shown = " ".join(result.stdout.split())  # help text as one line, however click wraps it
    assert all(text in shown for text in expected), result.stdout


def test_samples_writes_four_weeks_deterministically(tmp_path: Path) -> None:
    out = tmp_path / "logs"
    result = run_ucgov("audit", "samples", "--out", out)
    assert result.returncode == 0, result.stderr
    # 1,534 lines: the count the generator's docstring and tests/audit derive by hand.
    assert re.fullmatch(
        rf"wrote 1534 audit events to {re.escape(str(out))} in \d+\.\ds\n", result.stdout
    )
    days = sorted(path.name for path in (out / FOLDER).iterdir())
    assert len(days) == 28
    assert (days[0], days[-1]) == ("date=2026-10-26", "date=2026-11-22")
    assert (out / FOLDER / "date=2026-11-22" / "auditlogs_bad.json").is_file()
    lines = [line for path in out.rglob("*.json") for line in path.read_text().splitlines() if line]
    assert len(lines) == 1534
    assert json.loads(lines[0])["serviceName"]

    again = run_ucgov("audit", "samples", "--out", tmp_path / "again")
    assert again.returncode == 0, again.stderr
    assert _digest(tmp_path / "again") == _digest(out)


def test_samples_one_more_day(tmp_path: Path) -> None:
    out = tmp_path / "logs"
    result = run_ucgov("audit", "samples", "--out", out, "--days", "29", "--start", "2026-10-26")
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in (out / FOLDER).iterdir())[-1] == "date=2026-11-23"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--days", "3"),
            "error: --days must be at least 28 (the planted incidents span 4 weeks); got 3\n",
        ),
        (("--days", "three"), "Invalid value for '--days': 'three' is not a valid integer."),
        (("--start", "2026-13-01"), "Invalid value for '--start': '2026-13-01' does not match"),
        (("--events", "-5"), "Invalid value for '--events': -5 is not in the range x>=0."),
        (("--bogus",), "Error: No such option '--bogus'."),
    ],
)
def test_samples_refuses_bad_arguments_and_writes_nothing(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    out = tmp_path / "logs"
    result = run_ucgov("audit", "samples", "--out", out, *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert result.stdout == ""
    assert not out.exists()


def _empty_database(path: Path) -> Path:
    duckdb.connect(str(path)).close()  # a real DuckDB file, without the audit models
    return path


@pytest.mark.parametrize("print_alerts", [(), ("--print-alerts",)])
def test_dashboard_refuses_a_missing_database(tmp_path: Path, print_alerts: tuple[str, ...]):
    page = tmp_path / "page.html"
    missing = tmp_path / "none.duckdb"
    result = run_ucgov("audit", "dashboard", "--database", missing, "--out", page, *print_alerts)
    assert result.returncode == 2
    assert result.stderr == f"error: {missing} does not exist; run `make demo` first\n"
    assert not page.exists()


def test_dashboard_refuses_a_file_that_is_not_duckdb(tmp_path: Path) -> None:
    database = tmp_path / "notes.duckdb"
    database.write_text("not a database")
    page = tmp_path / "page.html"
    result = run_ucgov("audit", "dashboard", "--database", database, "--out", page)
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: {database}: DuckDB cannot open it (")
    assert not page.exists()


def test_dashboard_names_the_dataset_a_database_without_the_models_lacks(tmp_path: Path):
    database = _empty_database(tmp_path / "empty.duckdb")
    page = tmp_path / "page.html"
    result = run_ucgov("audit", "dashboard", "--database", database, "--out", page)
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: {database}: dataset 'failed_logins_by_day' failed: ")
    assert "uc_governance.login_events" in result.stderr
    assert not page.exists()
    alerts = run_ucgov("audit", "dashboard", "--database", database, "--print-alerts")
    assert alerts.returncode == 2
    assert "uc_governance.failed_login_alerts" in alerts.stderr


@pytest.mark.parametrize(
    ("definition_text", "problem"),
    [
        ("{not json", "not valid JSON (Expecting property name"),
        ('{"pages": []}', "not a Lakeview dashboard definition (no 'datasets')"),
    ],
)
def test_dashboard_refuses_a_bad_definition(
    tmp_path: Path, definition_text: str, problem: str
) -> None:
    database = _empty_database(tmp_path / "empty.duckdb")
    definition = tmp_path / "bad.lvdash.json"
    definition.write_text(definition_text)
    page = tmp_path / "page.html"
    result = run_ucgov(
        "audit", "dashboard", "--database", database, "--definition", definition, "--out", page
    )
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: {definition}: {problem}")
    assert not page.exists()
