"""``Workspace``: the fake Databricks workspace tests set up and dbt runs against.

A ``Workspace`` is a ``Backend`` (shared ``UcState`` + DuckDB data + warehouse settings)
with the conveniences that need the SQL warehouse itself (``query``, ``add_view``). Every
public ``UcState`` method and attribute is also reachable on the workspace
(``ws.add_group(...)`` is ``ws.state.add_group(...)``), so test set-up reads naturally. The
same object persists across ``run_dbt`` calls.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .backend import Backend
from .server import Warehouse
from .sqltext import quote_name
from .state import ColumnInfo, Grant, Principal, Securable, WorkspaceOptions, split_name

__all__ = [
    "ColumnInfo",
    "Grant",
    "Principal",
    "Securable",
    "Workspace",
    "WorkspaceOptions",
    "split_name",
]


class Workspace(Backend):
    """Unity Catalog metastore + principals + DuckDB data, shared by successive dbt runs.

    ``Workspace()`` is "empty": catalogs ``main`` (with ``default``) and ``system``, the
    current user and the built-in ``account users`` group. ``Workspace(state=state)`` runs
    SQL against a ``UcState`` another fake (e.g. a REST server) shares.
    """

    def __getattr__(self, name: str) -> Any:
        """Delegate to the Unity Catalog state (only called for names not found here)."""
        if name.startswith("_") or name == "state":
            raise AttributeError(name)
        return getattr(self.state, name)

    def __dir__(self) -> list[str]:
        return sorted({*super().__dir__(), *(n for n in dir(self.state) if not n.startswith("_"))})

    def query(self, sql: str) -> list[dict[str, Any]]:
        """Run one statement as the current user (grammar-checked, not recorded in a run)."""
        result = Warehouse(self).execute(sql)
        names = [d[0] for d in result.description]
        return [dict(zip(names, row, strict=True)) for row in result.rows]

    def add_view(
        self, name: str | Sequence[str], select_sql: str, *, owner: str | None = None
    ) -> Securable:
        """Create a view from a Databricks SELECT (runs it through the fake warehouse)."""
        parts = split_name(name)
        Warehouse(self).execute(f"CREATE VIEW {quote_name(parts)} AS {select_sql}")
        view = self.state.get("VIEW", parts)
        if owner:
            view.owner = self.state.principal(owner).name
        return view
