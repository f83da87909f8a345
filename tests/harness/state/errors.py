"""The one error the Unity Catalog state raises: ``[ERROR_CLASS] message``.

The state knows nothing of the SQL connector or of HTTP. The fake SQL warehouse turns a
``UcError`` into the connector's server error (``tests.harness.errors.DatabricksSqlError``,
a subclass); a REST fake maps ``error_class`` to its HTTP status and ``error_code``.
"""

from __future__ import annotations


class UcError(Exception):
    """A Unity Catalog refusal as Databricks would report it: ``[ERROR_CLASS] detail``."""

    def __init__(self, error_class: str, detail: str) -> None:
        self.error_class = error_class
        self.detail = detail
        super().__init__(f"[{error_class}] {detail}")


def not_found(kind: str, name: str) -> UcError:
    """Databricks-style 'does not exist' error for a securable of ``kind``.

    **verify**: the exact error classes are taken from the Databricks error-class docs;
    dbt-databricks only relies on ``[SCHEMA_NOT_FOUND]`` and ``[TABLE_OR_VIEW_NOT_FOUND]``.
    """
    if kind == "CATALOG":
        return UcError(
            "NO_SUCH_CATALOG_EXCEPTION",
            f"Catalog '{name}' was not found. Please verify the catalog name and then retry "
            "the query or command again.",
        )
    if kind == "SCHEMA":
        return UcError(
            "SCHEMA_NOT_FOUND",
            f"The schema `{name}` cannot be found. Verify the spelling and correctness of the "
            "schema and catalog.",
        )
    if kind in ("TABLE", "VIEW", "MATERIALIZED VIEW"):
        return UcError(
            "TABLE_OR_VIEW_NOT_FOUND",
            f"The table or view `{name}` cannot be found. Verify the spelling and correctness "
            "of the schema and catalog.",
        )
    if kind == "FUNCTION":
        return UcError("ROUTINE_NOT_FOUND", f"The routine `{name}` cannot be found.")
    return UcError("RESOURCE_DOES_NOT_EXIST", f"{kind.title()} '{name}' does not exist.")
