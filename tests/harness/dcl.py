"""Token-level parsers for the governance statements sqlglot does not model.

GRANT / REVOKE / SHOW GRANTS / ALTER ... OWNER TO / CREATE CATALOG / CREATE SCHEMA /
ALTER ... [UN]SET TAGS. Each parser either returns a frozen dataclass or raises
``ValueError`` describing the first token it could not accept.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .sqltext import Token, TokenStream, tokenize
from .state.privileges import ALL_PRIVILEGES, KNOWN_PRIVILEGES, normalize_privilege

# Longest first, so MATERIALIZED VIEW wins over VIEW.
SECURABLE_KEYWORDS: tuple[tuple[str, ...], ...] = (
    ("MATERIALIZED", "VIEW"),
    ("STREAMING", "TABLE"),
    ("EXTERNAL", "LOCATION"),
    ("STORAGE", "CREDENTIAL"),
    ("SERVICE", "CREDENTIAL"),
    ("CATALOG",),
    ("SCHEMA",),
    ("DATABASE",),
    ("TABLE",),
    ("VIEW",),
    ("VOLUME",),
    ("FUNCTION",),
    ("CONNECTION",),
    ("SHARE",),
    ("METASTORE",),
)
_TYPE_ALIASES = {"DATABASE": "SCHEMA", "STREAMING TABLE": "TABLE"}


@dataclass(frozen=True)
class SecurableRef:
    """A securable as written: type (``TABLE`` when omitted) and name parts."""

    securable_type: str
    parts: tuple[str, ...]
    type_written: bool = True

    @property
    def name(self) -> str:
        """Dotted, unquoted name."""
        return ".".join(self.parts)


@dataclass(frozen=True)
class GrantStmt:
    """GRANT or REVOKE of privileges on one securable to/from one principal."""

    action: str  # GRANT | REVOKE
    privileges: tuple[str, ...]
    securable: SecurableRef
    principal: str


@dataclass(frozen=True)
class ShowGrantsStmt:
    """SHOW GRANTS [principal] ON securable."""

    principal: str | None
    securable: SecurableRef


@dataclass(frozen=True)
class OwnerStmt:
    """ALTER <type> name [SET] OWNER TO principal."""

    securable: SecurableRef
    principal: str


@dataclass(frozen=True)
class CreateContainerStmt:
    """CREATE CATALOG / CREATE SCHEMA with its optional clauses."""

    securable_type: str  # CATALOG | SCHEMA
    parts: tuple[str, ...]
    if_not_exists: bool
    comment: str | None = None
    managed_location: str | None = None
    properties: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class TagStmt:
    """ALTER <type> name [ALTER COLUMN c] SET TAGS (...) / UNSET TAGS (...)."""

    securable: SecurableRef
    column: str | None
    set_tags: tuple[tuple[str, str], ...]
    unset_tags: tuple[str, ...]


def _securable_type(stream: TokenStream) -> tuple[str | None, bool]:
    for words in SECURABLE_KEYWORDS:
        if stream.accept_words(*words):
            joined = " ".join(words)
            return _TYPE_ALIASES.get(joined, joined), True
    return None, False


# What the parsers read: SQL text, or its tokens when the caller has tokenized it already.
Source = str | list[Token]


def _stream(source: Source) -> TokenStream:
    return TokenStream(tokenize(source) if isinstance(source, str) else source)


def parse_securable(stream: TokenStream, default_type: str = "TABLE") -> SecurableRef:
    """Parse ``[<type>] name``; a missing type means TABLE (Databricks' default)."""
    securable_type, written = _securable_type(stream)
    if securable_type == "METASTORE":
        return SecurableRef("METASTORE", (), True)
    # A relation literally named like a keyword followed by TO/FROM: treat the word as name.
    nxt = stream.peek()
    if written and (nxt is None or nxt.is_word("TO", "FROM")):
        stream.pos -= 1
        securable_type, written = None, False
    parts = stream.dotted_name()
    return SecurableRef(securable_type or default_type, parts, written)


def _principal(stream: TokenStream) -> str:
    tok = stream.next()
    if tok.kind not in ("word", "qident"):
        raise ValueError(f"expected a principal, got {tok.text}")
    return tok.value


def parse_grant(source: Source) -> GrantStmt:
    """Parse ``GRANT privs ON securable TO principal`` or the REVOKE ... FROM form."""
    stream = _stream(source)
    if stream.accept_words("GRANT"):
        action, joiner = "GRANT", "TO"
    elif stream.accept_words("REVOKE"):
        action, joiner = "REVOKE", "FROM"
    else:
        raise ValueError("expected GRANT or REVOKE")
    privileges: list[str] = []
    words: list[str] = []
    while True:
        tok = stream.next()
        if tok.is_word("ON") and words:
            privileges.append(normalize_privilege(" ".join(words)))
            break
        if tok.kind == "punct" and tok.text == ",":
            if not words:
                raise ValueError("empty privilege in list")
            privileges.append(normalize_privilege(" ".join(words)))
            words = []
            continue
        if tok.kind != "word":
            raise ValueError(f"unexpected {tok.text} in privilege list")
        words.append(tok.value)
    for privilege in privileges:
        if privilege not in KNOWN_PRIVILEGES:
            raise ValueError(f"unknown privilege {privilege}")
    # GRANT/REVOKE take `{ ALL PRIVILEGES | privilege_type [, ...] }`
    # (docs.databricks.com/sql/language-manual/security-grant.html): ALL PRIVILEGES is an
    # alternative to a list, never a member of one.
    if ALL_PRIVILEGES in privileges and len(privileges) > 1:
        raise ValueError("ALL PRIVILEGES cannot be combined with other privileges in one list")
    securable = parse_securable(stream)
    stream.expect_words(joiner)
    principal = _principal(stream)
    stream.expect_end()
    return GrantStmt(action, tuple(privileges), securable, principal)


def parse_show_grants(source: Source) -> ShowGrantsStmt:
    """Parse ``SHOW GRANTS [principal] ON securable``."""
    stream = _stream(source)
    stream.expect_words("SHOW", "GRANTS")
    principal = None
    if not stream.accept_words("ON"):
        principal = _principal(stream)
        stream.expect_words("ON")
    securable = parse_securable(stream)
    stream.expect_end()
    return ShowGrantsStmt(principal, securable)


def _alter_target(source: Source) -> tuple[TokenStream, str, tuple[str, ...]]:
    """Parse the ``ALTER <type> name`` prefix; return the stream positioned after the name."""
    stream = _stream(source)
    stream.expect_words("ALTER")
    securable_type, written = _securable_type(stream)
    if not written or securable_type is None:
        raise ValueError("expected a securable type after ALTER")
    return stream, securable_type, stream.dotted_name()


def parse_owner(source: Source) -> OwnerStmt:
    """Parse ``ALTER <type> name [SET] OWNER TO principal``."""
    stream, securable_type, parts = _alter_target(source)
    stream.accept_words("SET")
    stream.expect_words("OWNER", "TO")
    principal = _principal(stream)
    stream.expect_end()
    return OwnerStmt(SecurableRef(securable_type, parts), principal)


def parse_create_container(source: Source) -> CreateContainerStmt:
    """Parse CREATE CATALOG / CREATE SCHEMA|DATABASE with COMMENT / [MANAGED] LOCATION."""
    stream = _stream(source)
    stream.expect_words("CREATE")
    if stream.accept_words("CATALOG"):
        securable_type = "CATALOG"
    elif stream.accept_words("SCHEMA") or stream.accept_words("DATABASE"):
        securable_type = "SCHEMA"
    else:
        raise ValueError("expected CATALOG or SCHEMA")
    if_not_exists = stream.accept_words("IF", "NOT", "EXISTS")
    parts = stream.dotted_name()
    comment = location = None
    properties: dict[str, str] = {}
    while not stream.at_end():
        if stream.accept_words("COMMENT"):
            comment = stream.string()
        elif stream.accept_words("MANAGED", "LOCATION") or stream.accept_words("LOCATION"):
            location = stream.string()
        elif stream.accept_words("WITH", "DBPROPERTIES") or stream.accept_words("OPTIONS"):
            properties.update(_key_values(stream))
        else:
            raise ValueError(f"unsupported clause at {stream.peek().text!r}")  # type: ignore[union-attr]
    return CreateContainerStmt(securable_type, parts, if_not_exists, comment, location, properties)


def _key_values(stream: TokenStream) -> dict[str, str]:
    if not stream.accept_punct("("):
        raise ValueError("expected (")
    result: dict[str, str] = {}
    while True:
        key = stream.next()
        if not stream.accept_punct("="):
            raise ValueError("expected =")
        result[key.value] = stream.string()
        if stream.accept_punct(")"):
            return result
        if not stream.accept_punct(","):
            raise ValueError("expected , or )")


def parse_tags(source: Source) -> TagStmt:
    """Parse ``ALTER <type> name [ALTER COLUMN c] SET TAGS ('k' = 'v', ...)`` / UNSET TAGS."""
    stream, securable_type, parts = _alter_target(source)
    column = None
    if stream.accept_words("ALTER", "COLUMN") or stream.accept_words("ALTER"):
        column = stream.identifier()
    set_tags: list[tuple[str, str]] = []
    unset: list[str] = []
    if stream.accept_words("SET", "TAGS"):
        set_tags = list(_key_values(stream).items())
    elif stream.accept_words("UNSET", "TAGS"):
        if not stream.accept_punct("("):
            raise ValueError("expected (")
        while True:
            unset.append(stream.string())
            if stream.accept_punct(")"):
                break
            if not stream.accept_punct(","):
                raise ValueError("expected , or )")
    else:
        raise ValueError("expected SET TAGS or UNSET TAGS")
    stream.expect_end()
    return TagStmt(SecurableRef(securable_type, parts), column, tuple(set_tags), tuple(unset))


@dataclass(frozen=True)
class PolicyStmt:
    """Row filter / column mask change on one table.

    ``action`` is ``SET ROW FILTER``, ``DROP ROW FILTER``, ``SET MASK`` or ``DROP MASK``.
    """

    table: tuple[str, ...]
    action: str
    column: str | None = None
    function: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()


def _name_list(stream: TokenStream) -> tuple[str, ...]:
    if not stream.accept_punct("("):
        raise ValueError("expected (")
    names: list[str] = []
    if stream.accept_punct(")"):
        return ()
    while True:
        names.append(stream.identifier())
        if stream.accept_punct(")"):
            return tuple(names)
        if not stream.accept_punct(","):
            raise ValueError("expected , or )")


def parse_policy(source: Source) -> PolicyStmt:
    """Parse ``ALTER TABLE t SET ROW FILTER f ON (cols)`` / ``DROP ROW FILTER`` /
    ``ALTER COLUMN c SET MASK f [USING COLUMNS (cols)]`` / ``ALTER COLUMN c DROP MASK``."""
    stream = _stream(source)
    stream.expect_words("ALTER", "TABLE")
    table = stream.dotted_name()
    if stream.accept_words("SET", "ROW", "FILTER"):
        function = stream.dotted_name()
        stream.expect_words("ON")
        columns = _name_list(stream)
        stream.expect_end()
        return PolicyStmt(table, "SET ROW FILTER", function=function, columns=columns)
    if stream.accept_words("DROP", "ROW", "FILTER"):
        stream.expect_end()
        return PolicyStmt(table, "DROP ROW FILTER")
    if not (stream.accept_words("ALTER", "COLUMN") or stream.accept_words("CHANGE", "COLUMN")):
        raise ValueError("expected SET/DROP ROW FILTER or ALTER COLUMN")
    column = stream.identifier()
    if stream.accept_words("DROP", "MASK"):
        stream.expect_end()
        return PolicyStmt(table, "DROP MASK", column=column)
    stream.expect_words("SET", "MASK")
    function = stream.dotted_name()
    using: tuple[str, ...] = ()
    if stream.accept_words("USING", "COLUMNS"):
        using = _name_list(stream)
    stream.expect_end()
    return PolicyStmt(table, "SET MASK", column=column, function=function, columns=using)
