"""Small, careful tokenizer for Databricks SQL text.

Used where sqlglot gives no structured parse (GRANT with multi-word privileges, SHOW ...,
ALTER ... OWNER TO, CREATE CATALOG) and to compute the statement "shape" that keys the
grammar cache. It understands backtick identifiers (a doubled backtick inside is one
backtick), single/double quoted strings with backslash escapes, numbers, comments and
punctuation. It never guesses: an unterminated literal raises ``ValueError``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Literal

TokenKind = Literal["word", "qident", "string", "number", "punct"]

_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_$]*")
_NUMBER = re.compile(r"(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?(?:BD|bd|[LSYDFlsydf])?")
_MULTI_PUNCT = ("<=>", "<=", ">=", "<>", "!=", "==", "||", "::", "->", "=>")


@dataclass(frozen=True)
class Token:
    """One lexical token; ``value`` is the unescaped content for identifiers/strings."""

    kind: TokenKind
    text: str
    value: str
    start: int = 0

    @property
    def upper(self) -> str:
        """Upper-cased value for keyword comparison (only meaningful for words)."""
        return self.value.upper()

    def is_word(self, *words: str) -> bool:
        """True when this is an unquoted word equal (case-insensitively) to one of ``words``."""
        return self.kind == "word" and self.value.upper() in words


def _read_quoted(sql: str, start: int, quote: str) -> tuple[str, int]:
    """Read a quoted string literal starting at ``start``; return (value, end index)."""
    out: list[str] = []
    i = start + 1
    while i < len(sql):
        ch = sql[i]
        if ch == "\\" and i + 1 < len(sql):
            nxt = sql[i + 1]
            out.append({"n": "\n", "t": "\t", "r": "\r", "0": "\0"}.get(nxt, nxt))
            i += 2
            continue
        if ch == quote:
            return "".join(out), i + 1
        out.append(ch)
        i += 1
    raise ValueError(f"unterminated string literal at offset {start}")


def _read_backtick(sql: str, start: int) -> tuple[str, int]:
    """Read a backtick identifier; a doubled backtick inside stands for one backtick."""
    out: list[str] = []
    i = start + 1
    while i < len(sql):
        ch = sql[i]
        if ch == "`":
            if i + 1 < len(sql) and sql[i + 1] == "`":
                out.append("`")
                i += 2
                continue
            return "".join(out), i + 1
        out.append(ch)
        i += 1
    raise ValueError(f"unterminated backtick identifier at offset {start}")


def tokenize(sql: str) -> list[Token]:
    """Split ``sql`` into tokens, dropping whitespace and comments."""
    tokens: list[Token] = []
    i = 0
    n = len(sql)
    while i < n:
        ch = sql[i]
        if ch.isspace():
            i += 1
        elif sql.startswith("--", i):
            end = sql.find("\n", i)
            i = n if end < 0 else end + 1
        elif sql.startswith("/*", i):
            end = sql.find("*/", i + 2)
            if end < 0:
                raise ValueError(f"unterminated comment at offset {i}")
            i = end + 2
        elif ch == "`":
            value, end = _read_backtick(sql, i)
            tokens.append(Token("qident", sql[i:end], value, i))
            i = end
        elif ch in "'\"":
            value, end = _read_quoted(sql, i, ch)
            tokens.append(Token("string", sql[i:end], value, i))
            i = end
        elif (m := _NUMBER.match(sql, i)) and not (tokens and tokens[-1].text == "."):
            tokens.append(Token("number", m.group(0), m.group(0), i))
            i = m.end()
        elif m := _WORD.match(sql, i):
            tokens.append(Token("word", m.group(0), m.group(0), i))
            i = m.end()
        else:
            for op in _MULTI_PUNCT:
                if sql.startswith(op, i):
                    tokens.append(Token("punct", op, op, i))
                    i += len(op)
                    break
            else:
                tokens.append(Token("punct", ch, ch, i))
                i += 1
    return tokens


def _token_shape(tok: Token) -> str:
    if tok.kind == "qident":
        return "`i`"
    if tok.kind == "string":
        return "'s'"
    if tok.kind == "number":
        return "0"
    if tok.kind == "word":
        return tok.value.upper()
    return tok.text


def _group_end(tokens: list[Token], start: int) -> int:
    """Index just past the parenthesized group opening at ``start`` (-1 if unbalanced)."""
    depth = 0
    for i in range(start, len(tokens)):
        if tokens[i].kind == "punct" and tokens[i].text == "(":
            depth += 1
        elif tokens[i].kind == "punct" and tokens[i].text == ")":
            depth -= 1
            if depth == 0:
                return i + 1
    return -1


def reduce_values(tokens: list[Token]) -> tuple[list[Token], list[tuple[int, int]]]:
    """Keep one row per distinct row shape in ``VALUES (...), (...), ...`` lists.

    A VALUES list with thousands of rows of one shape is grammatically the same statement
    as a single row, so the grammar check runs on the reduced statement. Returns the kept
    tokens and the (start, end) character spans of the dropped ``, (...)`` rows.
    """
    out: list[Token] = []
    dropped: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        out.append(tok)
        i += 1
        if not tok.is_word("VALUES"):
            continue
        seen: set[str] = set()
        comma: Token | None = None
        while i < len(tokens) and tokens[i].kind == "punct" and tokens[i].text == "(":
            end = _group_end(tokens, i)
            if end < 0:
                break
            group = tokens[i:end]
            key = " ".join(_token_shape(t) for t in group)
            if key in seen and comma is not None:
                dropped.append((comma.start, group[-1].start + 1))
            else:
                if comma is not None:
                    out.append(comma)
                out.extend(group)
                seen.add(key)
            i = end
            if i + 1 < len(tokens) and tokens[i].text == "," and tokens[i + 1].text == "(":
                comma = tokens[i]
                i += 1
                continue
            break
    return out, dropped


def reduced_values_sql(sql: str, tokens: list[Token] | None = None) -> str:
    """``sql`` with duplicate-shape VALUES rows removed (original spacing kept); ``tokens``
    are ``tokenize(sql)`` when the caller already has them."""
    _, dropped = reduce_values(tokenize(sql) if tokens is None else tokens)
    if not dropped:
        return sql
    pieces, pos = [], 0
    for start, end in dropped:
        pieces.append(sql[pos:start])
        pos = end
    pieces.append(sql[pos:])
    return "".join(pieces)


def shape(sql: str, tokens: list[Token] | None = None) -> str:
    """Normalized statement shape: identifiers in backticks, strings and numbers replaced.

    Unquoted words are upper-cased, whitespace/comments dropped and VALUES rows of one shape
    collapsed, so 5,000 GRANTs that differ only in quoted names (or a 10,000-row seed
    insert) share one shape and cost one grammar check. ``tokens``: as in
    ``reduced_values_sql``.
    """
    kept, _ = reduce_values(tokenize(sql) if tokens is None else tokens)
    return " ".join(_token_shape(t) for t in kept)


def compact(sql: str) -> str:
    """Whitespace-normalized SQL for assertions: comments dropped, each run of whitespace
    becomes one space (none after ``(`` / around ``.`` / before ``)`` and ``,``); tokens that
    touched in the original still touch. ``grant select on `c`.`s`.`t` to `g```."""
    out: list[str] = []
    prev: Token | None = None
    for tok in tokenize(sql):
        touching = prev is not None and prev.start + len(prev.text) == tok.start
        glue = prev is None or touching or prev.text in (".", "(") or tok.text in (".", ")", ",")
        out.append(tok.text if glue else " " + tok.text)
        prev = tok
    return "".join(out)


def quote_identifier(name: str) -> str:
    """Quote one identifier part in backticks, doubling any backtick inside."""
    return "`" + name.replace("`", "``") + "`"


def quote_name(parts: tuple[str, ...] | list[str]) -> str:
    """Quote a dotted multi-part name."""
    return ".".join(quote_identifier(p) for p in parts)


def strip_leading_comments(sql: str) -> str:
    """Drop leading whitespace and comments (dbt's query header) and a trailing semicolon."""
    text = sql.strip()
    while True:
        if text.startswith("/*"):
            end = text.find("*/")
            if end < 0:
                break
            text = text[end + 2 :].lstrip()
        elif text.startswith("--"):
            end = text.find("\n")
            text = "" if end < 0 else text[end + 1 :].lstrip()
        else:
            break
    return text.rstrip().rstrip(";").rstrip()


_QUERY_HEADER = re.compile(r"^\s*/\*\s*(\{.*?\})\s*\*/", re.DOTALL)


def dbt_node_id(sql: str) -> str | None:
    """Return the ``node_id`` (or ``connection_name``) from dbt's JSON query header."""
    m = _QUERY_HEADER.match(sql)
    if not m:
        return None
    try:
        header = json.loads(m.group(1))
    except json.JSONDecodeError:
        return None
    if not isinstance(header, dict):
        return None
    value = header.get("node_id") or header.get("connection_name")
    return str(value) if value is not None else None


class TokenStream:
    """Cursor over a token list with small helpers for hand-written parsers."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.pos = 0

    def peek(self, offset: int = 0) -> Token | None:
        """Token at ``pos + offset`` or None past the end."""
        idx = self.pos + offset
        return self.tokens[idx] if idx < len(self.tokens) else None

    def at_end(self) -> bool:
        """True when every token has been consumed."""
        return self.pos >= len(self.tokens)

    def next(self) -> Token:
        """Consume and return the next token (ValueError at the end)."""
        tok = self.peek()
        if tok is None:
            raise ValueError("unexpected end of statement")
        self.pos += 1
        return tok

    def accept_words(self, *words: str) -> bool:
        """Consume the word sequence ``words`` if it is next; report whether it was."""
        for offset, word in enumerate(words):
            tok = self.peek(offset)
            if tok is None or not tok.is_word(word):
                return False
        self.pos += len(words)
        return True

    def expect_words(self, *words: str) -> None:
        """Consume ``words`` or raise ValueError."""
        if not self.accept_words(*words):
            got = self.peek()
            raise ValueError(f"expected {' '.join(words)}, got {got.text if got else 'end'}")

    def accept_punct(self, text: str) -> bool:
        """Consume punctuation ``text`` if it is next."""
        tok = self.peek()
        if tok is not None and tok.kind == "punct" and tok.text == text:
            self.pos += 1
            return True
        return False

    def identifier(self) -> str:
        """Consume one identifier part (word or backtick identifier)."""
        tok = self.next()
        if tok.kind not in ("word", "qident"):
            raise ValueError(f"expected an identifier, got {tok.text}")
        return tok.value

    def dotted_name(self) -> tuple[str, ...]:
        """Consume ``a.b.c`` (any parts quoted or not)."""
        parts = [self.identifier()]
        while self.accept_punct("."):
            parts.append(self.identifier())
        return tuple(parts)

    def string(self) -> str:
        """Consume a string literal and return its value."""
        tok = self.next()
        if tok.kind != "string":
            raise ValueError(f"expected a string literal, got {tok.text}")
        return tok.value

    def expect_end(self) -> None:
        """Raise ValueError if tokens remain."""
        if not self.at_end():
            raise ValueError(f"unexpected trailing text starting at {self.peek().text!r}")  # type: ignore[union-attr]
