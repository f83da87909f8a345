"""Fixtures for the toolkit suites: a fresh fake workspace per test, no ambient SDK config."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fake_workspace import FakeWorkspace


@pytest.fixture(autouse=True)
def _no_ambient_databricks_config(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never see the machine's DATABRICKS_* variables or ~/.databrickscfg."""
    import os

    for name in list(os.environ):
        if name.startswith("DATABRICKS_") or name.startswith("UCGOV_"):
            monkeypatch.delenv(name)


@pytest.fixture
def fake() -> Iterator[FakeWorkspace]:
    """A started fake workspace whose caller address is inside the shipped allow lists."""
    server = FakeWorkspace(caller_address="203.0.113.10").start()
    try:
        yield server
    finally:
        server.stop()
