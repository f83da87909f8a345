"""Fixtures for the DuckDB (target local) suites."""

from __future__ import annotations

import pytest

from tests.support.project import LocalProject


@pytest.fixture(scope="module")
def built_demo(tmp_path_factory) -> tuple[LocalProject, object]:
    """The shipped demo organisation, built once per module with `dbt build`."""
    project = LocalProject(tmp_path_factory.mktemp("demo"))
    run = project.dbt("build")
    assert run.success, run.text
    return project, run


@pytest.fixture
def project(tmp_path) -> LocalProject:
    """A fresh, unbuilt copy of the project that a test may edit."""
    return LocalProject(tmp_path)
