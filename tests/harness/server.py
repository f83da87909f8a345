"""The fake SQL warehouse: one entry point that checks, classifies, answers and logs.

``Warehouse.execute(sql, params)`` is what the fake cursor calls. It inlines parameters the
way the connector does (``use_inline_params``), checks the grammar, classifies the statement
(``statements.classify``) and routes it:

* reads: SELECT/WITH -> DuckDB (``engine``), SHOW GRANTS -> ``governance``, other SHOW /
  DESCRIBE -> ``metadata``;
* governance writes -> ``governance``; relation writes -> ``engine``;
* SET / RESET / USE -> session state here.

Anything else raises ``CannotAnswerError``. Every call is appended to the ``StatementLog``.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlglot
from databricks.sql.utils import ParamEscaper, inject_parameters
from sqlglot import exp

from . import governance, scripting, statements
from .backend import Backend
from .engine import Engine
from .errors import (
    CannotAnswerError,
    DatabricksSqlError,
    GrammarError,
    UcError,
    as_sql_error,
    not_found,
)
from .grammar import CHECKER, REPLACE_ON_HEAD, GrammarChecker, parse_insert_replace_on
from .metadata import Metadata, connector_schemas, connector_tables
from .session import Result, Session
from .sqltext import Token, TokenStream, dbt_node_id, shape, strip_leading_comments, tokenize
from .statements import Classification, Statement


@dataclass
class StatementLog:
    """Ordered record of every round trip, plus the harness refusals seen."""

    statements: list[Statement] = field(default_factory=list)
    unanswered: list[CannotAnswerError] = field(default_factory=list)
    grammar_errors: list[GrammarError] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def record(self, **fields: Any) -> Statement:
        """Append a Statement (seq is assigned here)."""
        with self.lock:
            stmt = Statement(seq=len(self.statements) + 1, **fields)
            self.statements.append(stmt)
            return stmt


def inline_params(sql: str, params: Sequence[Any] | None) -> str:
    """Render ``%s`` parameters exactly like the connector's inline-parameter mode."""
    if not params:
        return sql
    return inject_parameters(sql, ParamEscaper().escape_args(list(params)))


def _fallback(tokens: list[Token]) -> Classification:
    """Best-effort kind for a statement that could not be classified (bad grammar)."""
    first = tokens[0].upper if tokens else ""
    kind = {
        "GRANT": statements.GRANT,
        "REVOKE": statements.REVOKE,
        "SELECT": statements.READ,
        "WITH": statements.READ,
        "SHOW": statements.READ,
        "DESCRIBE": statements.READ,
        "SET": statements.SESSION,
        "USE": statements.SESSION,
    }.get(first, statements.DBT_OBJECT)
    return Classification(kind, first or "UNKNOWN")


