"""Fixtures for the Databricks suites: the uc_governance project run by the real
dbt-databricks adapter against the offline harness (tests/harness)."""

from __future__ import annotations

import pytest

from tests.support.harnessed import Harnessed


@pytest.fixture
def harnessed(tmp_path) -> Harnessed:
    """The project copy and demo workspace of one test."""
    return Harnessed(tmp_path)
