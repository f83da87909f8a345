"""Databricks-shaped error answers and strict request-body checks for the fake server."""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """An error answer: HTTP status, Databricks ``error_code`` and message."""

    def __init__(self, status: int, error_code: str, message: str) -> None:
        super().__init__(f"{status} {error_code}: {message}")
        self.status = status
        self.error_code = error_code
        self.message = message

    def body(self) -> dict[str, Any]:
        """The JSON body Databricks sends with an error."""
        return {"error_code": self.error_code, "message": self.message}


def bad_request(message: str) -> ApiError:
    """400 INVALID_PARAMETER_VALUE."""
    return ApiError(400, "INVALID_PARAMETER_VALUE", message)


def not_found(message: str) -> ApiError:
    """404 RESOURCE_DOES_NOT_EXIST."""
    return ApiError(404, "RESOURCE_DOES_NOT_EXIST", message)


def conflict(message: str) -> ApiError:
    """409 RESOURCE_ALREADY_EXISTS."""
    return ApiError(409, "RESOURCE_ALREADY_EXISTS", message)


_TYPES: dict[type, str] = {str: "a string", bool: "a boolean", int: "an integer", list: "a list"}


def check_body(
    body: Any,
    required: dict[str, type] | None = None,
    optional: dict[str, type] | None = None,
) -> dict[str, Any]:
    """Reject a body with a missing, unknown or wrongly typed field (400, naming the field)."""
    required = required or {}
    optional = optional or {}
    if not isinstance(body, dict):
        raise ApiError(400, "MALFORMED_REQUEST", "Request body must be a JSON object")
    for name in body:
        if name not in required and name not in optional:
            raise ApiError(400, "MALFORMED_REQUEST", f"Unknown field in request body: {name}")
    for name, kind in {**required, **optional}.items():
        if name not in body:
            if name in required:
                raise bad_request(f"Missing required field: {name}")
            continue
        value = body[name]
        ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
        if not ok:
            raise bad_request(f"Field {name} must be {_TYPES.get(kind, kind.__name__)}")
    return body