class Warehouse:
    """Executes statements for one session against a workspace."""

    def __init__(
        self,
        ws: Backend,
        session: Session | None = None,
        *,
        log: StatementLog | None = None,
        checker: GrammarChecker = CHECKER,
    ) -> None:
        self.ws = ws
        self.session = session or Session(ws.working_catalog, "default", ws.state.current_user)
        self.log = log if log is not None else StatementLog()
        self.checker = checker

    # ------------------------------------------------------------------ entry points
    def execute(
        self, sql: str, params: Sequence[Any] | None = None, *, script_sql: str | None = None
    ) -> Result:
        """Answer one statement or raise (Databricks-style error or harness refusal).
        ``script_sql``: the SQL script that carries this statement (logged ``in_script``)."""
        rendered = inline_params(sql, params)
        text = strip_leading_comments(rendered)
        tokens = tokenize(text)  # the only time: grammar, classify and the parsers share them
        if script_sql is None and scripting.is_script(tokens):
            return self._script(sql, text, tokens, params)
        classification = _fallback(tokens)
        error: Exception | None = None
        try:
            self.checker.check(text, tokens)
            try:
                classification = statements.classify(
                    text,
                    catalog=self.session.catalog,
                    schema=self.session.schema,
                    working_catalog=self.ws.working_catalog,
                    tokens=tokens,
                )
            except ValueError as exc:
                raise self._unparsed(text, exc) from exc
            with self.ws.storage.lock:
                return self._dispatch(text, tokens, classification)
        except UcError as exc:
            error = as_sql_error(exc)
            if error is exc:
                raise
            raise error from exc
        except Exception as exc:
            error = exc
            if isinstance(exc, CannotAnswerError):
                self.log.unanswered.append(exc)
            elif isinstance(exc, GrammarError):
                self.log.grammar_errors.append(exc)
            raise
        finally:
            self._record(sql, text, params, classification, error, script_sql)

    def _script(
        self, sql: str, text: str, tokens: list[Token], params: Sequence[Any] | None
    ) -> Result:
        """One round trip carrying a SQL script (``scripting``): its statements run here one
        by one, each checked and logged as carried by it; the script is logged last."""
        error: Exception | None = None
        try:
            block = scripting.parse_script(text, tokens)
            runner = scripting.ScriptRunner(text, lambda inner: self.execute(inner, script_sql=sql))
            runner.run(block)
            return Result.statement()
        except Exception as exc:
            error = exc
            if isinstance(exc, CannotAnswerError) and exc not in self.log.unanswered:
                self.log.unanswered.append(exc)
            raise
        finally:
            script = Classification(statements.SCRIPT, "SCRIPT")
            self._record(sql, text, params, script, error, None)

    def _record(
        self,
        sql: str,
        text: str,
        params: Sequence[Any] | None,
        classification: Classification,
        error: Exception | None,
        script_sql: str | None,
    ) -> None:
        """Log one statement (``script_sql``: the script that carried it, if any)."""
        self.log.record(
            sql=sql,
            text=text,
            params=tuple(params) if params else None,
            kind=classification.kind,
            op=classification.op,
            target=classification.target,
            principal=classification.principal,
            privileges=classification.privileges,
            node_id=dbt_node_id(script_sql or sql),
            session_id=self.session.session_id,
            error=str(error) if error is not None else None,
            in_script=script_sql is not None,
        )

    def metadata_call(self, call: str, *args: str | None) -> Result:
        """Answer ``cursor.schemas`` / ``cursor.tables`` (logged as reads)."""
        sql = f"cursor.{call}({', '.join(repr(a) for a in args)})"
        error: Exception | None = None
        try:
            with self.ws.storage.lock:
                if call == "schemas":
                    return connector_schemas(self.ws, args[0], args[1])
                return connector_tables(self.ws, *args)
        except UcError as exc:
            error = as_sql_error(exc)
            if error is exc:
                raise
            raise error from exc
        except Exception as exc:
            error = exc
            raise
        finally:
            self.log.record(
                sql=sql,
                text=sql,
                params=None,
                kind=statements.READ,
                op=f"cursor.{call}",
                target=None,
                principal=None,
                privileges=(),
                node_id=None,
                session_id=self.session.session_id,
                error=str(error) if error is not None else None,
            )

    # ------------------------------------------------------------------ routing
    def _unparsed(self, text: str, exc: ValueError) -> Exception:
        message = str(exc)
        if message.startswith("unknown privilege"):
            return DatabricksSqlError("INVALID_PARAMETER_VALUE", f"{message[8:]} is not valid.")
        return CannotAnswerError(f"statement could not be parsed by the harness: {exc}", text)

    def _dispatch(self, text: str, tokens: list[Token], c: Classification) -> Result:
        if c.kind == statements.SESSION:
            return self._session_statement(tokens, text)
        if c.op == "SHOW GRANTS":
            return governance.show_grants(self.ws, self.session, c.parsed, text)
        if c.kind == statements.READ and c.op != "SELECT":
            return Metadata(self.ws, self.session, text).run(tokens)
        if c.kind in (statements.GRANT, statements.REVOKE):
            return governance.grant_or_revoke(self.ws, self.session, c.parsed, text)
        if c.kind == statements.SET_OWNER:
            return governance.set_owner(self.ws, self.session, c.parsed, text)
        if c.kind == statements.TAG:
            return governance.tags(self.ws, self.session, c.parsed, text)
        if c.op in ("CREATE CATALOG", "CREATE SCHEMA"):
            return governance.create_container(self.ws, self.session, c.parsed)
        if c.kind == statements.POLICY:
            if c.op in ("SET ROW FILTER", "DROP ROW FILTER", "SET MASK", "DROP MASK"):
                return governance.policy(self.ws, self.session, c.parsed, text)
            raise CannotAnswerError("CREATE/DROP POLICY (ABAC) is not modelled", text)
        if c.op == "INSERT" and REPLACE_ON_HEAD.match(shape(text, tokens)):
            # Grammar-checked above: only the allow-listed shape gets here.
            engine = Engine(self.ws, self.session, text)
            return engine.insert_replace_on(parse_insert_replace_on(text, tokens))
        return self._sqlglot_statement(text, c)

    def _sqlglot_statement(self, text: str, c: Classification) -> Result:
        try:
            node = sqlglot.parse_one(text, read="databricks")
        except sqlglot.errors.ParseError as exc:
            raise CannotAnswerError(f"sqlglot could not parse: {exc}", text) from exc
        engine = Engine(self.ws, self.session, text)
        if c.kind == statements.READ:
            return engine.query(node)
        if isinstance(node, exp.Create):
            return engine.create(node)
        if isinstance(node, exp.Drop):
            if (node.args.get("kind") or "").upper() in ("SCHEMA", "DATABASE"):
                return engine.drop_schema(node)
            return engine.drop(node)
        if isinstance(node, exp.Insert):
            return engine.insert(node)
        if isinstance(node, (exp.Merge, exp.Delete, exp.Update)):
            return engine.dml(node)
        if isinstance(node, exp.TruncateTable):
            return engine.truncate(node)
        if isinstance(node, exp.Alter):
            return engine.alter(node)
        if isinstance(node, exp.Comment):
            return engine.comment(node)
        if isinstance(node, exp.Command) and str(node.this).upper() == "OPTIMIZE":
            return Result.statement()  # Delta file compaction: no observable effect here
        raise CannotAnswerError(f"{type(node).__name__} statements are not modelled", text)

    # ------------------------------------------------------------------ session
    def _session_statement(self, tokens: list[Token], text: str) -> Result:
        stream = TokenStream(tokens)
        if stream.accept_words("USE"):
            return self._use(stream, text)
        if stream.accept_words("RESET"):
            self.session.conf.clear()
            return Result.statement()
        stream.expect_words("SET")
        if stream.at_end():
            rows = sorted(self.session.conf.items())
            return Result.table([("key", "string"), ("value", "string")], rows)
        if stream.peek().is_word("TIME", "VAR", "VARIABLE"):  # type: ignore[union-attr]
            raise CannotAnswerError("SET TIME ZONE / SET VARIABLE are not modelled", text)
        key_tokens = []
        while not stream.at_end() and stream.peek().text != "=":  # type: ignore[union-attr]
            key_tokens.append(stream.next().text)
        key = "".join(key_tokens)
        if stream.accept_punct("="):
            value = " ".join(t.value for t in stream.tokens[stream.pos :])
            self.session.conf[key] = value
        elif key == "spark.databricks.clusterUsageTags.sparkVersion":
            value = self.ws.dbr_version
        else:
            value = self.session.conf.get(key, "<undefined>")
        return Result.table([("key", "string"), ("value", "string")], [(key, value)])

    def _use(self, stream: TokenStream, text: str) -> Result:
        if stream.accept_words("CATALOG"):
            (catalog,) = stream.dotted_name()
            self.ws.state.get("CATALOG", (catalog.lower(),))
            self.session.catalog = catalog.lower()
            self.session.schema = "default"
            return Result.statement()
        stream.accept_words("SCHEMA") or stream.accept_words("DATABASE")
        parts = self.session.qualify(stream.dotted_name(), 2)
        stream.expect_end()
        if len(parts) != 2:
            raise CannotAnswerError("USE with more than two name parts", text)
        if self.ws.state.find("CATALOG", parts[:1]) is None:
            raise not_found("CATALOG", parts[0])
        self.ws.state.get("SCHEMA", parts)
        self.session.catalog, self.session.schema = parts
        return Result.statement()
