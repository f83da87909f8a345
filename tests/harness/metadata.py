"""Answers for SHOW ... / DESCRIBE ... and the connector's metadata calls.

Output columns follow Databricks SQL: ``SHOW SCHEMAS`` -> ``databaseName``; ``SHOW TABLES``
-> ``database, tableName, isTemporary``; ``SHOW VIEWS`` -> ``namespace, viewName,
isTemporary, isMaterialized``; ``SHOW TABLE EXTENDED`` adds ``information`` (the text
dbt-databricks parses with regexes); ``DESCRIBE TABLE [EXTENDED]`` -> ``col_name,
data_type, comment``; ``... AS JSON`` -> ``json_metadata``.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .backend import Backend
from .errors import CannotAnswerError, not_found
from .session import Result, Session
from .sqltext import Token, TokenStream
from .state import ColumnInfo, Securable
from .storage import databricks_type

_SPARK_TYPE = {"int": "integer", "bigint": "long", "smallint": "short", "tinyint": "byte"}


def _pattern(pattern: str | None) -> re.Pattern[str] | None:
    """Databricks SHOW pattern: ``*`` matches anything, ``|`` separates alternatives."""
    if pattern is None:
        return None
    alternatives = [
        "".join(".*" if ch == "*" else re.escape(ch) for ch in alt.strip())
        for alt in pattern.split("|")
    ]
    return re.compile("^(?:" + "|".join(alternatives) + ")$", re.IGNORECASE)


def _matches(regex: re.Pattern[str] | None, name: str) -> bool:
    return regex is None or regex.match(name) is not None


class Metadata:
    """Handles one SHOW/DESCRIBE statement for a session."""

    def __init__(self, ws: Backend, session: Session, sql: str) -> None:
        self.ws = ws
        self.session = session
        self.sql = sql

    def cannot(self, reason: str) -> CannotAnswerError:
        """Loud refusal for this statement."""
        return CannotAnswerError(reason, self.sql)

    def run(self, tokens: list[Token]) -> Result:
        """Dispatch on the leading keywords of the statement's tokens."""
        stream = TokenStream(tokens)
        try:
            if stream.accept_words("SHOW"):
                return self._show(stream)
            if stream.accept_words("DESCRIBE") or stream.accept_words("DESC"):
                return self._describe(stream)
        except ValueError as exc:
            raise self.cannot(f"could not parse metadata statement: {exc}") from exc
        raise self.cannot("unsupported metadata statement")

    # ------------------------------------------------------------------ SHOW
    def _in_clause(self, stream: TokenStream, size: int) -> tuple[str, ...]:
        written = stream.accept_words("IN") or stream.accept_words("FROM")
        return self.session.qualify(stream.dotted_name() if written else (), size)

    @staticmethod
    def _like(stream: TokenStream) -> str | None:
        stream.accept_words("LIKE")
        if stream.at_end():
            return None
        value = stream.string()
        stream.expect_end()
        return value

    def _show(self, stream: TokenStream) -> Result:
        if stream.accept_words("SCHEMAS") or stream.accept_words("DATABASES"):
            (catalog,) = self._in_clause(stream, 1)
            regex = _pattern(self._like(stream))
            self.ws.state.get("CATALOG", (catalog,))
            rows = [
                (s.parts[1],) for s in self.ws.state.schemas(catalog) if _matches(regex, s.parts[1])
            ]
            return Result.table([("databaseName", "string")], rows)
        if stream.accept_words("CATALOGS"):
            regex = _pattern(self._like(stream))
            rows = [(c.parts[0],) for c in self.ws.state.catalogs() if _matches(regex, c.parts[0])]
            return Result.table([("catalog", "string")], rows)
        if stream.accept_words("TABLE", "EXTENDED"):
            schema = self._in_clause(stream, 2)
            regex = _pattern(self._like(stream))
            self.ws.state.get("SCHEMA", schema)
            rows = [
                (r.parts[1], r.parts[2], False, self._information(r))
                for r in self.ws.state.relations(*schema)
                if _matches(regex, r.parts[2])
            ]
            return Result.table(
                [
                    ("database", "string"),
                    ("tableName", "string"),
                    ("isTemporary", "boolean"),
                    ("information", "string"),
                ],
                rows,
            )
        if stream.accept_words("TABLES"):
            schema = self._in_clause(stream, 2)
            regex = _pattern(self._like(stream))
            self.ws.state.get("SCHEMA", schema)
            rows: list[tuple[Any, ...]] = [
                (r.parts[1], r.parts[2], False)
                for r in self.ws.state.relations(*schema)
                if _matches(regex, r.parts[2])
            ]
            rows += [("", v, True) for v in sorted(self.session.temp_views) if _matches(regex, v)]
            return Result.table(
                [("database", "string"), ("tableName", "string"), ("isTemporary", "boolean")], rows
            )
        if stream.accept_words("VIEWS"):
            schema = self._in_clause(stream, 2)
            regex = _pattern(self._like(stream))
            self.ws.state.get("SCHEMA", schema)
            rows = [
                (r.parts[1], r.parts[2], False, r.securable_type == "MATERIALIZED VIEW")
                for r in self.ws.state.relations(*schema)
                if r.securable_type in ("VIEW", "MATERIALIZED VIEW") and _matches(regex, r.parts[2])
            ]
            rows += [
                ("", v, True, False) for v in sorted(self.session.temp_views) if _matches(regex, v)
            ]
            return Result.table(
                [
                    ("namespace", "string"),
                    ("viewName", "string"),
                    ("isTemporary", "boolean"),
                    ("isMaterialized", "boolean"),
                ],
                rows,
            )
        if stream.accept_words("TBLPROPERTIES"):
            relation = self._relation(stream)
            stream.expect_end()
            return Result.table(
                [("key", "string"), ("value", "string")], sorted(relation.properties.items())
            )
        raise self.cannot("unsupported SHOW statement")

    def _relation(self, stream: TokenStream) -> Securable:
        given = tuple(p.lower() for p in stream.dotted_name())
        if len(given) == 1 and given[0] in self.session.temp_views:
            return self._temp_view(given[0])
        parts = self.session.qualify(given, 3)
        return self.ws.state.get("TABLE", parts)

    def _temp_view(self, name: str) -> Securable:
        """A session's temporary view, described from DuckDB's temp catalog."""
        _, rows = self.ws.storage.execute(
            "SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = 'temp' "
            "AND table_name = ? ORDER BY column_index",
            [name],
        )
        view = Securable("VIEW", ("", "", name), self.session.user, table_type="VIEW")
        view.columns = [
            ColumnInfo(str(c), databricks_type(str(t)), duck_type=str(t)) for c, t in rows
        ]
        return view

    # ------------------------------------------------------------------ DESCRIBE
    def _describe(self, stream: TokenStream) -> Result:
        if stream.peek() is not None and stream.peek().is_word(  # type: ignore[union-attr]
            "SCHEMA", "DATABASE", "CATALOG", "FUNCTION", "VOLUME", "HISTORY", "DETAIL", "QUERY"
        ):
            raise self.cannot("only DESCRIBE [TABLE] [EXTENDED] <relation> is modelled")
        stream.accept_words("TABLE")
        extended = stream.accept_words("EXTENDED") or stream.accept_words("FORMATTED")
        relation = self._relation(stream)
        as_json = stream.accept_words("AS", "JSON")
        if not stream.at_end():
            raise self.cannot("DESCRIBE of a single column or partition is not modelled")
        if as_json:
            if not extended:
                raise self.cannot("DESCRIBE ... AS JSON needs EXTENDED")
            return Result.table([("json_metadata", "string")], [(self._json(relation),)])
        rows: list[tuple[str, str, str | None]] = [
            (c.name, c.data_type, c.comment) for c in relation.columns
        ]
        if relation.partition_by:
            rows.append(("# Partition Information", "", ""))
            rows.append(("# col_name", "data_type", "comment"))
            types = {c.name.lower(): c for c in relation.columns}
            for col in relation.partition_by:
                info = types.get(col.lower())
                rows.append((col, info.data_type if info else "", info.comment if info else None))
        if extended:
            rows.append(("", "", ""))
            rows.append(("# Detailed Table Information", "", ""))
            rows += [(k, v, "") for k, v in self._details(relation)]
        return Result.table(
            [("col_name", "string"), ("data_type", "string"), ("comment", "string")], rows
        )

    def _details(self, r: Securable) -> list[tuple[str, str]]:
        items = [
            ("Catalog", r.parts[0]),
            ("Database", r.parts[1]),
            ("Table", r.parts[2]),
            ("Created Time", r.created.strftime("%a %b %d %H:%M:%S UTC %Y")),
            ("Last Access", "UNKNOWN"),
            ("Created By", "Spark "),
            ("Type", "VIEW" if r.securable_type == "VIEW" else r.table_type or "MANAGED"),
        ]
        if r.comment:
            items.append(("Comment", r.comment))
        if r.securable_type == "VIEW":
            items += [
                ("View Text", r.view_text or ""),
                ("View Original Text", r.view_text or ""),
                ("View Catalog and Namespace", f"{r.parts[0]}.{r.parts[1]}"),
                ("View Query Output Columns", "[" + ", ".join(c.name for c in r.columns) + "]"),
            ]
        else:
            items += [
                ("Location", f"s3://harness.invalid/{'/'.join(r.parts)}"),
                ("Provider", "delta"),
            ]
        items.append(("Owner", r.owner))
        if r.securable_type != "VIEW":
            items.append(("Is_managed_location", "true"))
        props = ",".join(f"{k}={v}" for k, v in sorted(r.properties.items()))
        items.append(("Table Properties", f"[{props}]"))
        return items

    def _information(self, r: Securable) -> str:
        lines = [f"{k}: {v}" for k, v in self._details(r)]
        lines.append("Schema: root")
        for c in r.columns:
            spark = _SPARK_TYPE.get(c.data_type, c.data_type)
            lines.append(f" |-- {c.name}: {spark} (nullable = {'true' if c.nullable else 'false'})")
        return "\n".join(lines) + "\n"

    def _json(self, r: Securable) -> str:
        doc: dict[str, Any] = {
            "table_name": r.parts[2],
            "catalog_name": r.parts[0],
            "schema_name": r.parts[1],
            "namespace": [r.parts[1]],
            "type": "VIEW" if r.securable_type == "VIEW" else r.table_type or "MANAGED",
            "columns": [
                {
                    "name": c.name,
                    "type": type_json(c.data_type),
                    "nullable": c.nullable,
                    **({"comment": c.comment} if c.comment else {}),
                }
                for c in r.columns
            ],
            "owner": r.owner,
            "created_time": r.created.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "table_properties": dict(sorted(r.properties.items())),
        }
        if r.comment:
            doc["comment"] = r.comment
        if r.securable_type == "VIEW":
            doc["view_text"] = r.view_text
        else:
            doc["provider"] = "delta"
        if r.partition_by:
            doc["partition_columns"] = list(r.partition_by)
        return json.dumps(doc)


