"""The statement log: what was sent, and the one place statements are classified.

Statement kinds (``Statement.kind``):

==================  ==========================================================================
``read``            SELECT / WITH / VALUES / SHOW ... / DESCRIBE ... and the connector's
                    metadata calls (``cursor.schemas``, ``cursor.tables``).
``grant``           GRANT ...
``revoke``          REVOKE ...
``create_securable`` CREATE CATALOG (always); CREATE SCHEMA / VOLUME / FUNCTION / VIEW in a
                    catalog other than dbt's working catalog (the profile's ``catalog``):
                    the dynamic views that the uc_governance plan creates are governance.
``drop_securable``  DROP FUNCTION / VOLUME in a catalog other than dbt's working catalog (the
                    governance counterpart of ``create_securable``)
``set_owner``       ALTER <securable> name [SET] OWNER TO principal
``tag``             ALTER ... SET TAGS / UNSET TAGS (also column tags)
``policy``          ALTER TABLE ... SET/DROP ROW FILTER, ALTER COLUMN ... SET/DROP MASK
                    (op = the action), CREATE/DROP POLICY
``dbt_object``      every other write: CREATE/REPLACE/DROP/INSERT/MERGE/ALTER/COMMENT/
                    TRUNCATE/... on relations, and CREATE SCHEMA inside the working catalog
                    (dbt's ``create schema if not exists <catalog>.<schema>``)
``session``         SET / RESET / USE
``script``          a SQL script (``BEGIN ... END``): one round trip; the statements it
                    carries are logged before it with their own kinds and ``in_script``
==================  ==========================================================================

Governance kinds are grant, revoke, create_securable, drop_securable, set_owner, tag and policy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import dcl
from .session import qualify
from .sqltext import Token, TokenStream, compact, tokenize
from .state import name_size

READ = "read"
GRANT = "grant"
REVOKE = "revoke"
CREATE_SECURABLE = "create_securable"
DROP_SECURABLE = "drop_securable"
SET_OWNER = "set_owner"
TAG = "tag"
POLICY = "policy"
DBT_OBJECT = "dbt_object"
SESSION = "session"
SCRIPT = "script"
KINDS = (
    READ,
    GRANT,
    REVOKE,
    CREATE_SECURABLE,
    DROP_SECURABLE,
    SET_OWNER,
    TAG,
    POLICY,
    DBT_OBJECT,
    SESSION,
    SCRIPT,
)
GOVERNANCE_KINDS = frozenset(
    {GRANT, REVOKE, CREATE_SECURABLE, DROP_SECURABLE, SET_OWNER, TAG, POLICY}
)
WRITE_KINDS = frozenset(KINDS) - {READ, SESSION, SCRIPT}  # a script's statements count


@dataclass(frozen=True)
class Target:
    """The securable a statement acts on, with its name fully qualified."""

    securable_type: str
    parts: tuple[str, ...]

    @property
    def name(self) -> str:
        """Dotted, unquoted, lower-case name."""
        return ".".join(self.parts)


@dataclass(frozen=True)
class Classification:
    """Result of ``classify``: kind, operation label and (when known) target details.

    ``parsed`` is the ``dcl`` statement classification parsed on the way (GRANT/REVOKE,
    SHOW GRANTS, OWNER, TAGS, row filter/mask, CREATE CATALOG/SCHEMA), for the warehouse to
    execute without parsing again; None for every other statement.
    """

    kind: str
    op: str
    target: Target | None = None
    principal: str | None = None
    privileges: tuple[str, ...] = ()
    parsed: Any = field(default=None, compare=False)


@dataclass(frozen=True)
class Statement:
    """One round trip to the fake warehouse, in the order it was sent.

    ``sql`` is exactly what dbt passed to ``cursor.execute`` (query header included);
    ``text`` is the statement as the connector would send it (parameters inlined) without the
    dbt query header. Metadata calls have ``sql`` like ``cursor.schemas(main, None)``.
    """

    seq: int
    sql: str
    text: str
    params: tuple[Any, ...] | None
    kind: str
    op: str
    target: Target | None
    principal: str | None
    privileges: tuple[str, ...]
    node_id: str | None
    session_id: str
    error: str | None = None
    in_script: bool = False  # carried by a SQL script (no round trip of its own)

    @property
    def normalized(self) -> str:
        """``text`` with whitespace normalized (``sqltext.compact``; literals untouched)."""
        return compact(self.text)


def _target(ref: dcl.SecurableRef, catalog: str, schema: str) -> Target:
    size = name_size(ref.securable_type)
    return Target(ref.securable_type, qualify(ref.parts, size, catalog, schema))


_OBJECT_WORDS = (
    ("MATERIALIZED", "VIEW"),
    ("STREAMING", "TABLE"),
    ("TABLE",),
    ("VIEW",),
    ("SCHEMA",),
    ("DATABASE",),
    ("CATALOG",),
    ("FUNCTION",),
    ("VOLUME",),
    ("COLUMN",),
)


def _object_after(stream: TokenStream, catalog: str, schema: str) -> Target | None:
    """Find ``[<type>] [IF [NOT] EXISTS] name`` at the stream position."""
    securable_type = "TABLE"
    for words in _OBJECT_WORDS:
        if stream.accept_words(*words):
            securable_type = {"DATABASE": "SCHEMA", "STREAMING TABLE": "TABLE"}.get(
                " ".join(words), " ".join(words)
            )
            break
    stream.accept_words("IF", "NOT", "EXISTS") or stream.accept_words("IF", "EXISTS")
    try:
        parts = stream.dotted_name()
    except ValueError:
        return None
    if securable_type == "COLUMN":
        return Target("COLUMN", qualify(parts, 4, catalog, schema) if len(parts) >= 4 else parts)
    size = {"CATALOG": 1, "SCHEMA": 2}.get(securable_type, 3)
    if len(parts) == 1 and securable_type in ("TABLE", "VIEW") and size == 3:
        # Unqualified: a temporary view or a relation in the session's schema.
        return Target(securable_type, (parts[0].lower(),))
    return Target(securable_type, qualify(parts, size, catalog, schema))


def _has_seq(words: list[str], *seq: str) -> bool:
    """True when ``seq`` occurs as consecutive items of ``words``."""
    n = len(seq)
    return any(tuple(words[i : i + n]) == seq for i in range(len(words) - n + 1))


def _words(tokens: list[Token], count: int) -> list[str]:
    return [t.upper if t.kind == "word" else t.text for t in tokens[:count]]


def classify(
    text: str,
    *,
    catalog: str,
    schema: str,
    working_catalog: str,
    tokens: list[Token] | None = None,
) -> Classification:
    """Classify one statement (``text`` without the dbt query header).

    ``catalog``/``schema`` are the session defaults used to qualify partial names;
    ``tokens`` is ``tokenize(text)`` when the caller has it. Raises ``ValueError`` when a
    governance statement cannot be parsed.
    """
    tokens = tokenize(text) if tokens is None else tokens
    if not tokens:
        return Classification(READ, "EMPTY")
    head = _words(tokens, 4)
    first = head[0]
    upper_all = [t.upper for t in tokens if t.kind == "word"]

    if first in ("SELECT", "WITH", "VALUES", "FROM", "(", "TABLE"):
        return Classification(READ, "SELECT")
    if first in ("SHOW", "DESCRIBE", "DESC", "EXPLAIN", "LIST"):
        if head[:2] == ["SHOW", "GRANTS"]:
            show = dcl.parse_show_grants(tokens)
            return Classification(
                READ,
                "SHOW GRANTS",
                _target(show.securable, catalog, schema),
                show.principal,
                parsed=show,
            )
        return _classify_metadata(tokens, catalog, schema)
    if first in ("SET", "RESET", "USE"):
        return Classification(SESSION, first)
    if first in ("GRANT", "REVOKE"):
        stmt = dcl.parse_grant(tokens)
        return Classification(
            GRANT if first == "GRANT" else REVOKE,
            first,
            _target(stmt.securable, catalog, schema),
            stmt.principal,
            stmt.privileges,
            parsed=stmt,
        )
    if (
        first == "ALTER"
        and len(tokens) >= 4
        and tokens[-3].is_word("OWNER")
        and tokens[-2].is_word("TO")
    ):
        stmt_owner = dcl.parse_owner(tokens)
        return Classification(
            SET_OWNER,
            "ALTER OWNER",
            _target(stmt_owner.securable, catalog, schema),
            stmt_owner.principal,
            parsed=stmt_owner,
        )
    if first == "ALTER" and (
        _has_seq(upper_all, "SET", "TAGS") or _has_seq(upper_all, "UNSET", "TAGS")
    ):
        tag = dcl.parse_tags(tokens)
        return Classification(
            TAG,
            "SET TAGS" if tag.set_tags else "UNSET TAGS",
            _target(tag.securable, catalog, schema),
            parsed=tag,
        )
    if first == "ALTER" and any(
        _has_seq(upper_all, *seq) for seq in (("SET", "MASK"), ("DROP", "MASK"), ("ROW", "FILTER"))
    ):
        pol = dcl.parse_policy(tokens)
        target = _target(dcl.SecurableRef("TABLE", pol.table), catalog, schema)
        return Classification(POLICY, pol.action, target, parsed=pol)
    if first in ("CREATE", "DROP") and "POLICY" in upper_all[:5]:
        return Classification(POLICY, f"{first} POLICY")
    if first == "CREATE" and head[1:2] in (["CATALOG"], ["SCHEMA"], ["DATABASE"]):
        stmt_c = dcl.parse_create_container(tokens)
        size = 1 if stmt_c.securable_type == "CATALOG" else 2
        parts = qualify(stmt_c.parts, size, catalog, schema)
        kind = CREATE_SECURABLE
        if stmt_c.securable_type == "SCHEMA" and parts[0] == working_catalog:
            kind = DBT_OBJECT
        return Classification(
            kind,
            f"CREATE {stmt_c.securable_type}",
            Target(stmt_c.securable_type, parts),
            parsed=stmt_c,
        )
    return _classify_object_write(tokens, head, catalog, schema, working_catalog)


def _classify_metadata(tokens: list[Token], catalog: str, schema: str) -> Classification:
    """SHOW ... / DESCRIBE ...: op label and the catalog/schema/relation it looks at."""
    stream = TokenStream(tokens)
    words: list[str] = []
    while (
        (tok := stream.peek()) is not None
        and tok.kind == "word"
        and tok.upper
        in (
            "SHOW",
            "DESCRIBE",
            "DESC",
            "EXPLAIN",
            "LIST",
            "TABLE",
            "EXTENDED",
            "FORMATTED",
            "SCHEMAS",
            "DATABASES",
            "TABLES",
            "VIEWS",
            "CATALOGS",
            "TBLPROPERTIES",
            "FUNCTIONS",
            "VOLUMES",
            "COLUMNS",
            "DETAIL",
            "HISTORY",
        )
    ):
        words.append("DESCRIBE" if tok.upper == "DESC" else tok.upper)
        stream.pos += 1
    has_in = stream.accept_words("IN") or stream.accept_words("FROM")
    tail = [t.upper for t in tokens if t.kind == "word"][-2:]
    op = " ".join(words) + (" AS JSON" if tail == ["AS", "JSON"] else "")
    try:
        parts = stream.dotted_name() if not stream.at_end() else ()
    except ValueError:
        parts = ()
    if not parts and not has_in and words[-1:] in (["SCHEMAS"], ["DATABASES"]):
        return Classification(READ, op, Target("CATALOG", (catalog,)))
    if not parts:
        return Classification(READ, op)
    if words[-1:] in (["SCHEMAS"], ["DATABASES"]):
        return Classification(READ, op, Target("CATALOG", (parts[0].lower(),)))
    if has_in and words[-1:] in (["TABLES"], ["VIEWS"], ["EXTENDED"]):
        return Classification(READ, op, Target("SCHEMA", qualify(parts, 2, catalog, schema)))
    if len(parts) == 1:
        return Classification(READ, op, Target("TABLE", (parts[0].lower(),)))
    return Classification(READ, op, Target("TABLE", qualify(parts, 3, catalog, schema)))


def _classify_object_write(
    tokens: list[Token], head: list[str], catalog: str, schema: str, working_catalog: str
) -> Classification:
    stream = TokenStream(tokens)
    first = head[0]
    stream.pos = 1
    if first == "CREATE":
        stream.accept_words("OR", "REPLACE")
        temporary = stream.accept_words("TEMPORARY") or stream.accept_words("TEMP")
        target = _object_after(stream, catalog, schema)
        op = (
            "CREATE TEMPORARY VIEW"
            if temporary
            else f"CREATE {target.securable_type if target else ''}".strip()
        )
        if (
            target
            and not temporary
            and target.securable_type in ("FUNCTION", "VOLUME", "VIEW")
            and target.parts[0] != working_catalog
        ):
            return Classification(CREATE_SECURABLE, op, target)
        return Classification(DBT_OBJECT, op, target)
    if first == "INSERT":
        stream.accept_words("INTO") or stream.accept_words("OVERWRITE")
        return Classification(DBT_OBJECT, "INSERT", _object_after(stream, catalog, schema))
    if first in ("MERGE", "DELETE"):
        stream.accept_words("INTO") or stream.accept_words("FROM")
        return Classification(DBT_OBJECT, first, _object_after(stream, catalog, schema))
    if first in ("DROP", "ALTER", "TRUNCATE", "UPDATE", "OPTIMIZE", "ANALYZE", "VACUUM"):
        target = _object_after(stream, catalog, schema)
        if (
            first == "DROP"
            and target
            and target.securable_type in ("FUNCTION", "VOLUME")
            and target.parts[0] != working_catalog
        ):
            return Classification(DROP_SECURABLE, f"DROP {target.securable_type}", target)
        return Classification(DBT_OBJECT, first, target)
    if first == "COMMENT":
        stream.accept_words("ON")
        return Classification(DBT_OBJECT, "COMMENT", _object_after(stream, catalog, schema))
    return Classification(DBT_OBJECT, first)
