"""Unity Catalog state shared by the fake SQL warehouse and fake REST servers.

Pure Python: no SQL engine, no DuckDB, no sqlglot. ``UcState`` is the one object; the rest
are its value types. API and sharing: tests/harness/README.md, "Shared Unity Catalog state".

    from tests.harness.state import UcState
    from tests.harness import Workspace

    state = UcState()
    state.add_group("data-readers")        # e.g. what a SCIM POST /Groups does
    ws = Workspace(state=state)            # the SQL harness on the same state
    ws.query("GRANT SELECT ON CATALOG main TO `data-readers`")
"""

from .errors import UcError, not_found
from .model import (
    ACCOUNT_USERS,
    DEFAULT_CURRENT_USER,
    SYSTEM_OWNER,
    WORKSPACE_LOCAL_GROUPS,
    ColumnInfo,
    Grant,
    Principal,
    PrincipalKind,
    Securable,
    WorkspaceOptions,
    name_size,
    now,
    split_name,
)
from .uc import Listener, UcState

__all__ = [
    "ACCOUNT_USERS",
    "DEFAULT_CURRENT_USER",
    "SYSTEM_OWNER",
    "WORKSPACE_LOCAL_GROUPS",
    "ColumnInfo",
    "Grant",
    "Listener",
    "Principal",
    "PrincipalKind",
    "Securable",
    "UcError",
    "UcState",
    "WorkspaceOptions",
    "name_size",
    "not_found",
    "now",
    "split_name",
]
