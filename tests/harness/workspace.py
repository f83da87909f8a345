"""Unity Catalog state of the fake workspace (pure Python, built for test setup).

A ``Workspace`` holds the metastore (catalogs, schemas, tables, views, volumes, functions,
external locations, storage credentials), every securable's owner, direct privilege grants,
the known principals and the user that runs dbt. Table data lives in DuckDB (``Storage``);
everything else lives here. The same object persists across ``run_dbt`` calls.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .errors import DatabricksSqlError, not_found
from .grants import GrantsMixin
from .model import (
    ACCOUNT_USERS,
    DEFAULT_CURRENT_USER,
    NAME_PARTS,
    NAMESPACE,
    SYSTEM_OWNER,
    ColumnInfo,
    Grant,
    Principal,
    Securable,
    WorkspaceOptions,
    now,
    split_name,
)
from .principals import PrincipalsMixin
from .sqltext import quote_name
from .storage import Storage, databricks_type, duck_relation

__all__ = [
    "ColumnInfo",
    "Grant",
    "Principal",
    "Securable",
    "Workspace",
    "WorkspaceOptions",
    "split_name",
]


class Workspace(PrincipalsMixin, GrantsMixin):
    """Unity Catalog metastore + principals + DuckDB data, shared by successive dbt runs.

    A new workspace is "empty": catalogs ``main`` (with ``default``) and ``system``, the
    current user, and the built-in ``account users`` group.
    """

    def __init__(
        self,
        current_user: str = DEFAULT_CURRENT_USER,
        *,
        working_catalog: str = "main",
        options: WorkspaceOptions | None = None,
        dbr_version: str = "17.3.x-scala2.13",
    ) -> None:
        self.options = options or WorkspaceOptions()
        self.working_catalog = working_catalog.lower()
        self.dbr_version = dbr_version
        self.storage = Storage()
        self.version = 0
        self._principals: dict[str, Principal] = {}
        self._securables: dict[tuple[str, tuple[str, ...]], Securable] = {}
        self._grants: dict[tuple[str, tuple[str, ...]], dict[str, dict[str, str]]] = {}
        self._principals[ACCOUNT_USERS] = Principal(ACCOUNT_USERS, "group")
        self.current_user = self.add_user(current_user).name
        self.add_catalog("system", owner=SYSTEM_OWNER, comment="System catalog (auto-created)")
        self.add_catalog(self.working_catalog, owner=self.current_user)

    # ------------------------------------------------------------------ bookkeeping
    def touch(self) -> None:
        """Record that state changed (invalidates information_schema snapshots)."""
        self.version += 1

    # ------------------------------------------------------------------ securables
    def _key(self, securable_type: str, parts: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
        namespace = NAMESPACE[securable_type]
        if len(parts) != NAME_PARTS[namespace]:
            raise DatabricksSqlError(
                "INVALID_PARAMETER_VALUE",
                f"{securable_type} name must have {NAME_PARTS[namespace]} part(s): "
                f"{'.'.join(parts)}",
            )
        return namespace, parts

    def find(self, securable_type: str, name: str | Sequence[str]) -> Securable | None:
        """Return the securable (tables/views share a name space) or None."""
        parts = split_name(name)
        return self._securables.get(self._key(securable_type, parts))

    def get(self, securable_type: str, name: str | Sequence[str]) -> Securable:
        """Return the securable or raise the Databricks not-found error for its parent chain."""
        parts = split_name(name)
        key = self._key(securable_type, parts)
        found = self._securables.get(key)
        if found is not None:
            return found
        if len(parts) >= 2 and key[0] != "SCHEMA":
            self.get("SCHEMA", parts[:2])
        if len(parts) >= 2 and ("CATALOG", parts[:1]) not in self._securables:
            raise not_found("CATALOG", parts[0])
        raise not_found(securable_type, ".".join(parts))

    def securables(self, securable_type: str | None = None) -> list[Securable]:
        """All securables (optionally of one type), sorted by type and name."""
        items = [
            s
            for s in self._securables.values()
            if securable_type is None or s.securable_type == securable_type
        ]
        return sorted(items, key=lambda s: (s.securable_type, s.parts))

    def catalogs(self) -> list[Securable]:
        """All catalogs, sorted by name."""
        return self.securables("CATALOG")

    def schemas(self, catalog: str | None = None) -> list[Securable]:
        """Schemas, optionally of one catalog."""
        return [s for s in self.securables("SCHEMA") if catalog is None or s.parts[0] == catalog]

    def relations(self, catalog: str | None = None, schema: str | None = None) -> list[Securable]:
        """Tables, views and materialized views, optionally filtered by catalog/schema."""
        return sorted(
            (
                s
                for s in self._securables.values()
                if s.namespace == "RELATION"
                and (catalog is None or s.parts[0] == catalog)
                and (schema is None or s.parts[1] == schema)
            ),
            key=lambda s: s.parts,
        )

    def children(self, securable_type: str, parts: tuple[str, ...]) -> list[Securable]:
        """Everything below a catalog or schema (empty for other securable types)."""
        if securable_type not in ("CATALOG", "SCHEMA"):
            return []
        return [
            s
            for s in self._securables.values()
            if s.namespace in ("SCHEMA", "RELATION", "VOLUME", "FUNCTION")
            and len(s.parts) > len(parts)
            and s.parts[: len(parts)] == parts
        ]

    def _register(self, securable: Securable) -> Securable:
        self._securables[self._key(securable.securable_type, securable.parts)] = securable
        self.touch()
        return securable

    def _owner(self, owner: str | None) -> str:
        return self.principal(owner).name if owner else self.current_user

    def add_catalog(
        self,
        name: str,
        *,
        owner: str | None = None,
        comment: str | None = None,
        managed_location: str | None = None,
    ) -> Securable:
        """Create a catalog (plus ``information_schema``, and ``default`` if configured)."""
        parts = split_name(name)
        if self.find("CATALOG", parts):
            raise DatabricksSqlError(
                "CATALOG_ALREADY_EXISTS", f"Catalog '{parts[0]}' already exists."
            )
        owner_name = owner if owner == SYSTEM_OWNER else self._owner(owner)
        self.storage.create_catalog(parts[0])
        catalog = self._register(
            Securable(
                "CATALOG",
                parts,
                owner_name,
                comment=comment,
                created_by=self.current_user if owner != SYSTEM_OWNER else SYSTEM_OWNER,
                managed_location=managed_location,
            )
        )
        self.storage.create_schema(parts[0], "information_schema")
        self._register(
            Securable(
                "SCHEMA",
                (parts[0], "information_schema"),
                SYSTEM_OWNER,
                comment="Information schema (auto-created)",
            )
        )
        if parts[0] != "system" and self.options.create_default_schema:
            self.add_schema(
                (parts[0], "default"),
                owner=owner_name if owner_name != SYSTEM_OWNER else None,
                comment="Default schema (auto-created)",
            )
        return catalog

    def add_schema(
        self,
        name: str | Sequence[str],
        *,
        owner: str | None = None,
        comment: str | None = None,
        managed_location: str | None = None,
    ) -> Securable:
        """Create ``catalog.schema`` (the catalog must exist)."""
        parts = split_name(name)
        if len(parts) != 2:
            raise ValueError(f"schema name must be catalog.schema, got {name!r}")
        self.get("CATALOG", parts[:1])
        if self.find("SCHEMA", parts):
            raise DatabricksSqlError(
                "SCHEMA_ALREADY_EXISTS",
                f"Cannot create schema `{parts[1]}` because it already exists.",
            )
        self.storage.create_schema(*parts)
        return self._register(
            Securable(
                "SCHEMA",
                parts,
                self._owner(owner),
                comment=comment,
                created_by=self.current_user,
                managed_location=managed_location,
            )
        )

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
        from .engine import create_table_from_columns

        parts = split_name(name)
        given = columns if columns else {"id": "bigint"}
        cols = list(given.items()) if isinstance(given, Mapping) else list(given)
        self.get("SCHEMA", parts[:2])
        create_table_from_columns(self, parts, cols)
        table = self.register_relation(
            parts,
            "TABLE",
            owner=self._owner(owner),
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

    def add_view(
        self, name: str | Sequence[str], select_sql: str, *, owner: str | None = None
    ) -> Securable:
        """Create a view from a Databricks SELECT (runs it through the fake warehouse)."""
        from .server import Warehouse

        parts = split_name(name)
        Warehouse(self).execute(f"CREATE VIEW {quote_name(parts)} AS {select_sql}")
        view = self.get("VIEW", parts)
        if owner:
            view.owner = self.principal(owner).name
        return view

    def _add_leaf(
        self, securable_type: str, name: str | Sequence[str], owner: str | None, comment: str | None
    ) -> Securable:
        parts = split_name(name)
        if securable_type in ("VOLUME", "FUNCTION"):
            self.get("SCHEMA", parts[:2])
        if self.find(securable_type, parts):
            raise DatabricksSqlError(
                "RESOURCE_ALREADY_EXISTS", f"{securable_type} '{'.'.join(parts)}' already exists."
            )
        return self._register(
            Securable(
                securable_type,
                parts,
                self._owner(owner),
                comment=comment,
                created_by=self.current_user,
            )
        )

    def add_volume(
        self, name: str | Sequence[str], *, owner: str | None = None, comment: str | None = None
    ) -> Securable:
        """Create a managed volume ``catalog.schema.volume``."""
        return self._add_leaf("VOLUME", name, owner, comment)

    def add_function(
        self, name: str | Sequence[str], *, owner: str | None = None, comment: str | None = None
    ) -> Securable:
        """Register a function ``catalog.schema.function`` (metadata only, not callable)."""
        return self._add_leaf("FUNCTION", name, owner, comment)

    def add_external_location(self, name: str, *, owner: str | None = None) -> Securable:
        """Register an external location."""
        return self._add_leaf("EXTERNAL LOCATION", name, owner, None)

    def add_storage_credential(self, name: str, *, owner: str | None = None) -> Securable:
        """Register a storage credential."""
        return self._add_leaf("STORAGE CREDENTIAL", name, owner, None)

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
        both on ``CREATE OR REPLACE``).
        """
        existing = self.find("TABLE", parts)
        if existing is not None and replace:
            relation = existing
            relation.securable_type = securable_type
            relation.last_altered = now()
            relation.view_text = view_text
            relation.comment = comment  # CREATE OR REPLACE resets the comment
        else:
            if existing is not None:
                self.drop_securable(existing)
            relation = Securable(
                securable_type,
                parts,
                owner,
                comment=comment,
                created_by=self.current_user,
                view_text=view_text,
            )
        relation.table_type = "VIEW" if securable_type == "VIEW" else "MANAGED"
        relation.data_source_format = None if securable_type == "VIEW" else "DELTA"
        self.refresh_columns(relation, declared_types or {})
        return self._register(relation)

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

    def rename_relation(self, relation: Securable, new_parts: tuple[str, ...]) -> None:
        """Move a relation (and its grants) to a new name, as ALTER ... RENAME TO does."""
        old_key = (relation.namespace, relation.parts)
        grants = self._grants.pop(old_key, None)
        self._securables.pop(old_key, None)
        relation.parts = new_parts
        relation.last_altered = now()
        self._securables[(relation.namespace, new_parts)] = relation
        if grants:
            self._grants[(relation.namespace, new_parts)] = grants
        self.touch()

    def drop_securable(self, securable: Securable) -> None:
        """Forget a securable, its children and every grant on them."""
        doomed = [securable, *self.children(securable.securable_type, securable.parts)]
        for item in doomed:
            key = (item.namespace, item.parts)
            self._securables.pop(key, None)
            self._grants.pop(key, None)
        self.touch()

    # ------------------------------------------------------------------ convenience
    def query(self, sql: str) -> list[dict[str, Any]]:
        """Run one statement as the current user (grammar-checked, not recorded in a run)."""
        from .server import Warehouse

        result = Warehouse(self).execute(sql)
        names = [d[0] for d in result.description]
        return [dict(zip(names, row, strict=True)) for row in result.rows]

    def relation_kinds(self) -> dict[str, str]:
        """Map of ``catalog.schema.name`` to TABLE/VIEW for every relation."""
        return {r.name: r.securable_type for r in self.relations()}
