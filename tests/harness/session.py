"""Per-connection session state and the result type every handler returns."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

# DB-API description entry: (name, type_code, display_size, internal_size, precision,
# scale, null_ok). The real connector reports Databricks type names as type_code.
Description = tuple[str, str, None, None, None, None, None]


def describe(columns: Sequence[tuple[str, str]]) -> list[Description]:
    """Build a DB-API description from (column name, Databricks type) pairs."""
    return [(name, type_code, None, None, None, None, None) for name, type_code in columns]


def qualify(parts: Sequence[str], size: int, catalog: str, schema: str) -> tuple[str, ...]:
    """The lower-case full name of a ``size``-part name written with ``parts``: the session's
    ``catalog`` and ``schema`` fill the missing leading parts, as Databricks resolves them
    (``t`` -> ``catalog.schema.t``, ``s.t`` -> ``catalog.s.t``, schema ``s`` -> ``catalog.s``).
    A name with ``size`` or more parts comes back as written (lower-cased)."""
    lowered = tuple(p.lower() for p in parts)
    missing = size - len(lowered)
    if missing <= 0:
        return lowered
    return (*(catalog, schema)[:missing], *lowered)


@dataclass
class Result:
    """What a statement returns: a DB-API description (empty for no result set) and rows."""

    description: list[Description] = field(default_factory=list)
    rows: list[tuple[Any, ...]] = field(default_factory=list)

    @classmethod
    def table(cls, columns: Sequence[tuple[str, str]], rows: Sequence[Sequence[Any]]) -> Result:
        """Result set with the given (name, type) columns."""
        return cls(describe(columns), [tuple(r) for r in rows])

    @classmethod
    def statement(cls) -> Result:
        """A statement without a result set (DDL/DML/DCL)."""
        return cls([], [])


@dataclass
class Session:
    """State of one Databricks SQL session (one ``databricks.sql.connect``)."""

    catalog: str
    schema: str
    user: str
    conf: dict[str, str] = field(default_factory=dict)
    temp_views: set[str] = field(default_factory=set)
    temp_view_deps: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    session_id: str = field(default_factory=lambda: uuid.uuid4().hex)

    def qualify(self, parts: Sequence[str], size: int) -> tuple[str, ...]:
        """``qualify`` with this session's current catalog and schema."""
        return qualify(parts, size, self.catalog, self.schema)
