"""The grants-config project generator, run through dbt-databricks' own grants: config."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.harness import Workspace, run_dbt
from tests.harness.fixtures import write_grants_config_project


def test_grants_config_project_sends_one_grant_per_table_and_principal(tmp_path: Path) -> None:
    project = write_grants_config_project(tmp_path / "p", tables=3, principals=2)
    ws = Workspace()
    project.register_principals(ws)
    run = run_dbt(
        ["run"],
        workspace=ws,
        project_dir=project.path,
        schema="uc_governance",
        work_dir=tmp_path / "w",
    )
    run.assert_ok()
    grants = run.statements_of("grant")
    assert len(grants) == project.expected_grant_count == 6
    assert grants[0].normalized == (
        "grant select on `main`.`uc_governance`.`grants_table_0001` to `bench-group-0001`"
    )
    assert len(ws.grants) == 6
    assert len(run.writes) == 3 + 6 + 1  # CREATE TABLE x3, GRANT x6, CREATE SCHEMA


def test_run_dbt_needs_a_schema_or_a_profile(tmp_path: Path) -> None:
    project = write_grants_config_project(tmp_path / "p", tables=1, principals=1)
    with pytest.raises(ValueError, match=r"pass schema= .* or profiles_dir="):
        run_dbt(["run"], workspace=Workspace(), project_dir=project.path)
