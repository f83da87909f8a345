"""Data model of the fake Unity Catalog: principals, securables, grants and options.

Names are case-insensitive in Unity Catalog and stored lower-case; principals are compared
case-insensitively and reported in their registered (canonical) spelling.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from ..sqltext import TokenStream, quote_name, tokenize

PrincipalKind = Literal["user", "group", "service_principal"]
SYSTEM_OWNER = "System user"
ACCOUNT_USERS = "account users"
# Workspace-local groups: they exist in the workspace but cannot receive UC grants.
WORKSPACE_LOCAL_GROUPS = ("users", "admins")
DEFAULT_CURRENT_USER = "dbt-runner@example.com"
# Namespace of each securable type: tables, views and materialized views share one.
NAMESPACE = {
    "CATALOG": "CATALOG",
    "SCHEMA": "SCHEMA",
    "TABLE": "RELATION",
    "VIEW": "RELATION",
    "MATERIALIZED VIEW": "RELATION",
    "VOLUME": "VOLUME",
    "FUNCTION": "FUNCTION",
    "EXTERNAL LOCATION": "EXTERNAL LOCATION",
    "STORAGE CREDENTIAL": "STORAGE CREDENTIAL",
    "SERVICE CREDENTIAL": "SERVICE CREDENTIAL",
    "CONNECTION": "CONNECTION",
    "METASTORE": "METASTORE",
}
NAME_PARTS = {
    "CATALOG": 1,
    "SCHEMA": 2,
    "RELATION": 3,
    "VOLUME": 3,
    "FUNCTION": 3,
    "EXTERNAL LOCATION": 1,
    "STORAGE CREDENTIAL": 1,
    "SERVICE CREDENTIAL": 1,
    "CONNECTION": 1,
    # The metastore attached to the workspace: SQL names it without a name (ON METASTORE).
    "METASTORE": 0,
}
# Name parts of securable types the state does not model but statements may name.
_OTHER_NAME_PARTS = {"SHARE": 1}
METASTORE_ID = "11111111-2222-3333-4444-555555555555"


def name_size(securable_type: str) -> int:
    """How many parts a full name of ``securable_type`` has (``TABLE`` -> 3, ``SCHEMA`` -> 2)."""
    if securable_type in NAMESPACE:
        return NAME_PARTS[NAMESPACE[securable_type]]
    return _OTHER_NAME_PARTS.get(securable_type, 3)


def now() -> dt.datetime:
    """Current UTC time, naive, to the second (what information_schema shows)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def split_name(name: str | Sequence[str]) -> tuple[str, ...]:
    """Turn ``'c.s.t'``, ``'`c`.`s`.`t`'`` or a sequence into lower-case name parts."""
    if isinstance(name, str):
        stream = TokenStream(tokenize(name))
        parts = stream.dotted_name()
        stream.expect_end()
    else:
        parts = tuple(name)
    return tuple(p.lower() for p in parts)


@dataclass
class Principal:
    """A user (email), service principal (application id) or account group.

    ``name`` is what SQL names the principal by (GRANT ... TO `name`): the user's email, the
    service principal's application id, the group's name. ``display_name`` is the SCIM
    ``displayName`` (a service principal's human name); ``id`` is the state-assigned SCIM id
    (a decimal string, unique in the state). ``members`` holds lower-cased member names.
    """

    name: str
    kind: PrincipalKind
    members: set[str] = field(default_factory=set)
    display_name: str | None = None
    id: str = ""


@dataclass
class ColumnInfo:
    """One column of a table or view, with its Databricks type spelling."""

    name: str
    data_type: str
    comment: str | None = None
    nullable: bool = True
    duck_type: str | None = None


@dataclass
class Securable:
    """Any Unity Catalog securable; relation-only fields stay empty for the others."""

    securable_type: str
    parts: tuple[str, ...]
    owner: str
    comment: str | None = None
    created_by: str = SYSTEM_OWNER
    created: dt.datetime = field(default_factory=now)
    last_altered: dt.datetime = field(default_factory=now)
    properties: dict[str, str] = field(default_factory=dict)
    tags: dict[str, str] = field(default_factory=dict)
    columns: list[ColumnInfo] = field(default_factory=list)
    column_tags: dict[str, dict[str, str]] = field(default_factory=dict)
    column_masks: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    row_filter: tuple[str, tuple[str, ...]] | None = None
    view_text: str | None = None
    table_type: str | None = None
    data_source_format: str | None = None
    managed_location: str | None = None
    partition_by: tuple[str, ...] = ()
    # Views only: relations and information_schema views the definition reads, so reading
    # the view can refresh the information_schema snapshots it depends on.
    depends_on: tuple[tuple[str, ...], ...] = ()

    @property
    def name(self) -> str:
        """Dotted full name, unquoted (``main.sales.orders``)."""
        return ".".join(self.parts)

    @property
    def quoted_name(self) -> str:
        """Backtick-quoted full name."""
        return quote_name(self.parts)

    @property
    def namespace(self) -> str:
        """Name space the securable lives in (tables and views share ``RELATION``)."""
        return NAMESPACE[self.securable_type]


