"""DuckDB storage behind the fake warehouse.

Every Unity Catalog catalog ``c`` is an attached in-memory DuckDB database ``uc_c`` (DuckDB
reserves ``main``/``system``/``memory``/``temp``, so no UC name is used verbatim). Schemas
and tables map one to one. Snapshots of ``information_schema`` views live in the default
database under schema ``harness_is``.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Sequence
from typing import Any

import duckdb
from sqlglot import exp

CATALOG_PREFIX = "uc_"
SNAPSHOT_SCHEMA = "harness_is"


def duck_ident(name: str) -> str:
    """Quote one identifier for DuckDB."""
    return '"' + name.replace('"', '""') + '"'


def duck_catalog(catalog: str) -> str:
    """DuckDB database name for a UC catalog."""
    return CATALOG_PREFIX + catalog


def duck_type(databricks: str) -> str:
    """DuckDB spelling of a Databricks column type."""
    return exp.DataType.build(databricks, dialect="databricks").sql(dialect="duckdb")


def duck_relation(parts: Sequence[str]) -> str:
    """Quoted DuckDB name for a UC ``catalog.schema.name`` relation."""
    catalog, schema, name = parts
    return ".".join(duck_ident(p) for p in (duck_catalog(catalog), schema, name))


_DECIMAL = re.compile(r"DECIMAL\((\d+),\s*(\d+)\)")
_SIMPLE_TYPES = {
    "BOOLEAN": "boolean",
    "TINYINT": "tinyint",
    "SMALLINT": "smallint",
    "INTEGER": "int",
    "BIGINT": "bigint",
    "HUGEINT": "bigint",
    "UTINYINT": "smallint",
    "USMALLINT": "int",
    "UINTEGER": "bigint",
    "UBIGINT": "decimal(20,0)",
    "FLOAT": "float",
    "DOUBLE": "double",
    "VARCHAR": "string",
    "BLOB": "binary",
    "DATE": "date",
    "TIMESTAMP": "timestamp_ntz",
    "TIMESTAMP WITH TIME ZONE": "timestamp",
    "INTERVAL": "interval",
    "NULL": "void",
    '"NULL"': "void",
    "UUID": "string",
    "JSON": "string",
}


def databricks_type(duck_type: str) -> str:
    """Map a DuckDB column type to its Databricks spelling (best effort, documented gaps).

    Lists become ``array<...>``, structs ``struct<...>``, maps ``map<k,v>``. Anything
    unknown is returned lower-cased so a mismatch is visible rather than hidden.
    """
    text = duck_type.strip()
    upper = text.upper()
    if upper in _SIMPLE_TYPES:
        return _SIMPLE_TYPES[upper]
    if m := _DECIMAL.fullmatch(upper):
        return f"decimal({m.group(1)},{m.group(2)})"
    if upper.endswith("[]"):
        return f"array<{databricks_type(text[:-2])}>"
    if upper.startswith("STRUCT(") and upper.endswith(")"):
        fields = _split_top_level(text[7:-1])
        rendered = []
        for field in fields:
            fname, _, ftype = field.strip().partition(" ")
            rendered.append(f"{fname.strip(chr(34))}:{databricks_type(ftype)}")
        return f"struct<{','.join(rendered)}>"
    if upper.startswith("MAP(") and upper.endswith(")"):
        key, value = _split_top_level(text[4:-1])
        return f"map<{databricks_type(key)},{databricks_type(value)}>"
    return text.lower()


def _split_top_level(text: str) -> list[str]:
    """Split on commas that are not nested in parentheses."""
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


class Storage:
    """One in-memory DuckDB connection holding every catalog's data."""

    def __init__(self, lock: threading.RLock | None = None) -> None:
        self.con = duckdb.connect(":memory:")
        self.con.execute("SET TimeZone = 'UTC'")  # Databricks SQL warehouses default to UTC
        self.lock = lock or threading.RLock()
        self.con.execute(f"CREATE SCHEMA {SNAPSHOT_SCHEMA}")
        self._snapshot_keys: dict[str, Any] = {}
        # Database holding the snapshots; views in other databases must name it explicitly.
        self.home = str(self.con.execute("SELECT current_database()").fetchone()[0])

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> tuple[list[tuple], list]:
        """Run DuckDB SQL; return (description, rows). Rows are [] for statements."""
        with self.lock:
            cur = self.con.execute(sql, params) if params is not None else self.con.execute(sql)
            description = cur.description or []
            rows = cur.fetchall() if cur.description else []
            return description, rows

    def create_catalog(self, catalog: str) -> None:
        """Attach a fresh in-memory database for ``catalog``."""
        with self.lock:
            self.con.execute(f"ATTACH ':memory:' AS {duck_ident(duck_catalog(catalog))}")

    def drop_catalog(self, catalog: str) -> None:
        """Detach the database of ``catalog``."""
        with self.lock:
            self.con.execute(f"DETACH {duck_ident(duck_catalog(catalog))}")

    def create_schema(self, catalog: str, schema: str) -> None:
        """Create ``schema`` inside the catalog's database."""
        with self.lock:
            self.con.execute(
                f"CREATE SCHEMA IF NOT EXISTS {duck_ident(duck_catalog(catalog))}."
                f"{duck_ident(schema)}"
            )

    def drop_schema(self, catalog: str, schema: str) -> None:
        """Drop ``schema`` and everything in it."""
        with self.lock:
            self.con.execute(
                f"DROP SCHEMA IF EXISTS {duck_ident(duck_catalog(catalog))}.{duck_ident(schema)}"
                " CASCADE"
            )

    def create_table(self, parts: Sequence[str], columns: Sequence[tuple[str, str]]) -> None:
        """CREATE OR REPLACE the table ``parts`` with Databricks-typed ``columns``."""
        cols = ", ".join(f"{duck_ident(name)} {duck_type(dtype)}" for name, dtype in columns)
        self.execute(f"CREATE OR REPLACE TABLE {duck_relation(parts)} ({cols})")

    def create_json_lines_view(
        self, parts: Sequence[str], columns: Sequence[str], folder: str, url: str
    ) -> None:
        """CREATE OR REPLACE a view ``parts`` reading the JSON-lines files under ``folder`` the
        way Spark's JSON reader serves a table whose declared columns are all STRING (Databricks
        "JSON file" docs, PERMISSIVE mode): each column is the field of that name as text
        (objects and arrays as their JSON text, numbers as written), ``_corrupt_record`` holds a
        line that is not JSON (its other columns NULL), and the hidden ``_metadata.file_path`` is
        the file's URL under the table's LOCATION ``url``."""
        fields = []
        for name in columns:
            if name == "_corrupt_record":
                fields.append(f"CASE WHEN NOT ok THEN line END AS {duck_ident(name)}")
            else:
                path = "$." + json.dumps(name)
                fields.append(
                    f"CASE WHEN ok THEN json_extract_string(line, '{path}') END "
                    f"AS {duck_ident(name)}"
                )
        folder_text = folder.rstrip("/")
        self.execute(
            f"CREATE OR REPLACE VIEW {duck_relation(parts)} AS SELECT {', '.join(fields)}, "
            f"struct_pack(file_path := '{url.rstrip('/')}' || substr(filename, "
            f"{len(folder_text) + 1})) AS _metadata FROM (SELECT filename, line, "
            "coalesce(json_valid(line), false) AS ok FROM (SELECT filename, "
            "unnest(string_split(content, chr(10))) AS line FROM "
            f"read_text('{folder_text}/**/*')) WHERE trim(line) <> '')"
        )

    def columns_of(self, parts: Sequence[str]) -> list[tuple[str, str]]:
        """(name, DuckDB type) of a table or view, in ordinal order."""
        # pragma_table_info looks the one relation up by name; duckdb_columns() lists every
        # column of every table first, which made each call O(tables) (10,000 tables: ~0.1 s
        # a call, once per table created and per relation dbt builds).
        try:
            _, rows = self.execute(
                "SELECT name, type FROM pragma_table_info(?) ORDER BY cid", [duck_relation(parts)]
            )
        except duckdb.CatalogException:
            return []  # no such relation: no columns, as duckdb_columns() answered
        return [(str(r[0]), str(r[1])) for r in rows]

    def snapshot_name(self, name: str) -> str:
        """Qualified DuckDB name of snapshot table ``name``."""
        return f"{duck_ident(self.home)}.{SNAPSHOT_SCHEMA}.{duck_ident(name)}"

    def snapshot_is_current(self, name: str, key: Any) -> bool:
        """True when snapshot ``name`` was last built with ``key``."""
        return self._snapshot_keys.get(name) == key

    def snapshot(
        self,
        name: str,
        key: Any,
        columns: Sequence[tuple[str, str]],
        rows: Sequence[Sequence[Any]],
    ) -> str:
        """(Re)create snapshot table ``harness_is.name`` and remember ``key``.

        Columns are (name, DuckDB type); data is loaded column-wise with ``unnest`` so
        tens of thousands of privilege rows load in one statement.
        """
        qualified = self.snapshot_name(name)
        with self.lock:
            cols_sql = ", ".join(f"{duck_ident(c)} {t}" for c, t in columns)
            self.con.execute(f"CREATE OR REPLACE TABLE {qualified} ({cols_sql})")
            if rows:
                vectors = [list(col) for col in zip(*rows, strict=True)]
                select = ", ".join(f"unnest(?::{t}[])" for _, t in columns)
                self.con.execute(f"INSERT INTO {qualified} SELECT {select}", vectors)
            self._snapshot_keys[name] = key
            return qualified

    def close(self) -> None:
        """Close the DuckDB connection."""
        with self.lock:
            self.con.close()