def type_json(data_type: str) -> dict[str, Any]:
    """Databricks ``DESCRIBE ... AS JSON`` type object for a type string."""
    node, rest = _parse_type(data_type.replace(" ", ""))
    if rest:
        raise ValueError(f"trailing text in type {data_type!r}")
    return node


def _parse_type(text: str) -> tuple[dict[str, Any], str]:
    m = re.match(r"[a-zA-Z_]+", text)
    if not m:
        raise ValueError(f"bad type {text!r}")
    name = m.group(0).lower()
    rest = text[m.end() :]
    if name in ("array", "map", "struct") and rest.startswith("<"):
        rest = rest[1:]
        if name == "array":
            element, rest = _parse_type(rest)
            return {"name": "array", "element_type": element, "contains_null": True}, rest[1:]
        if name == "map":
            key, rest = _parse_type(rest)
            value, rest = _parse_type(rest[1:])
            return {"name": "map", "key_type": key, "value_type": value}, rest[1:]
        fields = []
        while not rest.startswith(">"):
            fm = re.match(r"`?([^:`]+)`?:", rest)
            if not fm:
                raise ValueError(f"bad struct field in {text!r}")
            ftype, rest = _parse_type(rest[fm.end() :])
            fields.append({"name": fm.group(1), "type": ftype, "nullable": True})
            rest = rest[1:] if rest.startswith(",") else rest
        return {"name": "struct", "fields": fields}, rest[1:]
    if rest.startswith("("):
        end = rest.index(")")
        args = [int(a) for a in rest[1:end].split(",") if a]
        rest = rest[end + 1 :]
        if name == "decimal":
            return {
                "name": "decimal",
                "precision": args[0],
                "scale": args[1] if len(args) > 1 else 0,
            }, rest
        return {"name": name, "length": args[0]}, rest
    if name == "decimal":
        return {"name": "decimal", "precision": 10, "scale": 0}, rest
    return {"name": name}, rest


