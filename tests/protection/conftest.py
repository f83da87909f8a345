"""Fixtures for the data protection suites (guide §5.2)."""

from __future__ import annotations

import pytest

from tests.support.project import LocalProject


@pytest.fixture(scope="module")
def built_demo(tmp_path_factory) -> LocalProject:
    """The shipped demo built once per module on DuckDB (target local)."""
    project = LocalProject(tmp_path_factory.mktemp("protection"))
    run = project.dbt("build")
    assert run.success, run.text
    return project


@pytest.fixture
def project(tmp_path) -> LocalProject:
    """A fresh, unbuilt copy of the project that a test may edit."""
    return LocalProject(tmp_path)
