"""What the fake SQL warehouse answers from: Unity Catalog state plus DuckDB data.

``Backend`` joins the shared ``UcState`` (principals, securables, owners, grants), the
DuckDB ``Storage`` that mirrors the state's catalogs and schemas and holds table data, and
the warehouse settings (dbt's working catalog, the DBR version SQL reports). The SQL side
(``engine``, ``governance``, ``metadata``, ``infoschema``, ``server``) reads and writes the
state through ``backend.state`` and the data through ``backend.storage``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .state import (
    DEFAULT_CURRENT_USER,
    ColumnInfo,
    Securable,
    UcState,
    WorkspaceOptions,
    now,
    split_name,
)
from .storage import Storage, databricks_type, duck_relation


class Backend:
    """Unity Catalog state + DuckDB storage + warehouse settings.

    Without ``state`` a new ``UcState(current_user, options=options)`` is created; with one,
    ``current_user`` and ``options`` come from it (passing them too is an error). The working
    catalog is created (owned by the current user) when the state does not have it yet.
    """

    def __init__(
        self,
        current_user: str | None = None,
        *,
        state: UcState | None = None,
        working_catalog: str = "main",
        options: WorkspaceOptions | None = None,
        dbr_version: str = "17.3.x-scala2.13",
    ) -> None:
        if state is not None and (current_user is not None or options is not None):
            raise ValueError("current_user and options come from the shared state")
        if state is None:
            state = UcState(current_user or DEFAULT_CURRENT_USER, options=options)
        self.state = state
        self.working_catalog = working_catalog.lower()
        self.dbr_version = dbr_version
        self.storage = Storage(lock=state.lock)
        # Cloud storage URL prefix -> local folder holding its files (mount_storage).
        self.storage_mounts: dict[str, Path] = {}
        state.add_listener(self._mirror)
        if state.find("CATALOG", (self.working_catalog,)) is None:
            state.add_catalog(self.working_catalog)

    def mount_storage(self, url: str, folder: Path) -> None:
        """Serve the files under the cloud storage URL ``url`` (e.g. ``s3://bucket/prefix/``)
        from the local ``folder``: what an external table's LOCATION reads."""
        self.storage_mounts[url.rstrip("/") + "/"] = Path(folder)

    def mounted_folder(self, location: str) -> tuple[str, Path] | None:
        """(URL prefix, local folder) of the mount holding ``location``, or None."""
        wanted = location.rstrip("/") + "/"
        for prefix, folder in self.storage_mounts.items():
            if wanted.startswith(prefix):
                return prefix, folder / wanted[len(prefix) :]
        return None

    def _mirror(self, event: str, securable: Securable) -> None:
        """Keep DuckDB's databases and schemas in step with the state's catalogs/schemas."""
        if securable.securable_type == "CATALOG":
            if event == "created":
                self.storage.create_catalog(securable.parts[0])
            else:
                self.storage.drop_catalog(securable.parts[0])
        elif event == "created":
            self.storage.create_schema(*securable.parts)
        else:
            self.storage.drop_schema(*securable.parts)

    def add_table(
        self,
        name: str | Sequence[str],
        columns: Mapping[str, str] | Sequence[tuple[str, str]] | None = None,
        *,
        rows: Sequence[Sequence[Any]] = (),
        owner: str | None = None,
        comment: str | None = None,
    ) -> Securable:
        """Create a managed Delta table with Databricks-typed ``columns`` and optional rows.

        ``columns`` defaults to ``{"id": "bigint"}``; schema and catalog must exist.
        """
        parts = split_name(name)
        given = columns if columns else {"id": "bigint"}
        cols = list(given.items()) if isinstance(given, Mapping) else list(given)
        self.state.get("SCHEMA", parts[:2])
        self.storage.create_table(parts, cols)
        table = self.register_relation(
            parts,
            "TABLE",
            owner=self.state.owner_name(owner),
            comment=comment,
            declared_types=dict(cols),
        )
        if rows:
            placeholders = ", ".join("?" for _ in cols)
            for row in rows:
                self.storage.execute(
                    f"INSERT INTO {duck_relation(parts)} VALUES ({placeholders})", list(row)
                )
        return table

    def register_relation(
        self,
        parts: tuple[str, ...],
        securable_type: str,
        *,
        owner: str,
        comment: str | None = None,
        view_text: str | None = None,
        declared_types: Mapping[str, str] | None = None,
        replace: bool = False,
    ) -> Securable:
        """Record a table/view whose DuckDB object already exists; refresh its columns.

        With ``replace`` an existing relation keeps its owner and grants (Databricks keeps
        both on ``CREATE OR REPLACE``), and its row filter and column masks: "Manually apply
        row filters and column masks" (docs.databricks.com/data-governance/unity-catalog/
        filters-and-masks/manually-apply) says REPLACE TABLE retains an existing row filter
        whatever the schema change, and the masks of columns kept by name. A mask left on a
        column the new table lacks stays recorded, so reading the table is refused (stricter).
        """
        existing = self.state.find("TABLE", parts)
        if existing is not None and replace:
            relation = existing
            relation.securable_type = securable_type
            relation.last_altered = now()
            relation.view_text = view_text
            relation.comment = comment  # CREATE OR REPLACE resets the comment
        else:
            if existing is not None:
                self.state.drop_securable(existing)
            relation = Securable(
                securable_type,
                parts,
                owner,
                comment=comment,
                created_by=self.state.current_user,
                view_text=view_text,
            )
        relation.table_type = "VIEW" if securable_type == "VIEW" else "MANAGED"
        relation.data_source_format = None if securable_type == "VIEW" else "DELTA"
        self.refresh_columns(relation, declared_types or {})
        return self.state.register(relation)

    def refresh_columns(self, relation: Securable, declared: Mapping[str, str]) -> None:
        """Re-read column names/types from DuckDB, keeping declared Databricks types/comments."""
        lowered = {k.lower(): v for k, v in declared.items()}
        old = {c.name.lower(): c for c in relation.columns}
        columns = []
        for col_name, duck_type in self.storage.columns_of(relation.parts):
            key = col_name.lower()
            prev = old.get(key)
            if key in lowered:
                data_type = lowered[key]
            elif prev is not None and prev.duck_type == duck_type:
                data_type = prev.data_type
            else:
                data_type = databricks_type(duck_type)
            columns.append(
                ColumnInfo(
                    col_name,
                    data_type.lower(),
                    comment=prev.comment if prev else None,
                    duck_type=duck_type,
                )
            )
        relation.columns = columns
