"""Semantics of the governance statements against the workspace state.

GRANT / REVOKE (several privileges, ALL PRIVILEGES), SHOW GRANTS, ALTER ... OWNER TO,
CREATE CATALOG / CREATE SCHEMA (the creator owns what it creates) and [UN]SET TAGS.
Errors imitate Databricks: missing securable, privilege not applicable to the securable
type, unknown principal (workspace-local ``users``/``admins`` included).
"""

from __future__ import annotations

from . import dcl
from .backend import Backend
from .errors import CannotAnswerError, DatabricksSqlError, not_found
from .session import Result, Session
from .state import Securable, name_size
from .state.privileges import SUPPORTED_TYPES, shows_on_child


def _qualified(ref: dcl.SecurableRef, session: Session) -> tuple[str, ...]:
    size = name_size(ref.securable_type)
    parts = session.qualify(ref.parts, size)
    if len(parts) != size:
        raise DatabricksSqlError(
            "INVALID_PARAMETER_VALUE",
            f"{ref.securable_type} name has too many parts: {'.'.join(ref.parts)}",
        )
    return parts


def _resolve(ws: Backend, ref: dcl.SecurableRef, session: Session, sql: str) -> Securable:
    if ref.securable_type not in SUPPORTED_TYPES:
        raise CannotAnswerError(f"securable type {ref.securable_type} is not modelled", sql)
    parts = _qualified(ref, session)
    return ws.state.resolve_for_grant(ref.securable_type, parts)


def grant_or_revoke(ws: Backend, session: Session, stmt: dcl.GrantStmt, sql: str) -> Result:
    """Apply one GRANT or REVOKE."""
    securable = _resolve(ws, stmt.securable, session, sql)
    if stmt.action == "GRANT":
        ws.state.grant(
            securable.securable_type,
            securable.parts,
            stmt.principal,
            stmt.privileges,
            grantor=session.user,
        )
    else:
        ws.state.revoke(securable.securable_type, securable.parts, stmt.principal, stmt.privileges)
    return Result.statement()


def set_owner(ws: Backend, session: Session, stmt: dcl.OwnerStmt, sql: str) -> Result:
    """ALTER <type> name OWNER TO principal."""
    securable = _resolve(ws, stmt.securable, session, sql)
    ws.state.set_owner(securable.securable_type, securable.parts, stmt.principal)
    return Result.statement()


def create_container(ws: Backend, session: Session, stmt: dcl.CreateContainerStmt) -> Result:
    """CREATE CATALOG / CREATE SCHEMA [IF NOT EXISTS]; the session user becomes the owner."""
    if stmt.securable_type == "CATALOG":
        if len(stmt.parts) != 1:
            raise DatabricksSqlError("INVALID_PARAMETER_VALUE", "catalog names have one part")
        if stmt.managed_location is None and not ws.state.options.metastore_root_storage:
            # a metastore without root storage (WorkspaceOptions.metastore_root_storage)
            raise DatabricksSqlError(
                "INVALID_STATE",
                "Metastore storage root URL does not exist. Please provide a storage location "
                "for the catalog (for example 'CREATE CATALOG myCatalog MANAGED LOCATION "
                "'<location-path>'').",
            )
        if ws.state.find("CATALOG", stmt.parts) is not None:
            if stmt.if_not_exists:
                return Result.statement()
            raise DatabricksSqlError(
                "CATALOG_ALREADY_EXISTS", f"Catalog '{stmt.parts[0].lower()}' already exists."
            )
        catalog = ws.state.add_catalog(
            stmt.parts,  # the parsed parts: a name needing quotes (`prod-data`) is not re-parsed
            owner=session.user,
            comment=stmt.comment,
            managed_location=stmt.managed_location,
        )
        catalog.properties.update(stmt.properties)
        return Result.statement()
    parts = session.qualify(stmt.parts, 2)
    if ws.state.find("CATALOG", parts[:1]) is None:
        raise not_found("CATALOG", parts[0])
    if ws.state.find("SCHEMA", parts) is not None:
        if stmt.if_not_exists:
            return Result.statement()
        raise DatabricksSqlError(
            "SCHEMA_ALREADY_EXISTS",
            f"Cannot create schema `{parts[1]}` because it already exists.",
        )
    schema = ws.state.add_schema(
        parts, owner=session.user, comment=stmt.comment, managed_location=stmt.managed_location
    )
    schema.properties.update(stmt.properties)
    return Result.statement()


