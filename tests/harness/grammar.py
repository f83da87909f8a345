"""Databricks grammar check for every statement: sqlglot AND sqlfluff, cached by shape.

* sqlglot: ``sqlglot.parse(sql, read="databricks")`` with ``ErrorLevel.RAISE``. A result of
  ``exp.Command`` (sqlglot's "I don't model this" fallback) is accepted only for the statement
  families listed in ``SQLGLOT_COMMAND_OK``; for everything else it is a grammar error.
* sqlfluff: ``Linter`` with dialect ``databricks`` and the raw templater, parse only; any
  ``unparsable`` segment fails. Shapes in ``SQLFLUFF_ALLOW`` (statements dbt-databricks
  itself sends that sqlfluff 4.4.0 cannot parse) skip sqlfluff but must match a strict
  pattern.
* ``INSERT INTO ... REPLACE ON``, which neither checker parses, is allow-listed in the one
  exact shape dbt-databricks sends (``parse_insert_replace_on``); its query is checked by
  sqlglot and sqlfluff like any statement, and any other shape is a grammar error.

Verdicts are cached by ``sqltext.shape`` (quoted identifiers, literals and numbers replaced),
so thousands of GRANTs of one shape cost one sqlfluff parse. ``CHECKER`` (the one the warehouse
uses) also keeps its verdicts on disk (``VerdictStore``), so the large compiled models (100 KB of
SQL, 10-20 s of sqlfluff each) are parsed once per machine rather than once per process.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import tempfile
import threading
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import sqlglot
from sqlglot import exp
from sqlglot.errors import ErrorLevel, ParseError

from .errors import GrammarError
from .sqltext import Token, TokenStream, reduced_values_sql, shape, tokenize

_KEYWORDS = r"(?:ON|TO|FROM|SHOW|GRANTS|GRANT|REVOKE|OWNER|SET|AS|JSON|EXTENDED)"
_NAME = rf"(?:`i`|(?!{_KEYWORDS}\b)[A-Z_][A-Z0-9_]*)"
_DOTTED = rf"{_NAME}(?: \. {_NAME}){{0,2}}"
_SECURABLE_TYPE = (
    r"(?:CATALOG|SCHEMA|DATABASE|TABLE|VIEW|MATERIALIZED VIEW|VOLUME|FUNCTION|"
    r"EXTERNAL LOCATION|STORAGE CREDENTIAL|SERVICE CREDENTIAL|CONNECTION|SHARE)"
)


@dataclass(frozen=True)
class AllowedShape:
    """A statement shape exempt from one checker, with the reason it is exempt."""

    name: str
    pattern: re.Pattern[str]
    reason: str


# Statement families sqlglot 30.30 parses only as a generic exp.Command. Anything else that
# comes back as Command is a grammar error.
SQLGLOT_COMMAND_OK: tuple[AllowedShape, ...] = (
    AllowedShape("SHOW", re.compile(r"^SHOW "), "sqlglot models few SHOW forms"),
    AllowedShape("SET/RESET", re.compile(r"^(?:SET|RESET)\b"), "session configuration"),
    AllowedShape(
        "GRANT/REVOKE",
        re.compile(r"^(?:GRANT|REVOKE) "),
        "multi-word privileges (USE CATALOG, READ VOLUME) and some securable types",
    ),
    AllowedShape(
        "ALTER ... OWNER TO",
        re.compile(rf"^ALTER {_SECURABLE_TYPE} {_DOTTED} (?:SET )?OWNER TO {_NAME}$"),
        "sqlglot has no ownership-transfer model",
    ),
    AllowedShape("CREATE CATALOG", re.compile(r"^CREATE CATALOG "), "no catalog DDL in sqlglot"),
    AllowedShape(
        "CREATE SCHEMA ... LOCATION",
        re.compile(r"^CREATE (?:SCHEMA|DATABASE) .*\bLOCATION\b"),
        "MANAGED LOCATION clause",
    ),
    AllowedShape(
        "ROW FILTER / MASK / TAGS",
        re.compile(r"^ALTER .*\b(?:ROW FILTER|MASK|SET TAGS|UNSET TAGS|UNSET TBLPROPERTIES)\b"),
        "Unity Catalog policy clauses",
    ),
    AllowedShape("COMMENT ON CATALOG", re.compile(r"^COMMENT ON CATALOG "), "catalog comments"),
    AllowedShape("OPTIMIZE", re.compile(r"^OPTIMIZE "), "Delta maintenance"),
    AllowedShape("POLICY", re.compile(r"^(?:CREATE|DROP) (?:OR REPLACE )?POLICY "), "ABAC"),
)

# The only sqlfluff exemptions. Each is a shape dbt-databricks 1.12.7 itself sends.
SQLFLUFF_ALLOW: tuple[AllowedShape, ...] = (
    AllowedShape(
        "SHOW GRANTS",
        re.compile(rf"^SHOW GRANTS(?: {_NAME})? ON(?: {_SECURABLE_TYPE})? {_DOTTED}$"),
        "sqlfluff 4.4.0's databricks dialect has no SHOW GRANTS grammar at all; dbt-databricks "
        "sends `show grants on <relation>` (spark__get_show_grant_sql) for every model with a "
        "grants config whose relation already exists.",
    ),
    AllowedShape(
        "DESCRIBE TABLE EXTENDED ... AS JSON",
        re.compile(rf"^DESCRIBE TABLE EXTENDED {_DOTTED} AS JSON$"),
        "sqlfluff 4.4.0 rejects the trailing AS JSON; dbt-databricks sends it "
        "(get_columns_comments_as_json) to list columns on SQL warehouses.",
    ),
)


# Metastore-level privileges (seeds/vocabulary/privileges.csv, docs.databricks.com/
# data-governance/unity-catalog/manage-privileges/privileges): sqlfluff 4.4.0 knows none of them.
METASTORE_LEVEL_PRIVILEGES: tuple[str, ...] = (
    "ACCESS",
    "CREATE CATALOG",
    "CREATE CLEAN ROOM",
    "CREATE EXTERNAL LOCATION",
    "CREATE EXTERNAL VOLUME",
    "CREATE FOREIGN CATALOG",
    "CREATE FOREIGN SECURABLE",
    "CREATE MANAGED STORAGE",
    "CREATE PROVIDER",
    "CREATE RECIPIENT",
    "CREATE SERVICE CREDENTIAL",
    "CREATE SHARE",
    "CREATE STORAGE CREDENTIAL",
    "EXTERNAL USE LOCATION",
    "MANAGE ALLOWLIST",
    "READ FILES",
    "SET SHARE PERMISSION",
    "USE CONNECTION",
    "USE MARKETPLACE ASSETS",
    "USE PROVIDER",
    "USE RECIPIENT",
    "USE SHARE",
    "WRITE FILES",
)
_METASTORE_PRIVILEGE = "|".join(
    (
        "ALL PRIVILEGES",
        "BROWSE",
        "CREATE CONNECTION",
        "CREATE EXTERNAL TABLE",
        "MANAGE",
        *METASTORE_LEVEL_PRIVILEGES,
    )
)
_METASTORE_OBJECT = r"(?:EXTERNAL LOCATION|STORAGE CREDENTIAL|SERVICE CREDENTIAL|CONNECTION)"

# sqlfluff 4.4.0's databricks dialect has no grammar for a GRANT/REVOKE ON, or an ALTER ...
# OWNER TO, naming an external location, a storage or service credential or a connection (it
# parses `ON METASTORE`). These exact shapes skip sqlfluff (sqlglot still parses them); the
# grammar is the SQL reference's: docs.databricks.com/sql/language-manual/security-grant.html
# (securable_object: CONNECTION, EXTERNAL LOCATION, [STORAGE | SERVICE] CREDENTIAL),
# sql-ref-syntax-ddl-alter-location.html, sql-ref-syntax-ddl-alter-credential.html,
# sql-ref-syntax-ddl-alter-connection.html (`[ SET ] OWNER TO principal`).
SQLFLUFF_ALLOW_METASTORE_OBJECTS: tuple[AllowedShape, ...] = (
    AllowedShape(
        "GRANT/REVOKE ON a metastore-level object",
        re.compile(
            rf"^(?:GRANT (?:{_METASTORE_PRIVILEGE})(?: , (?:{_METASTORE_PRIVILEGE}))* "
            rf"ON {_METASTORE_OBJECT} `i` TO `i`"
            rf"|REVOKE (?:{_METASTORE_PRIVILEGE})(?: , (?:{_METASTORE_PRIVILEGE}))* "
            rf"ON {_METASTORE_OBJECT} `i` FROM `i`)$"
        ),
        "sqlfluff 4.4.0 cannot parse ON EXTERNAL LOCATION / CREDENTIAL / CONNECTION "
        "(security-grant)",
    ),
    AllowedShape(
        "ALTER <metastore-level object> OWNER TO",
        re.compile(rf"^ALTER {_METASTORE_OBJECT} `i` (?:SET )?OWNER TO `i`$"),
        "sqlfluff 4.4.0 has no ALTER EXTERNAL LOCATION / CREDENTIAL / CONNECTION grammar",
    ),
)


# Unity Catalog privileges that sqlfluff 4.4.0's databricks dialect has no grammar for (each
# fails `GRANT <privilege> ON <securable> TO <principal>` there, although all are valid Unity
# Catalog privileges). In a GRANT or REVOKE, each is replaced by SELECT before sqlfluff parses
# the statement, so sqlfluff still checks everything else (ON, the securable, TO/FROM, the
# principal); the privilege itself must be one of these exact names.
SQLFLUFF_UNKNOWN_PRIVILEGES: tuple[str, ...] = (
    "APPLY TAG",
    "BROWSE",
    "CREATE CONNECTION",
    "CREATE MODEL",
    "EXTERNAL USE SCHEMA",
    "MANAGE",
    "REFRESH",
    *METASTORE_LEVEL_PRIVILEGES,
)
_PRIVILEGE_LIST = re.compile(r"^(?P<verb>GRANT|REVOKE)\s+(?P<privileges>.+?)\s+ON\s", re.I | re.S)


def known_privileges_sql(sql: str) -> str:
    """`sql` with the privileges sqlfluff does not know replaced by SELECT (GRANT/REVOKE only)."""
    match = _PRIVILEGE_LIST.match(sql.strip())
    if not match:
        return sql
    privileges = [p.strip() for p in match.group("privileges").split(",")]
    replaced = [
        "SELECT" if " ".join(p.upper().split()) in SQLFLUFF_UNKNOWN_PRIVILEGES else p
        for p in privileges
    ]
    if replaced == privileges:
        return sql
    start, end = match.span("privileges")
    stripped = sql.strip()
    return stripped[:start] + ", ".join(dict.fromkeys(replaced)) + stripped[end:]


def all_privileges_in_list(sql: str) -> tuple[str, str] | None:
    """A failure when a GRANT/REVOKE lists ALL PRIVILEGES beside other privileges.

    The grammar is ``{ ALL PRIVILEGES | privilege_type [, ...] }``
    (docs.databricks.com/sql/language-manual/security-grant.html and security-revoke.html):
    ALL PRIVILEGES replaces the list; neither sqlglot nor sqlfluff checks that.
    """
    match = _PRIVILEGE_LIST.match(sql.strip())
    if not match:
        return None
    privileges = [" ".join(p.upper().split()) for p in match.group("privileges").split(",")]
    if "ALL PRIVILEGES" in privileges and len(privileges) > 1:
        return ("reference", "ALL PRIVILEGES cannot be listed with other privileges")
    return None


@dataclass(frozen=True)
class Verdict:
    """Cached outcome for one shape: None when valid, else (checker, detail)."""

    failure: tuple[str, str] | None
    sqlfluff_skipped_by: str | None = None


# Where ``CHECKER`` keeps verdicts between processes; "off" keeps them in memory only.
VERDICT_STORE_ENV = "UCGOV_HARNESS_GRAMMAR_CACHE"
_DEFAULT_STORE = Path(__file__).resolve().parents[2] / "target" / "harness-grammar-cache"
# Everything a verdict is computed from besides the shape: the checkers' versions and the
# code of this module (patterns, allow-lists, the checks) and of sqltext (shape, VALUES
# reduction, tokenizer). A change to any of them starts an empty store.
_FINGERPRINTED_MODULES = ("grammar.py", "sqltext.py")


def checker_fingerprint() -> str:
    """Hash of what decides a verdict other than the statement's shape."""
    digest = hashlib.sha256()
    for package in ("sqlglot", "sqlfluff"):
        digest.update(f"{package}=={metadata.version(package)}\n".encode())
    here = Path(__file__).resolve().parent
    for name in _FINGERPRINTED_MODULES:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()[:16]


