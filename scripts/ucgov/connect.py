"""Clients from the SDK's usual configuration, and SDK errors turned into one clear line.

Host, token or OAuth settings come from ``DATABRICKS_*`` environment variables or a profile in
``~/.databrickscfg`` (``--profile``): the command line never takes a secret.
"""

from __future__ import annotations

from typing import Any

from databricks.sdk import AccountClient, WorkspaceClient
from databricks.sdk.errors import (
    DatabricksError,
    InternalError,
    NotFound,
    PermissionDenied,
    ResourceConflict,
    TemporarilyUnavailable,
    TooManyRequests,
    Unauthenticated,
)

from ucgov.errors import REDACT, UcgovError

_HINTS: tuple[tuple[type[DatabricksError], str], ...] = (
    (Unauthenticated, "authentication failed: check DATABRICKS_HOST and the token or profile"),
    (PermissionDenied, "permission denied: the identity in use lacks the rights this needs"),
    (NotFound, "not found: the object changed since the plan was made"),
    (ResourceConflict, "conflict: the object changed since the plan was made"),
    (TooManyRequests, "rate limited by Databricks, still after the SDK's retries"),
    (TemporarilyUnavailable, "Databricks is temporarily unavailable"),
    (InternalError, "Databricks server error"),
)


def explain(error: Exception) -> str:
    """One line: a hint from the error's kind plus Databricks' own message, secrets removed."""
    message = REDACT(str(error)) or type(error).__name__
    for kind, hint in _HINTS:
        if isinstance(error, kind):
            return f"{hint} ({message})"
    return message


def workspace_client(profile: str | None = None) -> WorkspaceClient:
    """A ``WorkspaceClient`` from the SDK's configuration chain (profile, env vars)."""
    try:
        return WorkspaceClient(profile=profile)
    except Exception as error:  # the SDK raises ValueError for incomplete configuration
        raise UcgovError(f"cannot configure the workspace client: {explain(error)}") from None


def account_client(profile: str | None = None) -> AccountClient:
    """An ``AccountClient`` (needs the account host and DATABRICKS_ACCOUNT_ID or a profile)."""
    try:
        return AccountClient(profile=profile)
    except Exception as error:
        raise UcgovError(f"cannot configure the account client: {explain(error)}") from None


def call(what: str, fn: Any, *args: Any, **kwargs: Any) -> Any:
    """Run a read through the SDK, turning its errors into ``UcgovError`` naming ``what``."""
    try:
        return fn(*args, **kwargs)
    except DatabricksError as error:
        raise UcgovError(f"reading {what} failed: {explain(error)}") from None
