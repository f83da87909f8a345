"""Fixtures for the audit suites: the sample logs and the audit models built on them (DuckDB)."""

from __future__ import annotations

from pathlib import Path

import pytest
from ucgov.audit.samples import generate

from tests.support.audit import audit_vars
from tests.support.project import LocalProject


@pytest.fixture(scope="session")
def sample_logs(tmp_path_factory) -> Path:
    """The shipped sample logs (default options), generated once."""
    out = tmp_path_factory.mktemp("audit_logs") / "logs"
    generate(out)
    return out


@pytest.fixture(scope="session")
def audit_build(tmp_path_factory, sample_logs) -> LocalProject:
    """The project built on the sample logs (every audit model and its tests)."""
    project = LocalProject(tmp_path_factory.mktemp("audit_build"))
    run = project.dbt("build", "--select", "+models/marts/audit", "--vars", audit_vars(sample_logs))
    assert run.success, run.text
    return project
