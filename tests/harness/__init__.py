"""Offline Databricks harness: the real dbt-databricks adapter against a fake SQL warehouse.

Public API::

    from tests.harness import Workspace, run_dbt

    ws = Workspace()                       # catalogs main + system, current user
    ws = Workspace(state=state)            # or: SQL over a UcState a REST fake shares
    ws.add_group("data-readers")
    run = run_dbt(["build"], workspace=ws, project_dir=path, schema="analytics")
    run.assert_ok()
    run.governance_statements()            # GRANTs etc., in order

Names are loaded on first use, so ``import tests.harness.state`` (the Unity Catalog state a
REST fake shares) loads no SQL engine: no DuckDB, sqlglot, connector or dbt.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

# Public name -> module of this package that defines it.
_EXPORTS = {
    "Backend": "backend",
    "CannotAnswerError": "errors",
    "DatabricksSqlError": "errors",
    "GrammarError": "errors",
    "HarnessError": "errors",
    "NetworkBlockedError": "errors",
    "HarnessRun": "runner",
    "run_dbt": "runner",
    "write_profiles": "runner",
    "StatementLog": "server",
    "Warehouse": "server",
    "Result": "session",
    "Session": "session",
    "ColumnInfo": "state",
    "Grant": "state",
    "Principal": "state",
    "Securable": "state",
    "UcError": "state",
    "UcState": "state",
    "WorkspaceOptions": "state",
    "GOVERNANCE_KINDS": "statements",
    "KINDS": "statements",
    "Statement": "statements",
    "Target": "statements",
    "Workspace": "workspace",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    """Import the module that defines ``name`` on first use (PEP 562)."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})
