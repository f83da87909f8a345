"""Exceptions raised by the offline Databricks harness.

Two families:

* ``DatabricksSqlError`` imitates an error the SQL warehouse itself would return (missing
  securable, unknown principal, invalid privilege ...). It subclasses the connector's
  ``ServerOperationError`` so dbt-databricks treats it exactly like a server error.
* ``HarnessError`` subclasses mean the *harness* refuses: a statement it cannot answer
  faithfully (``HARNESS CANNOT ANSWER: ...``), a statement that fails the Databricks grammar
  check, or an attempt to reach the network. They are recorded on the run and make it fail.
"""

from __future__ import annotations

from databricks.sql.exc import ServerOperationError


class DatabricksSqlError(ServerOperationError):
    """A server-side error as Databricks would report it: ``[ERROR_CLASS] message``."""

    def __init__(self, error_class: str, message: str) -> None:
        self.error_class = error_class
        super().__init__(f"[{error_class}] {message}")


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


def not_found(kind: str, name: str) -> DatabricksSqlError:
    """Databricks-style 'does not exist' error for a securable of ``kind``.

    **verify**: the exact error classes are taken from the Databricks error-class docs;
    dbt-databricks only relies on ``[SCHEMA_NOT_FOUND]`` and ``[TABLE_OR_VIEW_NOT_FOUND]``.
    """
    if kind == "CATALOG":
        return DatabricksSqlError(
            "NO_SUCH_CATALOG_EXCEPTION",
            f"Catalog '{name}' was not found. Please verify the catalog name and then retry "
            "the query or command again.",
        )
    if kind == "SCHEMA":
        return DatabricksSqlError(
            "SCHEMA_NOT_FOUND",
            f"The schema `{name}` cannot be found. Verify the spelling and correctness of the "
            "schema and catalog.",
        )
    if kind in ("TABLE", "VIEW", "MATERIALIZED VIEW"):
        return DatabricksSqlError(
            "TABLE_OR_VIEW_NOT_FOUND",
            f"The table or view `{name}` cannot be found. Verify the spelling and correctness "
            "of the schema and catalog.",
        )
    if kind == "FUNCTION":
        return DatabricksSqlError("ROUTINE_NOT_FOUND", f"The routine `{name}` cannot be found.")
    return DatabricksSqlError("RESOURCE_DOES_NOT_EXIST", f"{kind.title()} '{name}' does not exist.")