class VerdictStore:
    """Verdicts on disk, one small JSON file per shape under a directory per fingerprint.

    A verdict is a pure function of the shape and of ``checker_fingerprint()`` (the same
    checkers, rules and shape function), so a stored verdict is the one this process would
    compute: reading it skips the work, never a rule. The file name is the SHA-256 of the
    shape and the file holds the shape itself, compared on read (a hash collision or a
    damaged file is a miss, and the shape is checked again). Files are written whole and
    renamed into place, so parallel test workers never read a partial one.
    """

    def __init__(self, root: Path) -> None:
        self.directory = root / checker_fingerprint()

    @classmethod
    def from_environment(cls) -> VerdictStore | None:
        """The store ``UCGOV_HARNESS_GRAMMAR_CACHE`` names (default ``target/
        harness-grammar-cache`` in the repository), or None when it is ``off``."""
        value = os.environ.get(VERDICT_STORE_ENV, "")
        if value.lower() == "off":
            return None
        return cls(Path(value) if value else _DEFAULT_STORE)

    def _path(self, key: str) -> Path:
        return self.directory / f"{hashlib.sha256(key.encode()).hexdigest()}.json"

    def get(self, key: str) -> Verdict | None:
        """The stored verdict for shape ``key``, or None."""
        try:
            data = json.loads(self._path(key).read_text())
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("shape") != key:
            return None
        failure = data.get("failure")
        return Verdict(tuple(failure) if failure else None, data.get("sqlfluff_skipped_by"))

    def put(self, key: str, verdict: Verdict) -> None:
        """Store ``verdict`` for shape ``key`` (best effort: an unwritable store is no store)."""
        record = {
            "shape": key,
            "failure": list(verdict.failure) if verdict.failure else None,
            "sqlfluff_skipped_by": verdict.sqlfluff_skipped_by,
        }
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
            with os.fdopen(fd, "w") as handle:
                json.dump(record, handle)
            os.replace(tmp, self._path(key))
        except OSError:
            return


