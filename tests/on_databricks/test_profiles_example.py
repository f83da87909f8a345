"""profiles.example.yml, as shipped, connects the real dbt-databricks adapter with a personal
access token or with an OAuth machine-to-machine service principal, reading everything from
the environment, and never prints a credential."""

from __future__ import annotations

import shutil

import pytest

from tests.harness import Workspace, run_dbt
from tests.support.project import REPO_ROOT, copy_project

SECRET = "dose-very-secret-value-0123456789"  # noqa: S105 - a test value, never sent anywhere
TOKEN = "dapi-fake-token-0123456789abcdef"  # noqa: S105 - a test value, never sent anywhere

COMMON = {
    "DATABRICKS_HOST": "harness.databricks.invalid",
    "DATABRICKS_HTTP_PATH": "/sql/1.0/warehouses/harness",
    "DATABRICKS_CATALOG": "main",
}
AUTH = {
    "personal access token": {"DATABRICKS_TOKEN": TOKEN},
    "OAuth machine-to-machine": {
        "DATABRICKS_CLIENT_ID": "6f1c9a52-2b1e-4c3d-9a7e-5d2f1b0c8e47",
        "DATABRICKS_CLIENT_SECRET": SECRET,
    },
}


@pytest.mark.parametrize("auth", sorted(AUTH))
def test_example_profile_connects_with_each_auth_and_hides_secrets(tmp_path, monkeypatch, auth):
    for name in ("DATABRICKS_TOKEN", "DATABRICKS_CLIENT_ID", "DATABRICKS_CLIENT_SECRET"):
        monkeypatch.delenv(name, raising=False)
    profiles = tmp_path / "profiles"
    profiles.mkdir()
    shutil.copy(REPO_ROOT / "profiles.example.yml", profiles / "profiles.yml")
    project = copy_project(tmp_path / "project")
    run = run_dbt(
        ["debug"],
        workspace=Workspace(),
        project_dir=project,
        profiles_dir=profiles,
        env={**COMMON, **AUTH[auth]},
        work_dir=tmp_path / "work",
    )
    run.assert_ok()
    assert "All checks passed!" in run.logs
    assert [s.normalized for s in run.statements if s.kind != "session"] == ["select 1 as id"]
    assert SECRET not in run.logs and TOKEN not in run.logs
