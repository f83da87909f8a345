"""Errors the command line turns into exit code 2, and the redaction of secret values."""

from __future__ import annotations

import logging
import re
from typing import Any

EXIT_CLEAN = 0
EXIT_DRIFT = 1
EXIT_ERROR = 2
REDACTED = "***"
# JSON fields that carry a secret in Databricks answers, masked in logs even before the value
# is known (the SDK logs an OAuth secret's creation answer before ucgov sees it).
_SECRET_FIELDS = re.compile(r'("(?:secret|token_value|string_value|bytes_value)"\s*:\s*)"[^"]*"')


class UcgovError(Exception):
    """A failure reported to the user as one clear message (exit code 2)."""


def show(value: Any, limit: int = 80) -> str:
    """A value as the user wrote it, escaped (repr) and shortened for an error message."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


class InputError(UcgovError):
    """Bad input: names the file, the key path and the offending value."""

    def __init__(self, source: str, path: str, problem: str, value: Any = None) -> None:
        where = f"{source}: {path or '(top level)'}"
        shown = "" if value is None else f" (value: {show(value)})"
        super().__init__(f"{where}: {problem}{shown}")
        self.source = source
        self.path = path
        self.problem = problem


class Redactor(logging.Filter):
    """Knows every secret value this process handled and removes it from any text.

    Installed as a logging filter on the databricks-sdk logger (the SDK's debug log masks
    ``string_value`` but not an OAuth secret's ``secret`` field) and applied to every line
    the command line prints, including error messages.
    """

    def __init__(self) -> None:
        super().__init__()
        self._values: set[str] = set()

    def add(self, value: str) -> str:
        """Remember a secret value (returned unchanged for convenience)."""
        if value:
            self._values.add(value)
        return value

    def __call__(self, text: str) -> str:
        for value in sorted(self._values, key=len, reverse=True):
            text = text.replace(value, REDACTED)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite a log record's message without secret values or secret JSON fields."""
        record.msg = _SECRET_FIELDS.sub(rf'\1"{REDACTED}"', self(record.getMessage()))
        record.args = ()
        return True


REDACT = Redactor()
for _name in ("databricks", "databricks.sdk"):
    logging.getLogger(_name).addFilter(REDACT)