class GrammarChecker:
    """Checks statements with sqlglot and sqlfluff; thread-safe, cached by shape (in memory,
    and in ``store`` when given)."""

    def __init__(self, store: VerdictStore | None = None) -> None:
        self._cache: dict[str, Verdict] = {}
        self._lock = threading.Lock()
        self._linter = None
        self._store = store
        self.sqlfluff_parses = 0

    def _sqlfluff(self):  # type: ignore[no-untyped-def]
        if self._linter is None:
            from sqlfluff.core import FluffConfig, Linter

            for name in ("sqlfluff", "sqlglot"):
                logging.getLogger(name).setLevel(logging.ERROR)
            self._linter = Linter(
                config=FluffConfig(overrides={"dialect": "databricks", "templater": "raw"})
            )
        return self._linter

    def check(self, sql: str, tokens: list[Token] | None = None) -> None:
        """Raise ``GrammarError`` if ``sql`` is not valid Databricks SQL (``tokens``: the
        caller's ``tokenize(sql)``, so the statement is not tokenized again)."""
        tokens = tokenize(sql) if tokens is None else tokens
        key = shape(sql, tokens)
        with self._lock:
            verdict = self._cache.get(key)
            if verdict is None and self._store is not None:
                verdict = self._store.get(key)
            if verdict is None:
                verdict = self._verdict(reduced_values_sql(sql, tokens), key)
                if self._store is not None:
                    self._store.put(key, verdict)
            self._cache[key] = verdict
        if verdict.failure is not None:
            checker, detail = verdict.failure
            raise GrammarError(checker, detail, sql)

    def _verdict(self, sql: str, key: str) -> Verdict:
        if REPLACE_ON_HEAD.match(key):
            return self._replace_on_verdict(sql)
        failure = all_privileges_in_list(sql) or self._check_sqlglot(sql, key)
        if failure:
            return Verdict(failure)
        for allowed in (*SQLFLUFF_ALLOW, *SQLFLUFF_ALLOW_METASTORE_OBJECTS):
            if allowed.pattern.match(key):
                return Verdict(None, allowed.name)
        return Verdict(self._check_sqlfluff(known_privileges_sql(sql)))

    @staticmethod
    def _check_sqlglot(sql: str, key: str) -> tuple[str, str] | None:
        logging.getLogger("sqlglot").setLevel(logging.ERROR)
        try:
            parsed = sqlglot.parse(sql, read="databricks", error_level=ErrorLevel.RAISE)
        except ParseError as exc:
            return ("sqlglot", str(exc).splitlines()[0])
        except Exception as exc:  # tokenizer errors and the like
            return ("sqlglot", f"{type(exc).__name__}: {exc}")
        statements = [p for p in parsed if p is not None]
        if len(statements) != 1:
            return ("sqlglot", f"expected exactly one statement, found {len(statements)}")
        if isinstance(statements[0], exp.Command) and not any(
            a.pattern.match(key) for a in SQLGLOT_COMMAND_OK
        ):
            return (
                "sqlglot",
                "sqlglot could only parse this as a generic Command (unsupported syntax)",
            )
        return None

    def _replace_on_verdict(self, sql: str) -> Verdict:
        """The allow-listed INSERT ... REPLACE ON shape; its query checked like a statement."""
        try:
            statement = parse_insert_replace_on(sql)
        except ValueError as exc:
            return Verdict(("insert-replace-on", f"{exc}; allowed only as: {REPLACE_ON_SHAPE}"))
        inner = self._verdict(statement.query_sql, shape(statement.query_sql))
        return Verdict(inner.failure, "INSERT ... REPLACE ON")

    def _check_sqlfluff(self, sql: str) -> tuple[str, str] | None:
        self.sqlfluff_parses += 1
        parsed = self._sqlfluff().parse_string(sql)
        problems = [str(v.desc()) for v in parsed.violations]
        tree = parsed.tree
        if tree is None:
            return ("sqlfluff", "; ".join(problems) or "no parse tree")
        unparsable = [seg.raw for seg in tree.recursive_crawl("unparsable")]
        if unparsable or problems:
            detail = "; ".join(problems) or f"unparsable: {unparsable[0][:200]!r}"
            return ("sqlfluff", detail)
        return None


