"""Execute queries and relation DDL/DML for real, in DuckDB, via sqlglot.

Statements are parsed as Databricks SQL, every table reference is resolved against the
workspace (Databricks rules: ``t`` -> session catalog and schema, ``s.t`` -> session catalog)
and rewritten to its DuckDB home (``uc_<catalog>.<schema>.<name>`` or an information_schema
snapshot), Databricks-only functions (``current_user()``, ``is_account_group_member``) are
replaced by their values, and the result is generated as DuckDB SQL. DDL keeps the workspace
metadata (owner, comment, declared column types, properties) in step with DuckDB.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import duckdb
import sqlglot
from sqlglot import exp

from . import infoschema
from .backend import Backend
from .errors import CannotAnswerError, DatabricksSqlError, not_found
from .grammar import InsertReplaceOn
from .session import Result, Session, qualify
from .state import Securable, now
from .storage import (
    SNAPSHOT_SCHEMA,
    databricks_type,
    duck_catalog,
    duck_ident,
    duck_relation,
    duck_type,
)

logging.getLogger("sqlglot").setLevel(logging.ERROR)


def type_text(node: exp.DataType) -> str:
    """Databricks' canonical spelling of a declared type: ``decimal(10,2)``, ``array<int>``."""
    text = node.sql(dialect="databricks").lower()
    return re.sub(r"\s*([,:<>()])\s*", r"\1", text)


def _ident(name: str) -> exp.Identifier:
    return exp.to_identifier(name, quoted=True)  # type: ignore[return-value]


