"""JSON Schema of the workspace settings file (checked with ``jsonschema`` before any call)."""

from __future__ import annotations

from typing import Any

from ucgov.catalog import WORKSPACE_SETTINGS

NAME = {"type": "string", "minLength": 1, "maxLength": 128, "pattern": r"^[^\x00-\x1f\x7f]+$"}
SECRET_NAME = {"type": "string", "pattern": r"^[A-Za-z0-9_\-.@]{1,128}$"}
ENV_NAME = {"type": "string", "pattern": r"^[A-Za-z_][A-Za-z0-9_]*$"}
PRINCIPALS = {"type": "array", "items": NAME, "uniqueItems": True}
CIDRS = {"type": "array", "items": {"type": "string", "maxLength": 64}}
# The file's comparison operators and the AlertsV2 API's names for them.
ALERT_OPERATORS = {
    ">": "GREATER_THAN",
    ">=": "GREATER_THAN_OR_EQUAL",
    "<": "LESS_THAN",
    "<=": "LESS_THAN_OR_EQUAL",
    "==": "EQUAL",
    "!=": "NOT_EQUAL",
}


def _object(properties: dict[str, Any], required: tuple[str, ...] = ()) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "required": list(required),
        "additionalProperties": False,
    }


POLICY_RULE = {
    "type": "object",
    "required": ["type"],
    "properties": {
        "type": {
            "enum": ["fixed", "forbidden", "allowlist", "blocklist", "regex", "range", "unlimited"]
        }
    },
}

SCHEMA: dict[str, Any] = _object(
    {
        "version": {"const": 1},
        "operator_addresses": CIDRS,
        "ip_access_lists": _object(
            {
                "enforcement": {"type": "boolean"},
                "lists": {
                    "type": "array",
                    "items": _object(
                        {
                            "label": NAME,
                            "type": {"enum": ["allow", "block"]},
                            "enabled": {"type": "boolean"},
                            "addresses": CIDRS,
                        },
                        ("label", "type", "addresses"),
                    ),
                },
            }
        ),
        "token_policy": _object(
            {
                "enable_tokens": {"type": "boolean"},
                "max_lifetime_days": {"type": "integer", "minimum": 1, "maximum": 730},
                "comment_required": {"type": "boolean"},
                "can_use": PRINCIPALS,
            }
        ),
        "workspace_settings": _object({key: {"type": "boolean"} for key in WORKSPACE_SETTINGS}),
        "cluster_policies": {
            "type": "array",
            "items": _object(
                {
                    "name": NAME,
                    "description": {"type": "string", "maxLength": 1000},
                    "definition": {
                        "type": "object",
                        "minProperties": 1,
                        "additionalProperties": POLICY_RULE,
                    },
                    "can_use": PRINCIPALS,
                },
                ("name", "definition"),
            ),
        },
        "secret_scopes": {
            "type": "array",
            "items": _object(
                {
                    "name": SECRET_NAME,
                    "acls": {
                        "type": "object",
                        "propertyNames": NAME,
                        "additionalProperties": {"enum": ["READ", "WRITE", "MANAGE"]},
                    },
                    "secrets": {
                        "type": "array",
                        "items": _object(
                            {
                                "key": SECRET_NAME,
                                "from_env": ENV_NAME,
                                "from_stdin": {"const": True},
                            },
                            ("key",),
                        ),
                    },
                },
                ("name",),
            ),
        },
        "alerts": {
            "type": "array",
            "items": _object(
                {
                    "name": NAME,
                    "query": {"type": "string", "minLength": 1, "maxLength": 10000},
                    "warehouse_id": {"type": "string", "pattern": r"^[0-9a-f]{16}$"},
                    "column": NAME,
                    "aggregation": {
                        "enum": [
                            "SUM",
                            "COUNT",
                            "COUNT_DISTINCT",
                            "AVG",
                            "MEDIAN",
                            "MIN",
                            "MAX",
                            "STDDEV",
                        ]
                    },
                    "op": {"enum": list(ALERT_OPERATORS)},
                    "threshold": {"type": "number"},
                    "schedule": _object(
                        {
                            "cron": {"type": "string", "minLength": 1},
                            "timezone": {"type": "string", "minLength": 1},
                        },
                        ("cron", "timezone"),
                    ),
                    "notify_users": {
                        "type": "array",
                        "items": {
                            "type": "string",
                            "format": "email",
                            "pattern": "^[^@\\s]+@[^@\\s]+$",
                        },
                        "uniqueItems": True,
                    },
                    "notify_destinations": {"type": "array", "items": NAME, "uniqueItems": True},
                },
                ("name", "query", "warehouse_id", "column", "op", "threshold", "schedule"),
            ),
        },
        "log_delivery": {
            "type": "array",
            "items": _object(
                {
                    "name": NAME,
                    "credentials_id": NAME,
                    "storage_configuration_id": NAME,
                    "path_prefix": {"type": "string", "pattern": r"^[A-Za-z0-9_\-./]{1,128}$"},
                    "start_month": {"type": "string", "pattern": r"^20[0-9]{2}-(0[1-9]|1[0-2])$"},
                    "workspace_ids": {
                        "type": "array",
                        "items": {"type": "integer", "minimum": 1},
                        "uniqueItems": True,
                    },
                    "enabled": {"type": "boolean"},
                },
                ("name", "credentials_id", "storage_configuration_id"),
            ),
        },
        "service_principals": {
            "type": "array",
            "items": _object(
                {
                    "name": NAME,
                    "groups": PRINCIPALS,
                    "oauth_secret": _object(
                        {"scope": SECRET_NAME, "key": SECRET_NAME}, ("scope", "key")
                    ),
                },
                ("name",),
            ),
        },
    },
    ("version",),
)