# ---------------------------------------------------------------- INSERT ... REPLACE ON
# Databricks SQL reference, "INSERT" (sql-ref-syntax-dml-insert-into):
#   INSERT INTO [ TABLE ] table_name [target_alias] REPLACE ON boolean_expression
#     { (query) [source_alias] | query }
# (Databricks SQL, Databricks Runtime 17.1 and above), and "Selectively overwrite data with
# Delta Lake": REPLACE ON is a dynamic overwrite by a boolean expression, for NULL-safe
# matching such as `s.colA <=> t.colA AND s.colB <=> t.colB`. dbt-databricks 1.12.7
# (get_insert_replace_on_sql, the insert_overwrite strategy on a SQL warehouse) sends exactly
#   insert into table <target> AS t replace on (t.`c` <=> s.`c` [AND ...])
#   (select `col`, ... from <source>) AS s
# sqlglot 30.30 and sqlfluff 4.4.0 parse neither REPLACE ON nor the aliased source. Only this
# shape is accepted; the documented variants dbt does not send (no TABLE or AS, BY NAME, an
# unparenthesized query), any other condition (`=`, OR, literals, other aliases) and any other
# query form are refused.
REPLACE_ON_SHAPE = (
    "INSERT INTO TABLE <table> AS <t> REPLACE ON (<t>.<column> <=> <s>.<column> [AND ...]) "
    "(SELECT ...) AS <s>"
)
# Statement shapes (``sqltext.shape``) that take this path, allowed or refused.
REPLACE_ON_HEAD = re.compile(r"^INSERT INTO\b.*\bREPLACE ON\b")


