"""Fake ``databricks.sql`` connection and cursor (the connector boundary dbt-databricks uses).

dbt-databricks calls ``databricks.sql.connect(**conn_args)`` (handle.py) and then only uses
``conn.cursor()``, ``cursor.execute(sql, params)``, ``fetchall/fetchone/fetchmany``,
``description``, ``cursor.schemas(...)``, ``cursor.tables(...)``, ``close``, ``cancel``,
``query_id`` and ``cursor.connection.get_session_id_hex()``; that is all this module offers.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import Any

from .backend import Backend
from .errors import as_sql_error, not_found
from .server import StatementLog, Warehouse
from .session import Result, Session


class FakeCursor:
    """DB-API cursor over a ``Warehouse``; results are fully materialized."""

    def __init__(self, connection: FakeConnection) -> None:
        self.connection = connection
        self.description: list[tuple] | None = None
        self.query_id: str | None = None
        self._rows: list[tuple[Any, ...]] = []
        self._pos = 0
        self.open = True

    def _load(self, result: Result) -> FakeCursor:
        self.description = list(result.description) if result.description else None
        self._rows = list(result.rows)
        self._pos = 0
        self.query_id = uuid.uuid4().hex
        return self

    def _check_open(self) -> None:
        if not self.open or not self.connection.open:
            raise RuntimeError("cursor or connection is closed")

    def execute(self, operation: str, parameters: Sequence[Any] | None = None) -> FakeCursor:
        """Run one statement."""
        self._check_open()
        self.description = None
        return self._load(self.connection.warehouse.execute(operation, parameters))

    def schemas(
        self, catalog_name: str | None = None, schema_name: str | None = None
    ) -> FakeCursor:
        """Metadata call: schemas matching a JDBC pattern."""
        self._check_open()
        return self._load(
            self.connection.warehouse.metadata_call("schemas", catalog_name, schema_name)
        )

    def tables(
        self,
        catalog_name: str | None = None,
        schema_name: str | None = None,
        table_name: str | None = None,
        table_types: list[str] | None = None,
    ) -> FakeCursor:
        """Metadata call: tables/views matching JDBC patterns."""
        self._check_open()
        if table_types:
            raise NotImplementedError("table_types filter is not modelled by the harness")
        return self._load(
            self.connection.warehouse.metadata_call("tables", catalog_name, schema_name, table_name)
        )

    def fetchall(self) -> list[tuple[Any, ...]]:
        """Remaining rows."""
        rows = self._rows[self._pos :]
        self._pos = len(self._rows)
        return rows

    def fetchone(self) -> tuple[Any, ...] | None:
        """Next row or None."""
        if self._pos >= len(self._rows):
            return None
        row = self._rows[self._pos]
        self._pos += 1
        return row

    def fetchmany(self, size: int = 1) -> list[tuple[Any, ...]]:
        """Up to ``size`` rows."""
        rows = self._rows[self._pos : self._pos + size]
        self._pos += len(rows)
        return rows

    def close(self) -> None:
        """Close the cursor."""
        self.open = False

    def cancel(self) -> None:
        """Nothing runs asynchronously, so there is nothing to cancel."""

    def __enter__(self) -> FakeCursor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class FakeConnection:
    """One Databricks SQL session against the workspace."""

    def __init__(self, warehouse: Warehouse) -> None:
        self.warehouse = warehouse
        self.open = True

    def cursor(self) -> FakeCursor:
        """New cursor on this session."""
        if not self.open:
            raise RuntimeError("connection is closed")
        return FakeCursor(self)

    def get_session_id_hex(self) -> str:
        """Session id as the real connector reports it."""
        return self.warehouse.session.session_id

    def close(self) -> None:
        """End the session: temporary views disappear."""
        if not self.open:
            return
        self.open = False
        with self.warehouse.ws.storage.lock:
            for view in sorted(self.warehouse.session.temp_views):
                self.warehouse.ws.storage.execute(f'DROP VIEW IF EXISTS "{view}"')
        self.warehouse.session.temp_views.clear()

    def __enter__(self) -> FakeConnection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def make_connect(ws: Backend, log: StatementLog) -> Callable[..., FakeConnection]:
    """Build a replacement for ``databricks.sql.connect`` bound to ``ws`` and ``log``."""

    def connect(**kwargs: Any) -> FakeConnection:
        """Open a session like ``databricks.sql.connect`` (credentials are never used)."""
        provider = kwargs.get("credentials_provider")
        if provider is None and not kwargs.get("access_token"):
            raise ValueError("harness connect(): no credentials_provider or access_token given")
        if provider is not None and not callable(provider):
            raise TypeError("harness connect(): credentials_provider must be callable")
        host = str(kwargs.get("server_hostname") or "")
        if not host.endswith(".invalid"):
            raise ValueError(f"harness connect(): refusing non-.invalid host {host!r}")
        catalog = str(kwargs.get("catalog") or ws.working_catalog).lower()
        schema = str(kwargs.get("schema") or "default").lower()
        if ws.state.find("CATALOG", (catalog,)) is None:
            raise as_sql_error(not_found("CATALOG", catalog))
        session = Session(
            catalog,
            schema,
            ws.state.current_user,
            conf=dict(kwargs.get("session_configuration") or {}),
        )
        return FakeConnection(Warehouse(ws, session, log=log))

    return connect
