"""Offline Databricks harness: the real dbt-databricks adapter against a fake SQL warehouse.

Public API::

    from tests.harness import Workspace, run_dbt

    ws = Workspace()                       # catalogs main + system, current user
    ws = Workspace(state=state)            # or: SQL over a UcState a REST fake shares
    ws.add_group("data-readers")
    run = run_dbt(["build"], workspace=ws, project_dir=path)
    run.assert_ok()
    run.governance_statements()            # GRANTs etc., in order
"""

from .backend import Backend
from .errors import (
    CannotAnswerError,
    DatabricksSqlError,
    GrammarError,
    HarnessError,
    NetworkBlockedError,
)
from .runner import HarnessRun, run_dbt, write_profiles
from .server import StatementLog, Warehouse
from .session import Result, Session
from .state import UcError, UcState
from .statements import GOVERNANCE_KINDS, KINDS, Statement, Target
from .workspace import (
    ColumnInfo,
    Grant,
    Principal,
    Securable,
    Workspace,
    WorkspaceOptions,
)

__all__ = [
    "GOVERNANCE_KINDS",
    "KINDS",
    "Backend",
    "CannotAnswerError",
    "ColumnInfo",
    "DatabricksSqlError",
    "GrammarError",
    "Grant",
    "HarnessError",
    "HarnessRun",
    "NetworkBlockedError",
    "Principal",
    "Result",
    "Securable",
    "Session",
    "Statement",
    "StatementLog",
    "Target",
    "UcError",
    "UcState",
    "Warehouse",
    "Workspace",
    "WorkspaceOptions",
    "run_dbt",
    "write_profiles",
]
