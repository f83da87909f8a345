"""``UcState``: the Unity Catalog state of one fake account/workspace, in pure Python.

It holds the principals (users, service principals, groups and membership), the metastore's
securables (catalogs, schemas, tables, views, volumes, functions, external locations, storage
credentials) with their owners, tags, masks and row filters, and the direct privilege grants.
It imports no SQL engine: the fake SQL warehouse (``tests.harness``) and a fake REST server
read and write the same object, so a group created over REST is one a SQL GRANT can name.

Table *data* is not state: it lives in the SQL side's DuckDB storage, which follows the
catalogs and schemas here through ``add_listener``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

from .errors import UcError, not_found
from .grants import GrantsMixin
from .model import (
    ACCOUNT_USERS,
    DEFAULT_CURRENT_USER,
    NAMESPACE,
    SYSTEM_OWNER,
    Principal,
    Securable,
    WorkspaceOptions,
    name_size,
    now,
    split_name,
)
from .principals import PrincipalsMixin

# A listener is called as ``listener(event, securable)`` with event ``"created"`` or
# ``"dropped"`` for every catalog and schema (the containers storage must mirror).
Listener = Callable[[str, Securable], None]
CONTAINERS = ("CATALOG", "SCHEMA")


class UcState(PrincipalsMixin, GrantsMixin):
    """Principals, securables, owners and grants; see tests/harness/README.md
    ("Shared Unity Catalog state") for the public API.

    A new state is "empty": the ``system`` catalog, the built-in ``account users`` group and
    ``current_user`` (the user SQL sessions run as). ``lock`` guards every change: a server
    thread holds it while it reads or writes the state (the SQL warehouse already does).
    """

    def __init__(
        self,
        current_user: str = DEFAULT_CURRENT_USER,
        *,
        options: WorkspaceOptions | None = None,
    ) -> None:
        self.options = options or WorkspaceOptions()
        self.lock = threading.RLock()
        self.version = 0
        self._listeners: list[Listener] = []
        self._last_id = 1000
        self._principals: dict[str, Principal] = {}
        self._securables: dict[tuple[str, tuple[str, ...]], Securable] = {}
        self._grants: dict[tuple[str, tuple[str, ...]], dict[str, dict[str, str]]] = {}
        self._add_principal(ACCOUNT_USERS, "group")
        self.current_user = self.add_user(current_user).name
        self.add_catalog("system", owner=SYSTEM_OWNER, comment="System catalog (auto-created)")
        # The metastore attached to the workspace (GRANT ... ON METASTORE); its owner is the
        # metastore admin (not managed by SQL): options.metastore_owner, by default the current
        # user, so the runner sees every grant unless a test says otherwise (authz.py).
        self.register(Securable("METASTORE", (), self.options.metastore_owner or self.current_user))

    # ------------------------------------------------------------------ bookkeeping
    def touch(self) -> None:
        """Record that state changed (``version`` keys information_schema snapshots)."""
        self.version += 1

    def add_listener(self, listener: Listener) -> None:
        """Call ``listener("created"|"dropped", securable)`` for catalogs and schemas from now
        on, after first replaying ``"created"`` for every existing one (parents first)."""
        for securable in self.securables("CATALOG") + self.securables("SCHEMA"):
            listener("created", securable)
        self._listeners.append(listener)

    def _notify(self, event: str, securable: Securable) -> None:
        if securable.securable_type in CONTAINERS:
            for listener in self._listeners:
                listener(event, securable)

    # ------------------------------------------------------------------ securables
    def _key(self, securable_type: str, parts: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
        size = name_size(securable_type)
        if len(parts) != size:
            raise UcError(
                "INVALID_PARAMETER_VALUE",
                f"{securable_type} name must have {size} part(s): {'.'.join(parts)}",
            )
        return NAMESPACE[securable_type], parts

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

    def relation_kinds(self) -> dict[str, str]:
        """Map of ``catalog.schema.name`` to TABLE/VIEW for every relation."""
        return {r.name: r.securable_type for r in self.relations()}

    def children(self, securable_type: str, parts: tuple[str, ...]) -> list[Securable]:
        """Everything below a catalog or schema (empty for other securable types)."""
        if securable_type not in CONTAINERS:
            return []
        return [
            s
            for s in self._securables.values()
            if s.namespace in ("SCHEMA", "RELATION", "VOLUME", "FUNCTION")
            and len(s.parts) > len(parts)
            and s.parts[: len(parts)] == parts
        ]

    def register(self, securable: Securable) -> Securable:
        """Record ``securable`` under its name (replacing any of the same name space)."""
        self._securables[self._key(securable.securable_type, securable.parts)] = securable
        self.touch()
        self._notify("created", securable)
        return securable

    def owner_name(self, owner: str | None) -> str:
        """Canonical spelling of ``owner`` (must be a known principal); default current user."""
        return self.principal(owner).name if owner else self.current_user

    def add_catalog(
        self,
        name: str | Sequence[str],
        *,
        owner: str | None = None,
        comment: str | None = None,
        managed_location: str | None = None,
    ) -> Securable:
        """Create a catalog (plus ``information_schema``, and ``default`` if configured)."""
        parts = split_name(name)
        if self.find("CATALOG", parts):
            raise UcError("CATALOG_ALREADY_EXISTS", f"Catalog '{parts[0]}' already exists.")
        system = owner == SYSTEM_OWNER
        owner_name = SYSTEM_OWNER if system else self.owner_name(owner)
        catalog = self.register(
            Securable(
                "CATALOG",
                parts,
                owner_name,
                comment=comment,
                created_by=SYSTEM_OWNER if system else self.current_user,
                managed_location=managed_location,
            )
        )
        self.register(
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
                owner=None if system else owner_name,
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
            raise UcError(
                "SCHEMA_ALREADY_EXISTS",
                f"Cannot create schema `{parts[1]}` because it already exists.",
            )
        return self.register(
            Securable(
                "SCHEMA",
                parts,
                self.owner_name(owner),
                comment=comment,
                created_by=self.current_user,
                managed_location=managed_location,
            )
        )

    def _add_leaf(
        self, securable_type: str, name: str | Sequence[str], owner: str | None, comment: str | None
    ) -> Securable:
        parts = split_name(name)
        if securable_type in ("VOLUME", "FUNCTION"):
            self.get("SCHEMA", parts[:2])
        if self.find(securable_type, parts):
            raise UcError(
                "RESOURCE_ALREADY_EXISTS", f"{securable_type} '{'.'.join(parts)}' already exists."
            )
        return self.register(
            Securable(
                securable_type,
                parts,
                self.owner_name(owner),
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

    def add_service_credential(self, name: str, *, owner: str | None = None) -> Securable:
        """Register a service credential (credentials view, purpose SERVICE)."""
        return self._add_leaf("SERVICE CREDENTIAL", name, owner, None)

    def add_connection(self, name: str, *, owner: str | None = None) -> Securable:
        """Register a Lakehouse Federation connection."""
        return self._add_leaf("CONNECTION", name, owner, None)

    @property
    def metastore(self) -> Securable:
        """The metastore attached to the workspace (``ON METASTORE``)."""
        return self.get("METASTORE", ())

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
        self._notify("dropped", securable)
