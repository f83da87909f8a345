"""The security dashboard: the Lakeview definition names built models and parses as Databricks
SQL; the static page renders every panel with data in real headless Chromium."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import sqlglot
from sqlglot import exp
from ucgov.audit import dashboard

from tests.support.chromium import dump_dom, screenshot
from tests.support.project import REPO_ROOT

DEFINITION = REPO_ROOT / "analyses/dashboards/security.lvdash.json"
UCGOV = Path(sys.executable).with_name("ucgov")


def test_every_dataset_parses_and_names_an_existing_model(audit_build):
    manifest = json.loads((audit_build.root / "target/manifest.json").read_text())
    models = {
        node["name"] for node in manifest["nodes"].values() if node["resource_type"] == "model"
    }
    definition = dashboard.load_definition(DEFINITION)
    assert definition["datasets"]
    for dataset in definition["datasets"]:
        tree = sqlglot.parse_one(dashboard.dataset_sql(dataset), read="databricks")
        tables = {table.name for table in tree.find_all(exp.Table)}
        assert tables, dataset["name"]
        assert tables <= models, (dataset["name"], tables - models)
        assert {table.db for table in tree.find_all(exp.Table)} == {"uc_governance"}


def test_every_widget_reads_a_dataset_and_its_fields(audit_build):
    definition = dashboard.load_definition(DEFINITION)
    results = dashboard.run_datasets(definition, audit_build.database)
    widgets = [item["widget"] for page in definition["pages"] for item in page["layout"]]
    assert len(widgets) == 7
    for widget in widgets:
        query = widget["queries"][0]["query"]
        columns = results[query["datasetName"]].columns
        assert {field["name"] for field in query["fields"]} <= set(columns), widget["name"]


def test_page_renders_every_panel_with_data_in_chromium(audit_build, tmp_path):
    page = tmp_path / "index.html"
    code = dashboard.main(
        [
            "--database",
            str(audit_build.database),
            "--definition",
            str(DEFINITION),
            "--out",
            str(page),
        ]
    )
    assert code == 0
    dom = dump_dom(page)
    panels = dict(re.findall(r'data-panel="([^"]+)" data-rows="(\d+)"', dom))
    assert panels.keys() == {
        "open_alert_count_counter",
        "failed_logins_trend",
        "users_by_addresses",
        "exports_trend",
        "after_hours_table",
        "open_alerts_table",
        "quarantine_table",
    }
    assert all(int(rows) > 0 for rows in panels.values()), panels
    # By hand from the planted incidents: 2 failed-login and 2 after-hours alerts; 6 quarantine
    # reasons; users ranked by addresses capped at 10.
    assert panels["open_alerts_table"] == "4"
    assert panels["after_hours_table"] == "2"
    assert panels["quarantine_table"] == "6"
    assert panels["users_by_addresses"] == "10"
    assert re.search(r'<p class="counter">4</p>', dom)
    assert dom.count("<svg") == 3
    assert "<script" not in dom and "http://" not in dom and "https://" not in dom
    shot = screenshot(page, REPO_ROOT / "target/dashboard/screenshot.png")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_console_script_writes_the_page_and_prints_the_alert_counts(audit_build, tmp_path):
    # This process's dbt-duckdb holds the build's file open (and locked): a copy for ucgov.
    database = tmp_path / "build.duckdb"
    for suffix in ("", ".wal"):
        built = Path(f"{audit_build.database}{suffix}")
        if built.exists():
            shutil.copyfile(built, f"{database}{suffix}")
    page = tmp_path / "dashboard" / "index.html"
    common = [UCGOV, "audit", "dashboard", "--database", database]
    written = subprocess.run(
        [*common, "--definition", DEFINITION, "--out", page],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert written.returncode == 0, written.stderr
    assert written.stdout == f"dashboard written to {page}\n"
    panels = dict(re.findall(r'data-panel="([^"]+)" data-rows="(\d+)"', page.read_text()))
    assert len(panels) == 7
    assert panels["open_alerts_table"] == "4"

    printed = subprocess.run(
        [*common, "--print-alerts"], capture_output=True, text=True, timeout=120, check=False
    )
    assert printed.returncode == 0, printed.stderr
    counts = {name: int(n) for name, n in (line.split() for line in printed.stdout.splitlines())}
    # By hand from the planted incidents (ucgov.audit.samples' docstring).
    assert counts == {
        "failed_login_alerts": 2,
        "after_hours_sensitive_access_alerts": 2,
        "privilege_escalation_events": 5,
        "permission_change_events": 1,
        "long_lived_token_events": 1,
        "admin_group_change_events": 1,
        "first_sensitive_access_events": 1,
        "unusual_access_events": 1,
        "audit_quarantine_events": 7,
    }


def test_values_from_the_logs_are_escaped():
    hostile = '<script>alert(1)</script>"@evil.example'
    widget = {
        "name": "w",
        "spec": {
            "widgetType": "bar",
            "encodings": {
                "x": {"fieldName": "n", "scale": {"type": "quantitative"}},
                "y": {"fieldName": "user", "scale": {"type": "categorical"}},
            },
        },
    }
    data = dashboard.Dataset(columns=("user", "n"), rows=((hostile, 3),))
    html = dashboard.render_widget(widget, data, 600, 200)
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&quot;@evil.example" in html
    table = dict(
        widget, spec={"widgetType": "table", "encodings": {"columns": [{"fieldName": "user"}]}}
    )
    assert "<script" not in dashboard.render_widget(table, data, 600, 200)


def test_unknown_widget_type_and_missing_database_are_clear_errors(tmp_path, capsys):
    widget = {"name": "w", "spec": {"widgetType": "sankey", "encodings": {}}}
    try:
        dashboard.render_widget(widget, dashboard.Dataset((), ()), 10, 10)
    except ValueError as error:
        assert "widgetType 'sankey' cannot be rendered" in str(error)
    else:
        raise AssertionError("expected a ValueError")
    assert dashboard.main(["--database", str(tmp_path / "none.duckdb")]) == 2
    assert "run `make demo` first" in capsys.readouterr().err