@dataclass(frozen=True)
class InsertReplaceOn:
    """A parsed ``INSERT INTO TABLE t AS a REPLACE ON (...) (query) AS b`` statement.

    ``pairs`` are the condition's (target column, source column) null-safe equalities, all
    ANDed; ``query_sql`` is the text inside the parentheses after the condition."""

    target: tuple[str, ...]
    target_alias: str
    pairs: tuple[tuple[str, str], ...]
    query_sql: str
    source_alias: str


def _alias(stream: TokenStream) -> str:
    stream.expect_words("AS")
    tok = stream.next()
    if tok.kind != "word" or tok.upper in ("REPLACE", "ON", "AND", "SELECT"):
        raise ValueError(f"expected an alias after AS, got {tok.text!r}")
    return tok.value.lower()


def _qualified_column(stream: TokenStream) -> tuple[str, str]:
    """``alias.column`` in the condition: (lower-case alias, column)."""
    qualifier = stream.next()
    if qualifier.kind != "word" or not stream.accept_punct("."):
        raise ValueError(f"each side of <=> must be <alias>.<column>, got {qualifier.text!r}")
    return qualifier.value.lower(), stream.identifier()


def parse_insert_replace_on(sql: str, tokens: list[Token] | None = None) -> InsertReplaceOn:
    """Parse the allow-listed shape (``REPLACE_ON_SHAPE``) or raise ``ValueError`` naming
    the first part that does not fit (``tokens``: the caller's ``tokenize(sql)``)."""
    tokens = tokenize(sql) if tokens is None else tokens
    stream = TokenStream(tokens)
    stream.expect_words("INSERT", "INTO", "TABLE")
    target = stream.dotted_name()
    if len(target) != 3:
        raise ValueError(f"the target must be catalog.schema.table, got {'.'.join(target)}")
    target_alias = _alias(stream)
    stream.expect_words("REPLACE", "ON")
    if not stream.accept_punct("("):
        raise ValueError("REPLACE ON must be followed by a parenthesized condition")
    sides: list[tuple[tuple[str, str], tuple[str, str]]] = []
    while True:
        left = _qualified_column(stream)
        if not stream.accept_punct("<=>"):
            got = stream.peek()
            raise ValueError(f"expected <=> in the condition, got {got.text if got else 'end'}")
        sides.append((left, _qualified_column(stream)))
        if stream.accept_punct(")"):
            break
        stream.expect_words("AND")
    if not stream.accept_punct("("):
        raise ValueError("the query must be parenthesized after the condition")
    open_at = stream.pos - 1
    depth = 1
    while depth:
        tok = stream.next()
        if tok.kind == "punct" and tok.text in ("(", ")"):
            depth += 1 if tok.text == "(" else -1
    body = tokens[open_at + 1 : stream.pos - 1]
    if not body or not body[0].is_word("SELECT"):
        raise ValueError("the parenthesized query must be a SELECT")
    query_sql = sql[body[0].start : tokens[stream.pos - 1].start].strip()
    source_alias = _alias(stream)
    stream.expect_end()
    if source_alias == target_alias:
        raise ValueError("the source alias must differ from the target alias")
    for (left_alias, _), (right_alias, _) in sides:
        if (left_alias, right_alias) != (target_alias, source_alias):
            raise ValueError(
                f"each condition term must be {target_alias}.<column> <=> "
                f"{source_alias}.<column>, got {left_alias}.<column> <=> {right_alias}.<column>"
            )
    pairs = tuple((left[1], right[1]) for left, right in sides)
    return InsertReplaceOn(target, target_alias, pairs, query_sql, source_alias)


CHECKER = GrammarChecker(VerdictStore.from_environment())