@dataclass(frozen=True)
class Grant:
    """One direct privilege grant."""

    securable_type: str
    securable_name: str
    principal: str
    privilege: str
    grantor: str


@dataclass
class WorkspaceOptions:
    """Choices the facts file marks **verify**; each is kept in exactly one place.

    * ``inherited_from_direct``: what ``INHERITED_FROM`` holds on a direct grant row in the
      information_schema privilege views: ``'NONE'`` (default: what Databricks warehouses
      answer, see docs.databricks.com/sql/language-manual/information-schema/
      table_privileges.html) or ``None`` (SQL NULL, the older documented spelling).
    * ``privilege_spelling``: how the privilege views spell ``PRIVILEGE_TYPE``:
      ``'underscore'`` (default: ``USE_CATALOG``, what a live warehouse lists) or ``'space'``
      (``USE CATALOG``, the GRANT spelling; kept so tests prove both are read).
    * ``info_schema_column_case``: ``'lower'`` (default) or ``'upper'`` column names for the
      privilege views and ``catalogs``/``schemata``. dbt-databricks reads
      ``row["table_name"]`` from ``information_schema.tables``, which shows a real warehouse
      answers lower-case; ``'upper'`` exists to prove the project matches columns
      case-insensitively. ``tables``/``views``/``columns``/tag/filter/mask views stay lower.
    * ``routine_schema_column``: ``routine_schema`` (default) or ``routne_schema``.
    * ``show_grants_view_object_type``: ``objectType`` SHOW GRANTS reports for a view's own
      grants (dbt-databricks only keeps rows whose objectType is ``TABLE``).
    * ``create_default_schema``: whether CREATE CATALOG also creates ``<catalog>.default``.
    * ``metastore_root_storage``: whether the metastore has root storage. Default ``False``:
      workspaces enabled for Unity Catalog automatically get a metastore without one, and
      CREATE CATALOG there needs MANAGED LOCATION (docs.databricks.com/sql/language-manual/
      sql-ref-syntax-ddl-create-catalog.html; "Specify a managed storage location"). The
      stricter reading is taken: it fails without one even with IF NOT EXISTS, before the
      existence check.
    * ``metastore_owner``: the metastore's owner, i.e. its admin (a user or a group):
      ``None`` (default) makes the current user the owner, so the runner is a metastore
      admin and sees every grant, as before; a group the runner is not in makes it a
      non-admin runner whose privilege-view rows are filtered (``tests/harness/authz.py``).
    * ``list_visible_only``: whether the information_schema object views (catalogs, schemata,
      tables, volumes, routines, the metastore-level object views) list only what the runner
      may see: BROWSE, a privilege, ownership, metastore admin (``authz.sees_securable``,
      documented behaviour). Default ``True``, the real behaviour; ``False`` lists everything
      (the kinder harness before this rule). A non-admin runner needs BROWSE on the catalogs
      it manages to keep listing what it hands to other owners (docs/decisions/0043).
    * ``policy_set_replaces``: what ``ALTER COLUMN c SET MASK f`` does on a column that already
      has a mask, and ``SET ROW FILTER f ON (...)`` on a table that already has a row filter.
      The SQL reference (docs.databricks.com/sql/language-manual/sql-ref-syntax-ddl-column-
      mask.html, .../sql-ref-syntax-ddl-row-filter.html, .../sql-ref-syntax-ddl-alter-table.html)
      does not say. Default ``False``, the stricter reading: refused, the existing one must be
      dropped first (uc_governance's plan does, docs/decisions/0050). ``True`` replaces it,
      as dbt-databricks 1.12 assumes (it sends SET without a DROP when a model's filter
      changes).
    """

    inherited_from_direct: str | None = "NONE"
    privilege_spelling: Literal["underscore", "space"] = "underscore"
    info_schema_column_case: Literal["lower", "upper"] = "lower"
    routine_schema_column: str = "routine_schema"
    show_grants_view_object_type: str = "TABLE"
    create_default_schema: bool = True
    metastore_root_storage: bool = False
    metastore_owner: str | None = None
    list_visible_only: bool = True
    policy_set_replaces: bool = False