def tags(ws: Backend, session: Session, stmt: dcl.TagStmt, sql: str) -> Result:
    """ALTER ... [ALTER COLUMN c] SET TAGS / UNSET TAGS."""
    securable = _resolve(ws, stmt.securable, session, sql)
    if stmt.column is not None:
        names = {c.name.lower(): c.name for c in securable.columns}
        if stmt.column.lower() not in names:
            raise DatabricksSqlError(
                "UNRESOLVED_COLUMN.WITH_SUGGESTION",
                f"A column `{stmt.column}` cannot be resolved in {securable.name}.",
            )
        target = securable.column_tags.setdefault(names[stmt.column.lower()], {})
    else:
        target = securable.tags
    for key, value in stmt.set_tags:
        target[key] = value
    for key in stmt.unset_tags:
        target.pop(key, None)
    ws.state.touch()
    return Result.statement()


def policy(ws: Backend, session: Session, stmt: dcl.PolicyStmt, sql: str) -> Result:
    """Record a row filter / column mask on a table (enforcement is not modelled: reads of a
    filtered or masked table are refused by the engine)."""
    table = ws.state.get("TABLE", _qualified(dcl.SecurableRef("TABLE", stmt.table), session))
    if table.securable_type != "TABLE":
        raise DatabricksSqlError(
            "INVALID_PARAMETER_VALUE",
            f"Row filters and column masks cannot be applied to {table.securable_type} "
            f"{table.name}.",
        )
    known = {c.name.lower(): c.name for c in table.columns}

    def column(name: str) -> str:
        if name.lower() not in known:
            raise DatabricksSqlError(
                "UNRESOLVED_COLUMN.WITH_SUGGESTION",
                f"A column `{name}` cannot be resolved in {table.name}.",
            )
        return known[name.lower()]

    function = ""
    if stmt.function:
        ref = dcl.SecurableRef("FUNCTION", stmt.function)
        function = ws.state.get("FUNCTION", _qualified(ref, session)).name
    # Setting over an existing mask or filter: WorkspaceOptions.policy_set_replaces (the
    # reference is silent; refused by default). The error class is the harness's own.
    replaces = ws.state.options.policy_set_replaces
    if stmt.action == "SET ROW FILTER":
        if table.row_filter is not None and not replaces:
            raise DatabricksSqlError(
                "ROW_FILTER_ALREADY_EXISTS",
                f"The table {table.name} already has a row filter ({table.row_filter[0]}). "
                "Drop it first with ALTER TABLE ... DROP ROW FILTER.",
            )
        table.row_filter = (function, tuple(column(c) for c in stmt.columns))
    elif stmt.action == "DROP ROW FILTER":
        table.row_filter = None
    elif stmt.action == "SET MASK":
        assert stmt.column is not None
        using = tuple(column(c) for c in stmt.columns)
        existing = table.column_masks.get(column(stmt.column))
        if existing is not None and not replaces:
            raise DatabricksSqlError(
                "COLUMN_MASK_ALREADY_EXISTS",
                f"The column {column(stmt.column)} of {table.name} already has a mask "
                f"({existing[0]}). Drop it first with ALTER TABLE ... ALTER COLUMN ... DROP MASK.",
            )
        table.column_masks[column(stmt.column)] = (function, using)
    else:
        assert stmt.column is not None
        table.column_masks.pop(column(stmt.column), None)
    ws.state.touch()
    return Result.statement()


SHOW_GRANTS_COLUMNS = [
    ("principal", "string"),
    ("actionType", "string"),
    ("objectType", "string"),
    ("objectKey", "string"),
]


def _object_type(ws: Backend, securable: Securable) -> str:
    if securable.securable_type in ("VIEW", "MATERIALIZED VIEW"):
        return ws.state.options.show_grants_view_object_type
    return securable.securable_type


def show_grants(ws: Backend, session: Session, stmt: dcl.ShowGrantsStmt, sql: str) -> Result:
    """SHOW GRANTS [principal] ON securable: owner row (OWN), direct and inherited grants."""
    securable = _resolve(ws, stmt.securable, session, sql)
    object_type = _object_type(ws, securable)
    rows: list[tuple[str, str, str, str]] = [(securable.owner, "OWN", object_type, securable.name)]
    rows += [
        (g.principal, g.privilege, object_type, securable.name)
        for g in ws.state.direct_grants(securable)
    ]
    for parent in ws.state.ancestors(securable):
        for grant in ws.state.direct_grants(parent):
            if shows_on_child(grant.privilege, securable.securable_type):
                rows.append((grant.principal, grant.privilege, parent.securable_type, parent.name))
    if stmt.principal is not None:
        if ws.state.find_principal(stmt.principal) is None:
            ws.state.principal(stmt.principal)  # raises PRINCIPAL_DOES_NOT_EXIST
        rows = [r for r in rows if r[0].lower() == stmt.principal.lower()]
    return Result.table(SHOW_GRANTS_COLUMNS, rows)
