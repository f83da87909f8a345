"""SQL scripting: a ``BEGIN ... END`` compound statement, run statement by statement.

Databricks SQL reference (SQL scripting; "BEGIN END compound statement", "SIGNAL statement",
"RESIGNAL statement", "GET DIAGNOSTICS statement"; Databricks SQL and Databricks Runtime
16.3 and above) is what this module imitates, in the subset governance apply uses, taking
the stricter reading where the documentation is silent:

* A script is one round trip. Its body runs in order; a failing statement stops it, and the
  statements before it are **not** rolled back (the compound is NOT ATOMIC by default).
* Declarations come first: variables (one per DECLARE: "prior to Databricks Runtime 17.2 you
  can only declare one variable at a time"), then handlers, then statements. A top-level
  compound takes no label.
* One handler kind: ``DECLARE EXIT HANDLER FOR SQLEXCEPTION`` (CONTINUE handlers are newer
  than 16.3: refused). The handler body is a compound whose first statement may be
  ``GET DIAGNOSTICS CONDITION 1 var = MESSAGE_TEXT | RETURNED_SQLSTATE |
  CONDITION_IDENTIFIER`` ("must be the first statement in the handler").
* ``SIGNAL SQLSTATE 'xxxxx' [SET MESSAGE_TEXT = 'literal']`` (message_str is a STRING
  literal), ``SIGNAL USER_RAISED_EXCEPTION SET MESSAGE_ARGUMENTS = map_variable_or_map``
  (key ``errorMessage``), ``RESIGNAL`` (only inside a handler): each raises
  ``USER_RAISED_EXCEPTION`` (or re-raises the handled error) to the invoker.
* ``SET var = expr`` on declared local variables; expressions are string/number literals,
  variables, ``||`` and ``map(k, v)``.

The SQL statements of the body (GRANT, REVOKE, ALTER ... OWNER TO, CREATE ...) go back to
the warehouse one by one (``run_statement``), each checked and logged like a round trip of
its own but marked as carried by the script. Anything else (control flow, queries whose
result the invoker would read, EXECUTE IMMEDIATE, nested compounds) is not modelled and
raises ``CannotAnswerError``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .errors import CannotAnswerError, DatabricksSqlError, HarnessError, UcError
from .sqltext import Token

_TYPES = {"STRING": "string", "INT": "int", "INTEGER": "int", "BIGINT": "int"}
_CONTROL_FLOW = (
    "IF",
    "CASE",
    "WHILE",
    "FOR",
    "LOOP",
    "REPEAT",
    "LEAVE",
    "ITERATE",
    "EXECUTE",
    "BEGIN",
    "DECLARE",
    "OPEN",
    "FETCH",
    "CLOSE",
)
_QUERIES = ("SELECT", "WITH", "VALUES", "SHOW", "DESCRIBE", "FROM", "TABLE")
_DIAGNOSTICS = ("MESSAGE_TEXT", "RETURNED_SQLSTATE", "CONDITION_IDENTIFIER")


def is_script(tokens: list[Token]) -> bool:
    """True when the statement is a compound statement (``BEGIN`` not opening a transaction),
    or starts with a label (``name: BEGIN``), which a top-level compound may not have."""
    if not tokens:
        return False
    if tokens[0].is_word("BEGIN"):
        nxt = tokens[1] if len(tokens) > 1 else None
        return nxt is None or not nxt.is_word("TRANSACTION", "WORK")
    return (
        len(tokens) > 2
        and tokens[0].kind in ("word", "qident")
        and tokens[1].text == ":"
        and tokens[2].is_word("BEGIN")
    )


def _syntax(message: str) -> DatabricksSqlError:
    return DatabricksSqlError("PARSE_SYNTAX_ERROR", f"Syntax error in SQL script: {message}")


@dataclass
class Step:
    """One statement of a compound body: kind ``sql``, ``set``, ``diagnostics``, ``signal``
    or ``resignal``; ``tokens`` without the closing semicolon; ``text`` its source text."""

    kind: str
    tokens: list[Token]
    text: str


@dataclass
class Compound:
    """A parsed ``BEGIN ... END``: variables (name -> (type, default tokens)), the optional
    EXIT handler, the body."""

    variables: dict[str, tuple[str, list[Token]]] = field(default_factory=dict)
    handler: Compound | None = None
    body: list[Step] = field(default_factory=list)


class _Parser:
    def __init__(self, text: str, tokens: list[Token]) -> None:
        self.text = text
        self.tokens = tokens
        self.pos = 0

    def peek(self, offset: int = 0) -> Token | None:
        idx = self.pos + offset
        return self.tokens[idx] if idx < len(self.tokens) else None

    def expect_word(self, *words: str) -> None:
        for word in words:
            tok = self.peek()
            if tok is None or not tok.is_word(word):
                raise _syntax(f"expected {word}, got {tok.text if tok else 'end of script'}")
            self.pos += 1

    def statement_tokens(self) -> tuple[list[Token], str]:
        """Tokens up to the next top-level ';' (consumed), and their source text."""
        start = self.pos
        depth = 0
        while True:
            tok = self.peek()
            if tok is None:
                raise _syntax("a statement is not closed by ';' before the end of the script")
            if tok.text in ("(", "["):
                depth += 1
            elif tok.text in (")", "]"):
                depth -= 1
            elif tok.text == ";" and depth == 0 and tok.kind == "punct":
                break
            self.pos += 1
        chosen = self.tokens[start : self.pos]
        self.pos += 1
        if not chosen:
            raise _syntax("empty statement")
        end_tok = self.tokens[self.pos - 1]
        return chosen, self.text[chosen[0].start : end_tok.start].strip()

    def compound(self, *, in_handler: bool) -> Compound:
        self.expect_word("BEGIN")
        if self.peek() is not None and self.peek().is_word("ATOMIC", "NOT"):  # type: ignore[union-attr]
            raise CannotAnswerError("BEGIN [NOT] ATOMIC is not modelled", self.text)
        block = Compound()
        phase = 0  # 0 variables, 1 handlers, 2 statements
        while True:
            tok = self.peek()
            if tok is None:
                raise _syntax("missing END")
            if tok.is_word("END"):
                self.pos += 1
                return block
            if tok.is_word("DECLARE") and self._next_is_handler():
                if in_handler:
                    raise CannotAnswerError("a handler inside a handler is not modelled", self.text)
                if phase > 1 or block.handler is not None:
                    raise _syntax("a handler is declared after a statement, or twice")
                self.pos += 1
                kind = self.peek()
                if kind is not None and kind.is_word("CONTINUE"):
                    raise CannotAnswerError(
                        "CONTINUE handlers are not in Databricks Runtime 16.3; not modelled",
                        self.text,
                    )
                self.expect_word("EXIT", "HANDLER", "FOR", "SQLEXCEPTION")
                block.handler = self.compound(in_handler=True)
                self._expect_semicolon()
                phase = 1
                continue
            if tok.is_word("DECLARE"):
                if phase > 0:
                    raise _syntax("variables must be declared before handlers and statements")
                self.pos += 1
                self._declare(block)
                continue
            phase = 2
            stmt, text = self.statement_tokens()
            block.body.append(Step(self._kind(stmt, text, in_handler, block), stmt, text))

    def _next_is_handler(self) -> bool:
        nxt = self.peek(1)
        after = self.peek(2)
        return (nxt is not None and nxt.is_word("EXIT", "CONTINUE")) and (
            after is not None and after.is_word("HANDLER")
        )

    def _expect_semicolon(self) -> None:
        tok = self.peek()
        if tok is None or tok.text != ";":
            raise _syntax("expected ';' after END of a handler")
        self.pos += 1

    def _declare(self, block: Compound) -> None:
        stmt, text = self.statement_tokens()
        name = stmt[0]
        if name.kind not in ("word", "qident"):
            raise _syntax(f"bad variable name in DECLARE {text}")
        if len(stmt) > 1 and stmt[1].text == ",":
            raise _syntax("only one variable per DECLARE before Databricks Runtime 17.2: " + text)
        rest = stmt[1:]
        if rest and rest[0].is_word("MAP"):
            shape = "".join(t.text.upper() for t in rest[:6])
            if shape != "MAP<STRING,STRING>":
                raise CannotAnswerError(f"variable type not modelled: {text}", self.text)
            vtype, rest = "map", rest[6:]
        elif rest and rest[0].kind == "word" and rest[0].upper in _TYPES:
            vtype, rest = _TYPES[rest[0].upper], rest[1:]
        else:
            raise CannotAnswerError(f"variable type not modelled: {text}", self.text)
        default: list[Token] = []
        if rest:
            if not (rest[0].is_word("DEFAULT") or rest[0].text == "="):
                raise _syntax(f"unexpected text in DECLARE {text}")
            default = rest[1:]
        key = name.value.lower()
        if key in block.variables:
            raise DatabricksSqlError(
                "VARIABLE_ALREADY_EXISTS", f"The variable `{name.value}` already exists."
            )
        block.variables[key] = (vtype, default)

    def _kind(self, stmt: list[Token], text: str, in_handler: bool, block: Compound) -> str:
        first = stmt[0]
        if first.is_word("SET") and not (len(stmt) > 1 and stmt[1].is_word("TAGS")):
            return "set"
        if first.is_word("GET"):
            if not in_handler:
                raise _syntax("GET DIAGNOSTICS is only allowed inside a condition handler")
            if block.body:
                raise _syntax("GET DIAGNOSTICS must be the first statement in the handler")
            return "diagnostics"
        if first.is_word("SIGNAL"):
            return "signal"
        if first.is_word("RESIGNAL"):
            if not in_handler:
                raise _syntax("RESIGNAL is only allowed inside a condition handler")
            return "resignal"
        if first.kind == "word" and first.upper in _CONTROL_FLOW:
            raise CannotAnswerError(f"{first.upper} inside a SQL script is not modelled", text)
        if first.kind == "word" and first.upper in _QUERIES:
            raise CannotAnswerError("queries inside a SQL script are not modelled", text)
        if in_handler:
            raise CannotAnswerError("SQL statements inside a handler are not modelled", text)
        return "sql"


def parse_script(text: str, tokens: list[Token]) -> Compound:
    """Parse a top-level compound statement (``DatabricksSqlError`` for what Databricks
    refuses, ``CannotAnswerError`` for what the harness does not model)."""
    if tokens and not tokens[0].is_word("BEGIN"):
        raise _syntax("a top-level compound statement must not have a label")
    parser = _Parser(text, tokens)
    block = parser.compound(in_handler=False)
    if parser.peek() is not None and parser.peek().text == ";":  # type: ignore[union-attr]
        parser.pos += 1
    if parser.peek() is not None:
        raise _syntax(f"unexpected text after END: {parser.peek().text}")  # type: ignore[union-attr]
    return block


@dataclass
class _SignalError(Exception):
    """Raised inside the script runner to leave the script with an error."""

    error: DatabricksSqlError


class ScriptRunner:
    """Runs a parsed script; ``run_statement(text)`` executes one SQL statement of the body."""

    def __init__(self, text: str, run_statement: Callable[[str], object]) -> None:
        self.text = text
        self.run_statement = run_statement

    def run(self, block: Compound) -> None:
        """Run the script; raise the error it leaves with (``DatabricksSqlError``)."""
        scope = self._declare({}, block)
        try:
            self._body(block, scope)
        except _SignalError as signal:
            raise signal.error from None

    def _declare(self, outer: dict[str, object], block: Compound) -> dict[str, object]:
        scope = dict(outer)
        for name, (_vtype, default) in block.variables.items():
            scope[name] = self._eval(default, scope) if default else None
        return scope

    def _body(self, block: Compound, scope: dict[str, object]) -> None:
        for step in block.body:
            if step.kind == "sql":
                try:
                    self.run_statement(step.text)
                except HarnessError:
                    raise
                except UcError as error:
                    if block.handler is None:
                        raise
                    self._handle(block.handler, scope, error)
                    return  # EXIT handler: the compound ends after it
            else:
                self._control(step, scope, block, handled=None)

    def _handle(self, handler: Compound, outer: dict[str, object], error: UcError) -> None:
        scope = self._declare(outer, handler)
        for step in handler.body:
            self._control(step, scope, handler, handled=error)
        for name in list(outer):
            if name not in handler.variables:
                outer[name] = scope[name]

    def _control(
        self, step: Step, scope: dict[str, object], block: Compound, handled: UcError | None
    ) -> None:
        toks = step.tokens
        if step.kind == "set":
            start = 2 if len(toks) > 1 and toks[1].is_word("VAR", "VARIABLE") else 1
            name = toks[start].value.lower()
            if name not in scope:
                raise DatabricksSqlError(
                    "UNRESOLVED_VARIABLE", f"Cannot resolve variable `{toks[start].value}`."
                )
            if len(toks) <= start + 2 or toks[start + 1].text != "=":
                raise _syntax(f"expected SET variable = expression: {step.text}")
            scope[name] = self._eval(toks[start + 2 :], scope)
        elif step.kind == "diagnostics":
            self._diagnostics(step, scope, handled)
        elif step.kind == "resignal":
            assert handled is not None
            raise _SignalError(
                handled
                if isinstance(handled, DatabricksSqlError)
                else DatabricksSqlError(handled.error_class, handled.detail)
            )
        elif step.kind == "signal":
            raise _SignalError(self._signal(step, scope))

    def _diagnostics(self, step: Step, scope: dict[str, object], handled: UcError | None) -> None:
        toks = step.tokens
        words = [t.upper for t in toks[:4]]
        if words != ["GET", "DIAGNOSTICS", "CONDITION", "1"]:
            raise _syntax(f"expected GET DIAGNOSTICS CONDITION 1: {step.text}")
        assert handled is not None
        values = {
            "MESSAGE_TEXT": str(handled),
            "RETURNED_SQLSTATE": "",
            "CONDITION_IDENTIFIER": handled.error_class,
        }
        items = toks[4:]
        while items:
            if len(items) < 3 or items[1].text != "=" or items[2].upper not in _DIAGNOSTICS:
                raise CannotAnswerError(
                    f"GET DIAGNOSTICS item not modelled: {step.text}", self.text
                )
            name = items[0].value.lower()
            if name not in scope:
                raise DatabricksSqlError(
                    "UNRESOLVED_VARIABLE", f"Cannot resolve variable `{items[0].value}`."
                )
            scope[name] = values[items[2].upper]
            items = items[3:]
            if items and items[0].text == ",":
                items = items[1:]

    def _signal(self, step: Step, scope: dict[str, object]) -> DatabricksSqlError:
        toks = step.tokens[1:]
        if toks and toks[0].is_word("SQLSTATE"):
            toks = toks[1:]
            if toks and toks[0].is_word("VALUE"):
                toks = toks[1:]
            if not toks or toks[0].kind != "string" or len(toks[0].value) != 5:
                raise _syntax(f"SQLSTATE must be a STRING literal of length 5: {step.text}")
            message = f"The user raised an exception with SQLSTATE {toks[0].value}."
            rest = toks[1:]
            if rest:
                words = [t.upper for t in rest[:3]]
                if words != ["SET", "MESSAGE_TEXT", "="] or len(rest) != 4:
                    raise _syntax(f"expected SET MESSAGE_TEXT = literal: {step.text}")
                if rest[3].kind != "string":
                    # the reference: message_str is "a STRING literal"
                    raise _syntax(f"MESSAGE_TEXT must be a STRING literal: {step.text}")
                message = rest[3].value
            return DatabricksSqlError("USER_RAISED_EXCEPTION", message)
        if toks and toks[0].is_word("USER_RAISED_EXCEPTION"):
            words = [t.upper for t in toks[1:4]]
            if words != ["SET", "MESSAGE_ARGUMENTS", "="]:
                raise CannotAnswerError(f"SIGNAL form not modelled: {step.text}", self.text)
            arguments = self._eval(toks[4:], scope)
            if not isinstance(arguments, dict) or "errorMessage" not in arguments:
                raise DatabricksSqlError(
                    "INVALID_PARAMETER_VALUE",
                    "USER_RAISED_EXCEPTION takes MESSAGE_ARGUMENTS with the key errorMessage.",
                )
            return DatabricksSqlError("USER_RAISED_EXCEPTION", str(arguments["errorMessage"]))
        raise CannotAnswerError(f"SIGNAL form not modelled: {step.text}", self.text)

    def _eval(self, toks: list[Token], scope: dict[str, object]) -> object:
        """Evaluate literals, variables, ``||`` and ``map(k, v)``."""
        if toks and toks[0].is_word("MAP") and len(toks) > 1 and toks[1].text == "(":
            if toks[-1].text != ")":
                raise CannotAnswerError("expression not modelled", self.text)
            inner = toks[2:-1]
            depth = 0
            for index, tok in enumerate(inner):
                depth += tok.text == "("
                depth -= tok.text == ")"
                if tok.text == "," and depth == 0:
                    key = self._eval(inner[:index], scope)
                    return {str(key): self._eval(inner[index + 1 :], scope)}
            raise CannotAnswerError("map() with other than one key and value", self.text)
        parts: list[object] = []
        expect_term = True
        for tok in toks:
            if expect_term:
                if tok.kind == "string":
                    parts.append(tok.value)
                elif tok.kind == "number":
                    parts.append(int(tok.value))
                elif tok.kind in ("word", "qident") and tok.value.lower() in scope:
                    parts.append(scope[tok.value.lower()])
                elif tok.kind in ("word", "qident"):
                    raise DatabricksSqlError(
                        "UNRESOLVED_VARIABLE", f"Cannot resolve variable `{tok.value}`."
                    )
                else:
                    raise CannotAnswerError(f"expression not modelled: {tok.text}", self.text)
            elif tok.text != "||":
                raise CannotAnswerError(f"expression not modelled: {tok.text}", self.text)
            expect_term = not expect_term
        if expect_term or not parts:
            raise _syntax("incomplete expression")
        if len(parts) == 1:
            return parts[0]
        if any(p is None for p in parts):
            return None  # || with NULL is NULL
        return "".join(str(p) for p in parts)
