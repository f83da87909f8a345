"""Fixtures for the harness self-tests: one tiny dbt project, built twice, shared per module."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.harness import Workspace, run_dbt
from tests.harness.fixtures import Built, write_tiny_project

READERS = ("data-readers", "account users")


@pytest.fixture(scope="session")
def tiny_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The generated tiny project (seed, table with grants, view, data tests)."""
    return write_tiny_project(tmp_path_factory.mktemp("tiny"), readers=READERS)


@pytest.fixture(scope="session")
def built(tiny_project: Path, tmp_path_factory: pytest.TempPathFactory) -> Built:
    """Build the tiny project twice against one workspace."""
    ws = Workspace()
    ws.add_group("data-readers")
    work = tmp_path_factory.mktemp("runs")
    runs = {"workspace": ws, "project_dir": tiny_project, "schema": "uc_governance"}
    first = run_dbt(["build"], **runs, work_dir=work / "1")
    second = run_dbt(["build"], **runs, work_dir=work / "2")
    return Built(ws, tiny_project, first, second)


@pytest.fixture
def ws() -> Workspace:
    """A fresh workspace with a few principals and a ``sales`` catalog."""
    workspace = Workspace()
    workspace.add_group("analysts", members=["ana@example.com"])
    workspace.add_user("ana@example.com")
    workspace.add_group("data-engineers")
    workspace.add_catalog("sales")
    workspace.add_schema("sales.raw")
    workspace.add_table("sales.raw.orders", {"id": "bigint", "amount": "decimal(10,2)"})
    return workspace
