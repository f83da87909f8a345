"""Exceptions raised by the offline Databricks harness.

Two families:

* ``DatabricksSqlError`` imitates an error the SQL warehouse itself would return (missing
  securable, unknown principal, invalid privilege ...). It subclasses the connector's
  ``ServerOperationError`` so dbt-databricks treats it exactly like a server error, and the
  state's ``UcError``: the warehouse turns every ``UcError`` into one (``as_sql_error``).
* ``HarnessError`` subclasses mean the *harness* refuses: a statement it cannot answer
  faithfully (``HARNESS CANNOT ANSWER: ...``), a statement that fails the Databricks grammar
  check, or an attempt to reach the network. They are recorded on the run and make it fail.
"""

from __future__ import annotations

from databricks.sql.exc import ServerOperationError

from .state.errors import UcError, not_found

__all__ = [
    "CannotAnswerError",
    "DatabricksSqlError",
    "GrammarError",
    "HarnessError",
    "NetworkBlockedError",
    "UcError",
    "as_sql_error",
    "not_found",
]


class DatabricksSqlError(UcError, ServerOperationError):
    """A server-side error as Databricks would report it: ``[ERROR_CLASS] message``."""


def as_sql_error(error: UcError) -> DatabricksSqlError:
    """The connector-level error the warehouse returns for a Unity Catalog state refusal."""
    if isinstance(error, DatabricksSqlError):
        return error
    return DatabricksSqlError(error.error_class, error.detail)


class HarnessError(Exception):
    """Base class for refusals by the harness itself (never a simulated server answer)."""


class CannotAnswerError(HarnessError):
    """The harness has no faithful answer for this statement; it never invents one."""

    def __init__(self, reason: str, sql: str) -> None:
        self.reason = reason
        self.sql = sql
        super().__init__(f"HARNESS CANNOT ANSWER: {reason}\n--- SQL ---\n{sql}")


class GrammarError(HarnessError):
    """The statement is not valid Databricks SQL according to sqlglot and/or sqlfluff."""

    def __init__(self, checker: str, detail: str, sql: str) -> None:
        self.checker = checker
        self.detail = detail
        self.sql = sql
        super().__init__(f"HARNESS GRAMMAR ERROR ({checker}): {detail}\n--- SQL ---\n{sql}")


class NetworkBlockedError(HarnessError, OSError):
    """Raised when code under the harness tries to open a non-loopback connection."""