def connector_schemas(ws: Backend, catalog: str | None, schema: str | None) -> Result:
    """``cursor.schemas(catalog_name, schema_name)``: JDBC-style LIKE patterns."""
    like = _jdbc_like(schema)
    rows = [
        (s.parts[1], s.parts[0])
        for s in ws.state.schemas()
        if (catalog is None or s.parts[0] == catalog.lower()) and _matches(like, s.parts[1])
    ]
    if catalog is not None and ws.state.find("CATALOG", (catalog.lower(),)) is None:
        raise not_found("CATALOG", catalog)
    return Result.table([("TABLE_SCHEM", "string"), ("TABLE_CATALOG", "string")], rows)


def connector_tables(
    ws: Backend, catalog: str | None, schema: str | None, table: str | None = None
) -> Result:
    """``cursor.tables(catalog_name, schema_name, table_name)``."""
    schema_like, table_like = _jdbc_like(schema), _jdbc_like(table)
    rows = [
        (
            r.parts[0],
            r.parts[1],
            r.parts[2],
            "VIEW" if r.securable_type == "VIEW" else "TABLE",
            r.comment or "",
            None,
            None,
            None,
            None,
            None,
        )
        for r in ws.state.relations()
        if (catalog is None or r.parts[0] == catalog.lower())
        and _matches(schema_like, r.parts[1])
        and _matches(table_like, r.parts[2])
    ]
    columns = [
        "TABLE_CAT",
        "TABLE_SCHEM",
        "TABLE_NAME",
        "TABLE_TYPE",
        "REMARKS",
        "TYPE_CAT",
        "TYPE_SCHEM",
        "TYPE_NAME",
        "SELF_REFERENCING_COL_NAME",
        "REF_GENERATION",
    ]
    return Result.table([(c, "string") for c in columns], rows)


def _jdbc_like(pattern: str | None) -> re.Pattern[str] | None:
    if pattern is None:
        return None
    body = "".join(".*" if ch == "%" else "." if ch == "_" else re.escape(ch) for ch in pattern)
    return re.compile(f"^{body}$", re.IGNORECASE)