class Engine:
    """Runs one parsed statement for ``session`` against ``workspace``."""

    def __init__(self, ws: Backend, session: Session, sql: str) -> None:
        self.ws = ws
        self.session = session
        self.sql = sql
        # Relations and ("information_schema", catalog, view) read by the last rewrite.
        self.read_deps: list[tuple[str, ...]] = []
        # True while rewriting a CREATE VIEW query: defining a view over a table with a row
        # filter or column mask reads no row (the SQL reference's CREATE VIEW only binds the
        # query), so it is allowed; reading through that view later is refused like the table.
        self.defining_view = False

    # ------------------------------------------------------------------ helpers
    def cannot(self, reason: str) -> CannotAnswerError:
        """Build the loud refusal for this statement."""
        return CannotAnswerError(reason, self.sql)

    def parts_of(self, table: exp.Table) -> tuple[str, ...]:
        """Fully qualify a table reference with the session catalog/schema (lower-case)."""
        return self.session.qualify([p for p in (table.catalog, table.db, table.name) if p], 3)

    def _is_temp(self, table: exp.Table) -> bool:
        return not table.db and not table.catalog and table.name.lower() in self.session.temp_views

    def duck(self, sql: str) -> tuple[list[tuple], list[tuple]]:
        """Run DuckDB SQL, translating errors Databricks would also raise."""
        try:
            return self.ws.storage.execute(sql)
        except duckdb.BinderException as exc:
            text = str(exc)
            if "Referenced column" in text and "not found" in text:
                raise DatabricksSqlError("UNRESOLVED_COLUMN.WITH_SUGGESTION", text) from exc
            raise self.cannot(
                f"DuckDB rejected the transpiled statement: {text}\n--- DuckDB SQL ---\n{sql}"
            ) from exc
        except duckdb.ConversionException as exc:
            raise DatabricksSqlError("CAST_INVALID_INPUT", str(exc)) from exc
        except duckdb.ConstraintException as exc:
            raise DatabricksSqlError("DELTA_NOT_NULL_CONSTRAINT_VIOLATED", str(exc)) from exc
        except duckdb.Error as exc:
            raise self.cannot(
                f"DuckDB rejected the transpiled statement: {exc}\n--- DuckDB SQL ---\n{sql}"
            ) from exc

    def _to_duck_sql(self, node: exp.Expression) -> str:
        try:
            return node.sql(dialect="duckdb", unsupported_level=sqlglot.ErrorLevel.RAISE)
        except sqlglot.errors.UnsupportedError as exc:
            raise self.cannot(f"sqlglot cannot transpile to DuckDB: {exc}") from exc

    # ------------------------------------------------------------------ rewriting
    def rewrite(self, node: exp.Expression) -> exp.Expression:
        """Copy ``node`` with table references and Databricks functions rewritten."""
        tree = node.copy()
        self._rewrite_functions(tree)
        cte_names = {cte.alias_or_name.lower() for cte in tree.find_all(exp.CTE)}
        for table in list(tree.find_all(exp.Table)):
            if not isinstance(table.this, exp.Identifier):
                continue  # table-valued functions (range(), explode(...))
            unqualified = not table.db and not table.catalog
            if unqualified and table.name.lower() in cte_names:
                continue
            if unqualified and self._is_temp(table):
                deps = self.session.temp_view_deps.get(table.name.lower(), ())
                self._refresh_deps(deps, set())
                continue
            self._rewrite_table(table)
        return tree

    def _rewrite_table(self, table: exp.Table) -> None:
        parts = self.parts_of(table)
        if len(parts) != 3:
            raise self.cannot(f"unsupported table reference {table.sql(dialect='databricks')}")
        catalog, schema, name = parts
        alias_name = table.alias_or_name
        if schema == "information_schema":
            if self.ws.state.find("CATALOG", (catalog,)) is None:
                raise not_found("CATALOG", catalog)
            if not infoschema.known_view(name):
                raise self.cannot(
                    f"information_schema view {catalog}.information_schema.{name}"
                    " is not modelled by the harness"
                )
            snap_name = infoschema.snapshot(self.ws, catalog, name)
            self.read_deps.append(("information_schema", catalog, name))
            table.set("catalog", _ident(self.ws.storage.home))
            table.set("db", _ident(SNAPSHOT_SCHEMA))
            table.set("this", _ident(snap_name))
            if not table.alias:
                table.set("alias", exp.TableAlias(this=_ident(alias_name)))
            return
        relation = self.ws.state.get(
            "TABLE", parts
        )  # TABLE_OR_VIEW_NOT_FOUND / SCHEMA_NOT_FOUND ...
        self._refuse_unenforced(relation)
        self.read_deps.append(parts)
        self._refresh_view_snapshots(relation, set())
        table.set("catalog", _ident(duck_catalog(catalog)))
        table.set("db", _ident(schema))
        table.set("this", _ident(name))

    def _refuse_unenforced(self, relation: Securable) -> None:
        """A read of a table with a row filter or column mask cannot be answered (the harness
        records them but does not enforce them); a view definition over it can."""
        if (relation.row_filter or relation.column_masks) and not self.defining_view:
            raise self.cannot(
                f"{relation.name} has a row filter or column mask; the harness records them "
                "but does not enforce them, so it cannot answer reads of that table"
            )

    def _refresh_view_snapshots(self, relation: Securable, seen: set[tuple[str, ...]]) -> None:
        """Before a view is read, rebuild the information_schema snapshots it (transitively)
        reads, so a dbt view over information_schema never serves stale rows."""
        if relation.securable_type != "VIEW" or relation.parts in seen:
            return
        seen.add(relation.parts)
        self._refresh_deps(relation.depends_on, seen)

    def _refresh_deps(self, deps: Sequence[tuple[str, ...]], seen: set[tuple[str, ...]]) -> None:
        for dep in deps:
            if dep[0] == "information_schema":
                if self.ws.state.find("CATALOG", dep[1:2]) is not None:
                    infoschema.snapshot(self.ws, dep[1], dep[2])
            elif (child := self.ws.state.find("TABLE", dep)) is not None:
                self._refuse_unenforced(child)
                self._refresh_view_snapshots(child, seen)

    def _rewrite_functions(self, tree: exp.Expression) -> None:
        values: dict[type, Any] = {
            exp.CurrentUser: self.session.user,
            exp.SessionUser: self.session.user,
            exp.CurrentCatalog: self.session.catalog,
            exp.CurrentSchema: self.session.schema,
            exp.CurrentDatabase: self.session.schema,
        }
        for node in list(tree.find_all(exp.Func)):
            if type(node) in values:
                node.replace(exp.Literal.string(values[type(node)]))
            elif isinstance(node, exp.Extract) and str(node.this).upper() in (
                "DOW_ISO",
                "DAYOFWEEK_ISO",
            ):
                # Databricks extract(DAYOFWEEK_ISO | DOW_ISO FROM x): ISO 8601 weekday, Monday 1
                # to Sunday 7 (SQL reference, extract function); DuckDB's isodow(x) is the same.
                node.replace(exp.Anonymous(this="isodow", expressions=[node.expression.copy()]))
            elif isinstance(node, exp.Anonymous):
                fname = str(node.this).lower()
                if fname in ("is_account_group_member", "is_member"):
                    arg = node.expressions[0] if node.expressions else None
                    if arg is None:
                        raise self.cannot(f"{fname} needs a group name")
                    if isinstance(arg, exp.Literal):
                        member = self.ws.state.is_account_group_member(arg.name, self.session.user)
                        node.replace(exp.Boolean(this=member))
                    else:
                        # The argument is a STRING expression (SQL reference): test it against
                        # the caller's groups, compared as the literal form compares them.
                        user = self.session.user
                        groups = sorted(g.lower() for g in self.ws.state.groups_of(user))
                        test = exp.In(
                            this=exp.Lower(this=arg.copy()),
                            expressions=[exp.Literal.string(g) for g in groups],
                        )
                        node.replace(exp.Coalesce(this=test, expressions=[exp.false()]))
                elif fname in ("current_metastore", "current_version"):
                    raise self.cannot(f"function {fname}() is not modelled")
                elif fname == "timestamp_millis" and len(node.expressions) == 1:
                    # Databricks timestamp_millis(ms): the UTC timestamp ms milliseconds after
                    # the epoch; DuckDB's epoch_ms(bigint) is the same function.
                    millis = exp.cast(node.expressions[0].copy(), "bigint")
                    node.replace(exp.Anonymous(this="epoch_ms", expressions=[millis]))

    # ------------------------------------------------------------------ queries
    def query(self, node: exp.Expression) -> Result:
        """SELECT / WITH / set operations / VALUES."""
        duck_sql = self._to_duck_sql(self.rewrite(node))
        description, rows = self.duck(duck_sql)
        columns = [(str(d[0]), databricks_type(str(d[1]))) for d in description]
        return Result.table(columns, rows)

    # ------------------------------------------------------------------ DDL
    def create(self, node: exp.Create) -> Result:
        """CREATE [OR REPLACE] TABLE / VIEW / TEMPORARY VIEW."""
        kind = (node.args.get("kind") or "").upper()
        if kind == "TABLE":
            return self._create_table(node)
        if kind == "VIEW":
            return self._create_view(node)
        if kind == "FUNCTION":
            return self._create_function(node)
        raise self.cannot(f"CREATE {kind} is not modelled")

    def _create_function(self, node: exp.Create) -> Result:
        """CREATE [OR REPLACE] FUNCTION c.s.f(...) RETURNS t RETURN expr: recorded as a
        securable (owner, grants, information_schema.routines); calling it is not modelled."""
        target = node.this
        name = target.this if isinstance(target, exp.UserDefinedFunction) else target
        if not isinstance(name, exp.Table):
            raise self.cannot("unsupported function name")
        parts = self.parts_of(name)
        existing = self.ws.state.find("FUNCTION", parts)
        if existing is not None and not node.args.get("replace"):
            if node.args.get("exists"):
                return Result.statement()
            raise DatabricksSqlError(
                "ROUTINE_ALREADY_EXISTS", f"The routine `{'.'.join(parts)}` already exists."
            )
        if existing is None:
            existing = self.ws.state.add_function(parts, owner=self.session.user)
        existing.view_text = node.sql(dialect="databricks")
        # The SQL reference (CREATE FUNCTION, SQL and Python) lists COMMENT function_comment
        # among the characteristics; information_schema.routines shows it as COMMENT. A
        # replaced function takes the new comment, or none when the new text has none.
        properties = node.args.get("properties")
        comments = [
            p.this.name
            for p in (properties.expressions if properties else [])
            if isinstance(p, exp.SchemaCommentProperty)
        ]
        existing.comment = comments[0] if comments else None
        existing.last_altered = now()
        self.ws.state.touch()
        return Result.statement()

    def _properties(self, node: exp.Expression) -> tuple[str | None, dict[str, str], list[str]]:
        comment: str | None = None
        props: dict[str, str] = {}
        partitions: list[str] = []
        properties = node.args.get("properties")
        for prop in properties.expressions if properties else []:
            if isinstance(prop, exp.SchemaCommentProperty):
                comment = prop.this.name
            elif isinstance(prop, exp.PartitionedByProperty):
                partitions = [e.name for e in prop.this.expressions]
            elif isinstance(prop, exp.Property) and type(prop) is exp.Property:
                props[prop.name] = prop.args["value"].name
            elif isinstance(
                prop,
                (
                    exp.FileFormatProperty,
                    exp.TemporaryProperty,
                    exp.LocationProperty,
                    exp.ClusteredByProperty,
                ),
            ):
                continue
            else:
                raise self.cannot(f"unsupported table property {prop.sql(dialect='databricks')}")
        return comment, props, partitions

    def _create_table(self, node: exp.Create) -> Result:
        target = node.this
        coldefs: list[exp.ColumnDef] = []
        if isinstance(target, exp.Schema):
            coldefs = [c for c in target.expressions if isinstance(c, exp.ColumnDef)]
            if len(coldefs) != len(target.expressions):
                raise self.cannot("table constraints are not modelled")
            target = target.this
        self._refuse_constraints(coldefs)
        parts = self.parts_of(target)
        existing = self._replace_target(node, parts, "TABLE")
        if existing is False:
            return Result.statement()
        comment, props, partitions = self._properties(node)
        file_format, location = self._storage_of(node)
        if location is not None or (file_format or "delta").lower() != "delta":
            return self._create_external_table(node, parts, coldefs, file_format, location)
        declared = {c.name: type_text(c.args["kind"]) for c in coldefs}
        comments = {c.name: self._column_comment(c) for c in coldefs}
        duck_name = duck_relation(parts)
        if coldefs:
            self.ws.storage.create_table(parts, list(declared.items()))
        if node.expression is not None:
            select_sql = self._to_duck_sql(self.rewrite(node.expression))
            if coldefs:
                self.duck(f"INSERT INTO {duck_name} {select_sql}")
            else:
                self.duck(f"CREATE OR REPLACE TABLE {duck_name} AS {select_sql}")
        elif not coldefs:
            raise self.cannot("CREATE TABLE without columns or AS SELECT")
        table = self.ws.register_relation(
            parts,
            "TABLE",
            owner=self.session.user,
            comment=comment,
            declared_types=declared,
            replace=existing is not None,
        )
        table.properties.update(props)
        table.partition_by = tuple(partitions)
        for column in table.columns:
            if comments.get(column.name):
                column.comment = comments[column.name]
        return Result.statement()

    @staticmethod
    def _storage_of(node: exp.Create) -> tuple[str | None, str | None]:
        """(USING format, LOCATION) of a CREATE TABLE, each None when absent."""
        file_format = location = None
        properties = node.args.get("properties")
        for prop in properties.expressions if properties else []:
            if isinstance(prop, exp.FileFormatProperty):
                file_format = prop.this.name if prop.this is not None else None
            elif isinstance(prop, exp.LocationProperty):
                location = prop.this.name
        return file_format, location

    def _create_external_table(
        self,
        node: exp.Create,
        parts: tuple[str, ...],
        coldefs: Sequence[exp.ColumnDef],
        file_format: str | None,
        location: str | None,
    ) -> Result:
        """An external table over files (Databricks "CREATE TABLE [USING]" docs: a LOCATION
        makes the table external; a non-Delta format reads the files as they are). Modelled:
        USING JSON at a LOCATION mounted with ``Workspace.mount_storage``, every declared
        column STRING, no AS SELECT. Anything else is refused."""
        if (file_format or "").lower() != "json" or location is None:
            raise self.cannot(
                f"external tables are modelled only as USING JSON with a LOCATION; got USING "
                f"{file_format!r} LOCATION {location!r}"
            )
        if node.expression is not None or not coldefs:
            raise self.cannot("USING JSON tables are modelled with declared columns, no AS SELECT")
        kinds = {c.name: type_text(c.args["kind"]).lower() for c in coldefs}
        if set(kinds.values()) != {"string"}:
            raise self.cannot(f"USING JSON tables are modelled with STRING columns only: {kinds}")
        mounted = self.ws.mounted_folder(location)
        if mounted is None:
            raise self.cannot(f"no local folder mounted for LOCATION {location!r}")
        self.ws.storage.create_json_lines_view(parts, list(kinds), str(mounted[1]), location)
        self.ws.register_relation(
            parts, "TABLE", owner=self.session.user, declared_types=dict(kinds), replace=False
        )
        return Result.statement()

    def _replace_target(self, node: exp.Create, parts: tuple[str, ...], kind: str):
        """The existing relation a CREATE [OR REPLACE] TABLE/VIEW replaces (or None), refusing
        like Databricks when it exists without OR REPLACE or is of the other kind. Returns
        ``False`` when ``IF NOT EXISTS`` makes the statement a no-op."""
        self.ws.state.get("SCHEMA", parts[:2])
        existing = self.ws.state.find("TABLE", parts)
        if existing is not None and not node.args.get("replace"):
            if node.args.get("exists"):
                return False
            raise DatabricksSqlError(
                "TABLE_OR_VIEW_ALREADY_EXISTS",
                f"Cannot create table or view `{'`.`'.join(parts)}` because it already exists.",
            )
        if existing is not None and existing.securable_type != kind:
            other = "view" if kind == "TABLE" else "table"
            raise DatabricksSqlError(
                f"EXPECT_{kind}_NOT_{other.upper()}.NO_ALTERNATIVE",
                f"'CREATE OR REPLACE {kind}' expects a {kind.lower()} but {existing.name} "
                f"is a {other}.",
            )
        return existing

    def _refuse_constraints(self, coldefs: Sequence[exp.ColumnDef]) -> None:
        """Only COMMENT is modelled on columns; NOT NULL/keys/defaults/generated are refused
        (information_schema's constraint views are then truthfully empty)."""
        for coldef in coldefs:
            for constraint in coldef.args.get("constraints") or []:
                if not isinstance(constraint.kind, exp.CommentColumnConstraint):
                    raise self.cannot(
                        f"column constraint {constraint.sql(dialect='databricks')!r} is not "
                        "modelled"
                    )

    @staticmethod
    def _column_comment(coldef: exp.ColumnDef) -> str | None:
        for constraint in coldef.args.get("constraints") or []:
            if isinstance(constraint.kind, exp.CommentColumnConstraint):
                return constraint.kind.this.name
        return None

    def _create_view(self, node: exp.Create) -> Result:
        target = node.this
        column_names: list[str] = []
        comments: dict[str, str | None] = {}
        if isinstance(target, exp.Schema):
            for col in target.expressions:
                column_names.append(col.name)
                if isinstance(col, exp.ColumnDef):
                    comments[col.name] = self._column_comment(col)
            target = target.this
        comment, props, _ = self._properties(node)
        properties = node.args.get("properties")
        temporary = bool(
            properties and any(isinstance(p, exp.TemporaryProperty) for p in properties.expressions)
        )
        if node.expression is None:
            raise self.cannot("CREATE VIEW without a query")
        self.defining_view = True
        try:
            select_sql = self._to_duck_sql(self.rewrite(node.expression))
        finally:
            self.defining_view = False
        col_list = f" ({', '.join(duck_ident(c) for c in column_names)})" if column_names else ""
        if temporary:
            if target.db or target.catalog:
                raise DatabricksSqlError(
                    "TEMP_VIEW_NAME_TOO_MANY_NAME_PARTS",
                    "CREATE TEMPORARY VIEW expects a single-part view name",
                )
            name = target.name.lower()
            self.duck(
                f"CREATE OR REPLACE TEMPORARY VIEW {duck_ident(name)}{col_list} AS {select_sql}"
            )
            self.session.temp_views.add(name)
            self.session.temp_view_deps[name] = tuple(dict.fromkeys(self.read_deps))
            return Result.statement()
        parts = self.parts_of(target)
        existing = self._replace_target(node, parts, "VIEW")
        if existing is False:
            return Result.statement()
        self.duck(f"CREATE OR REPLACE VIEW {duck_relation(parts)}{col_list} AS {select_sql}")
        view = self.ws.register_relation(
            parts,
            "VIEW",
            owner=self.session.user,
            comment=comment,
            view_text=node.expression.sql(dialect="databricks"),
            replace=existing is not None,
        )
        view.properties.update(props)
        view.depends_on = tuple(dict.fromkeys(self.read_deps))
        for column in view.columns:
            if comments.get(column.name):
                column.comment = comments[column.name]
        return Result.statement()

    def drop(self, node: exp.Drop) -> Result:
        """DROP TABLE / VIEW [IF EXISTS] (temporary views included)."""
        kind = (node.args.get("kind") or "").upper()
        if kind == "FUNCTION":
            return self._drop_function(node)
        if kind not in ("TABLE", "VIEW"):
            raise self.cannot(f"DROP {kind} is not modelled")
        for table in node.args.get("tables") or []:
            if kind == "VIEW" and self._is_temp(table):
                self.duck(f"DROP VIEW IF EXISTS {duck_ident(table.name.lower())}")
                self.session.temp_views.discard(table.name.lower())
                continue
            parts = self.parts_of(table)
            existing = self.ws.state.find("TABLE", parts) if len(parts) == 3 else None
            if existing is None:
                if node.args.get("exists"):
                    if len(parts) == 3 and self.ws.state.find("SCHEMA", parts[:2]) is None:
                        continue
                    continue
                raise not_found(kind, ".".join(parts))
            if kind == "TABLE" and existing.securable_type == "VIEW":
                raise DatabricksSqlError(
                    "WRONG_COMMAND_FOR_OBJECT_TYPE",
                    f"Use DROP VIEW instead: {existing.name} is a view.",
                )
            if kind == "VIEW" and existing.securable_type != "VIEW":
                raise DatabricksSqlError(
                    "WRONG_COMMAND_FOR_OBJECT_TYPE",
                    f"Use DROP TABLE instead: {existing.name} is a table.",
                )
            self.duck(f"DROP {kind} IF EXISTS {duck_relation(parts)}")
            self.ws.state.drop_securable(existing)
        return Result.statement()

    def _drop_function(self, node: exp.Drop) -> Result:
        for name in node.args.get("tables") or []:
            table = name.this if isinstance(name, exp.UserDefinedFunction) else name
            parts = self.parts_of(table)
            existing = self.ws.state.find("FUNCTION", parts)
            if existing is None:
                if node.args.get("exists"):
                    continue
                raise not_found("FUNCTION", ".".join(parts))
            self.ws.state.drop_securable(existing)
        return Result.statement()

    def drop_schema(self, node: exp.Drop) -> Result:
        """DROP SCHEMA [IF EXISTS] c.s [CASCADE]."""
        for table in node.args.get("tables") or []:
            parts = self.session.qualify([p for p in (table.catalog, table.db, table.name) if p], 2)
            schema = self.ws.state.find("SCHEMA", parts)
            if schema is None:
                if node.args.get("exists"):
                    continue
                raise not_found("SCHEMA", ".".join(parts))
            if self.ws.state.relations(*parts) and not node.args.get("cascade"):
                raise DatabricksSqlError(
                    "SCHEMA_NOT_EMPTY",
                    f"Cannot drop a schema `{parts[1]}` because it contains "
                    "objects. Use DROP SCHEMA ... CASCADE.",
                )
            self.ws.state.drop_securable(schema)
        return Result.statement()

    # ------------------------------------------------------------------ DML
    def _require_table(self, table: exp.Table) -> Securable:
        parts = self.parts_of(table)
        relation = self.ws.state.get("TABLE", parts)
        if relation.securable_type != "TABLE":
            raise DatabricksSqlError(
                "EXPECT_TABLE_NOT_VIEW.NO_ALTERNATIVE",
                f"{relation.name} is a view; this statement needs a table.",
            )
        return relation

    def insert(self, node: exp.Insert) -> Result:
        """INSERT INTO / INSERT OVERWRITE [TABLE] t [(cols)] [BY NAME] VALUES|SELECT."""
        if node.args.get("where") is not None or node.args.get("partition"):
            raise self.cannot("INSERT ... REPLACE WHERE / PARTITION is not modelled")
        target = node.this
        table = target.this if isinstance(target, exp.Schema) else target
        relation = self._require_table(table)
        overwrite = bool(node.args.get("overwrite"))
        # ``node`` is parsed for this one statement (``Warehouse._sqlglot_statement``) and not
        # read again: rewritten in place rather than deep-copied (a seed batch's INSERT holds
        # thousands of rows; ``rewrite`` below copies the source once anyway).
        tree = node
        tree.set("overwrite", False)
        source = tree.expression
        if source is None:
            raise self.cannot("INSERT without a source")
        new_table = tree.this.this if isinstance(tree.this, exp.Schema) else tree.this
        new_table.set("catalog", _ident(duck_catalog(relation.parts[0])))
        new_table.set("db", _ident(relation.parts[1]))
        new_table.set("this", _ident(relation.parts[2]))
        if not overwrite:
            tree.set("expression", self.rewrite(source))
            _, rows = self.duck(self._to_duck_sql(tree))
        else:
            # Databricks evaluates the source before replacing the data: stage it first.
            staged = "__harness_overwrite_source"
            source_sql = self._to_duck_sql(self.rewrite(source))
            tree.set("expression", sqlglot.parse_one(f'SELECT * FROM "{staged}"'))
            with self._transaction():
                self.duck(f'CREATE OR REPLACE TEMP TABLE "{staged}" AS {source_sql}')
                self.duck(f"DELETE FROM {duck_relation(relation.parts)}")
                _, rows = self.duck(self._to_duck_sql(tree))
                self.duck(f'DROP TABLE "{staged}"')
        return self._inserted(rows)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One DuckDB transaction: committed at the end, rolled back on any error."""
        self.duck("BEGIN TRANSACTION")
        try:
            yield
            self.duck("COMMIT")
        except Exception:
            self.ws.storage.execute("ROLLBACK")
            raise

    def _inserted(self, rows: list[tuple]) -> Result:
        """What an INSERT returns (DuckDB's count of inserted rows); the state changed."""
        inserted = int(rows[0][0]) if rows else 0
        self.ws.state.touch()
        return Result.table(
            [("num_affected_rows", "bigint"), ("num_inserted_rows", "bigint")],
            [(inserted, inserted)],
        )

    def insert_replace_on(self, statement: InsertReplaceOn) -> Result:
        """INSERT INTO TABLE t AS a REPLACE ON (a.x <=> b.y AND ...) (SELECT ...) AS b.

        Databricks SQL reference "INSERT" and "Selectively overwrite data with Delta Lake":
        a dynamic overwrite by a boolean expression, atomic. Modelled, taking the stricter
        reading where the docs are silent: the query is evaluated first; every target row
        for which the condition is TRUE for at least one query row is deleted (``<=>``:
        NULL matches NULL); then every query row is inserted by position, and the query
        must have exactly as many columns as the table. All of it in one transaction."""
        parts = self.session.qualify(list(statement.target), 3)
        relation = self.ws.state.get("TABLE", parts)
        if relation.securable_type != "TABLE":
            raise DatabricksSqlError(
                "EXPECT_TABLE_NOT_VIEW.NO_ALTERNATIVE",
                f"{relation.name} is a view; this statement needs a table.",
            )
        try:
            query = sqlglot.parse_one(statement.query_sql, read="databricks")
        except sqlglot.errors.ParseError as exc:
            raise self.cannot(f"sqlglot could not parse the REPLACE ON query: {exc}") from exc
        source_sql = self._to_duck_sql(self.rewrite(query))
        target_columns = [c.name.lower() for c in relation.columns]
        staged = "__harness_replace_on_source"
        target = duck_relation(relation.parts)
        with self._transaction():
            self.duck(f'CREATE OR REPLACE TEMP TABLE "{staged}" AS {source_sql}')
            described, _ = self.duck(f'SELECT * FROM "{staged}" LIMIT 0')
            source_columns = [str(d[0]).lower() for d in described]
            for target_column, source_column in statement.pairs:
                for column, side, known in (
                    (target_column, statement.target_alias, target_columns),
                    (source_column, statement.source_alias, source_columns),
                ):
                    if column.lower() not in known:
                        raise DatabricksSqlError(
                            "UNRESOLVED_COLUMN.WITH_SUGGESTION",
                            f"A column `{side}`.`{column}` cannot be resolved.",
                        )
            if len(source_columns) != len(target_columns):
                raise DatabricksSqlError(
                    "INSERT_COLUMN_ARITY_MISMATCH",
                    f"Cannot write to {relation.name}: the table has {len(target_columns)} "
                    f"columns, the query {len(source_columns)}.",
                )
            condition = " AND ".join(
                f"t.{duck_ident(target_column)} IS NOT DISTINCT FROM s.{duck_ident(source_column)}"
                for target_column, source_column in statement.pairs
            )
            self.duck(
                f'DELETE FROM {target} AS t WHERE EXISTS (SELECT 1 FROM "{staged}" AS s '
                f"WHERE {condition})"
            )
            _, rows = self.duck(f'INSERT INTO {target} SELECT * FROM "{staged}"')
            self.duck(f'DROP TABLE "{staged}"')
        return self._inserted(rows)

    def dml(self, node: exp.Expression) -> Result:
        """MERGE / DELETE / UPDATE: every table rewritten, run in DuckDB."""
        target = node.this
        if isinstance(target, exp.Table):
            self._require_table(target)
        _, rows = self.duck(self._to_duck_sql(self.rewrite(node)))
        affected = int(rows[0][0]) if rows and rows[0] and isinstance(rows[0][0], int) else 0
        return Result.table([("num_affected_rows", "bigint")], [(affected,)])

    def truncate(self, node: exp.TruncateTable) -> Result:
        """TRUNCATE TABLE t."""
        for table in node.expressions:
            relation = self._require_table(table)
            self.duck(f"DELETE FROM {duck_relation(relation.parts)}")
        return Result.statement()

    # ------------------------------------------------------------------ ALTER / COMMENT
    def alter(self, node: exp.Alter) -> Result:
        """ALTER TABLE|VIEW: RENAME, ADD/DROP COLUMNS, SET TBLPROPERTIES, ALTER COLUMN COMMENT."""
        if (node.args.get("kind") or "").upper() not in ("TABLE", "VIEW"):
            raise self.cannot(f"ALTER {node.args.get('kind')} ... is not modelled")
        relation = self.ws.state.get("TABLE", self.parts_of(node.this))
        for action in node.args.get("actions") or []:
            if isinstance(action, exp.AlterRename):
                self._rename(relation, action.this)
            elif (
                isinstance(action, exp.AlterSet)
                and action.expressions
                and isinstance(action.expressions[0], exp.Properties)
            ):
                for prop in action.expressions[0].expressions:
                    relation.properties[prop.name] = prop.args["value"].name
            elif isinstance(action, exp.AlterColumn) and action.args.get("comment") is not None:
                self._column(relation, action.this.name).comment = action.args["comment"].name
            elif isinstance(action, exp.Schema):
                self._add_columns(relation, action)
            elif (
                isinstance(action, exp.Drop)
                and (action.args.get("kind") or "").upper() == "COLUMNS"
            ):
                for schema in action.expressions:
                    for ident in schema.expressions:
                        self.duck(
                            f"ALTER TABLE {duck_relation(relation.parts)} DROP COLUMN "
                            f"{duck_ident(ident.name)}"
                        )
                self.ws.refresh_columns(relation, {})
            else:
                raise self.cannot(
                    f"ALTER action {action.sql(dialect='databricks')!r} is not modelled"
                )
        self.ws.state.touch()
        return Result.statement()

    def _column(self, relation: Securable, name: str) -> Any:
        for column in relation.columns:
            if column.name.lower() == name.lower():
                return column
        raise DatabricksSqlError(
            "UNRESOLVED_COLUMN.WITH_SUGGESTION",
            f"A column `{name}` cannot be resolved in {relation.name}.",
        )

    def _add_columns(self, relation: Securable, schema: exp.Schema) -> None:
        self._refuse_constraints(schema.expressions)
        declared = {}
        for coldef in schema.expressions:
            dtype = type_text(coldef.args["kind"])
            declared[coldef.name] = dtype
            self.duck(
                f"ALTER TABLE {duck_relation(relation.parts)} ADD COLUMN "
                f"{duck_ident(coldef.name)} {duck_type(dtype)}"
            )
        keep = {c.name: c.data_type for c in relation.columns}
        self.ws.refresh_columns(relation, {**keep, **declared})

    def _rename(self, relation: Securable, new: exp.Table) -> None:
        given = [p for p in (new.catalog, new.db, new.name) if p]
        new_parts = qualify(given, 3, *relation.parts[:2])  # relative to the renamed relation
        if new_parts[:2] != relation.parts[:2]:
            raise self.cannot("renaming a relation into another schema is not modelled")
        if self.ws.state.find("TABLE", new_parts) is not None:
            raise DatabricksSqlError(
                "TABLE_OR_VIEW_ALREADY_EXISTS", f"`{'.'.join(new_parts)}` already exists."
            )
        kind = "VIEW" if relation.securable_type == "VIEW" else "TABLE"
        self.duck(
            f"ALTER {kind} {duck_relation(relation.parts)} RENAME TO {duck_ident(new_parts[2])}"
        )
        self.ws.state.rename_relation(relation, new_parts)

    def comment(self, node: exp.Comment) -> Result:
        """COMMENT ON TABLE|VIEW|COLUMN|SCHEMA ... IS 'text' (NULL clears)."""
        kind = (node.args.get("kind") or "").upper()
        literal = node.expression
        text = None if isinstance(literal, exp.Null) else literal.name
        target = node.this
        if kind in ("TABLE", "VIEW"):
            self.ws.state.get("TABLE", self.parts_of(target)).comment = text
        elif kind == "COLUMN":
            table = exp.Table(
                this=target.args.get("table"),
                db=target.args.get("db"),
                catalog=target.args.get("catalog"),
            )
            relation = self.ws.state.get("TABLE", self.parts_of(table))
            self._column(relation, target.name).comment = text
        elif kind in ("SCHEMA", "DATABASE"):
            parts = self.session.qualify([p for p in (target.db, target.name) if p], 2)
            self.ws.state.get("SCHEMA", parts).comment = text
        else:
            raise self.cannot(f"COMMENT ON {kind} is not modelled")
        self.ws.state.touch()
        return Result.statement()
