"""Unity Catalog privilege matrix (from shared/reference/unity-catalog-facts.md).

Privileges are kept in their SQL spelling, upper-case with single spaces (``USE CATALOG``).
``privileges_for(type)`` is everything that may be granted on a securable of that type,
including privileges that only take effect on children (a catalog may carry ``SELECT``).
Inheritance: a grant on a catalog or schema shows on each child whose own matrix contains
the privilege (``ALL PRIVILEGES`` shows everywhere below).
"""

from __future__ import annotations

ALL_PRIVILEGES = "ALL PRIVILEGES"

# CREATE CONNECTION is a metastore privilege, not a catalog one (docs.databricks.com/
# data-governance/unity-catalog/access-control/privileges-reference: "Metastore | CREATE CATALOG,
# ..., CREATE CONNECTION, ..."); the facts file's catalog row listed it by mistake.
_CATALOG_OWN = (
    "APPLY TAG",
    "BROWSE",
    "CREATE SCHEMA",
    "MANAGE",
    "USE CATALOG",
)
_CATALOG_INHERITABLE = (
    "CREATE FUNCTION",
    "CREATE MATERIALIZED VIEW",
    "CREATE MODEL",
    "CREATE TABLE",
    "CREATE VOLUME",
    "EXECUTE",
    "EXTERNAL USE SCHEMA",
    "MODIFY",
    "READ VOLUME",
    "REFRESH",
    "SELECT",
    "USE SCHEMA",
    "WRITE VOLUME",
)
_SCHEMA_OWN = (
    "APPLY TAG",
    "CREATE FUNCTION",
    "CREATE MATERIALIZED VIEW",
    "CREATE MODEL",
    "CREATE TABLE",
    "CREATE VOLUME",
    "EXTERNAL USE SCHEMA",
    "MANAGE",
    "USE SCHEMA",
)
_SCHEMA_INHERITABLE = ("EXECUTE", "MODIFY", "READ VOLUME", "REFRESH", "SELECT", "WRITE VOLUME")

PRIVILEGES_BY_TYPE: dict[str, frozenset[str]] = {
    "CATALOG": frozenset((ALL_PRIVILEGES, *_CATALOG_OWN, *_CATALOG_INHERITABLE)),
    "SCHEMA": frozenset((ALL_PRIVILEGES, *_SCHEMA_OWN, *_SCHEMA_INHERITABLE)),
    "TABLE": frozenset((ALL_PRIVILEGES, "APPLY TAG", "MANAGE", "MODIFY", "SELECT")),
    "VIEW": frozenset((ALL_PRIVILEGES, "APPLY TAG", "MANAGE", "SELECT")),
    # **verify**: REFRESH on materialized views / streaming tables.
    "MATERIALIZED VIEW": frozenset((ALL_PRIVILEGES, "APPLY TAG", "MANAGE", "REFRESH", "SELECT")),
    "VOLUME": frozenset((ALL_PRIVILEGES, "APPLY TAG", "MANAGE", "READ VOLUME", "WRITE VOLUME")),
    "FUNCTION": frozenset((ALL_PRIVILEGES, "EXECUTE", "MANAGE")),
    "EXTERNAL LOCATION": frozenset(
        (
            ALL_PRIVILEGES,
            "CREATE EXTERNAL TABLE",
            "CREATE EXTERNAL VOLUME",
            "BROWSE",
            "CREATE FOREIGN SECURABLE",
            "CREATE MANAGED STORAGE",
            "EXTERNAL USE LOCATION",
            "MANAGE",
            "READ FILES",
            "WRITE FILES",
        )
    ),
    "STORAGE CREDENTIAL": frozenset(
        (
            ALL_PRIVILEGES,
            "CREATE EXTERNAL LOCATION",
            "CREATE EXTERNAL TABLE",
            "MANAGE",
            "READ FILES",
            "WRITE FILES",
        )
    ),
    # Service credentials: ACCESS and CREATE CONNECTION (docs.databricks.com/connect/
    # unity-catalog/cloud-services/manage-service-credentials), MANAGE.
    "SERVICE CREDENTIAL": frozenset((ALL_PRIVILEGES, "ACCESS", "CREATE CONNECTION", "MANAGE")),
    "CONNECTION": frozenset((ALL_PRIVILEGES, "CREATE FOREIGN CATALOG", "MANAGE", "USE CONNECTION")),
    # The metastore (no ALL PRIVILEGES there): what the privileges reference lists for it.
    "METASTORE": frozenset(
        (
            "CREATE CATALOG",
            "CREATE CLEAN ROOM",
            "CREATE CONNECTION",
            "CREATE EXTERNAL LOCATION",
            "CREATE PROVIDER",
            "CREATE RECIPIENT",
            "CREATE SERVICE CREDENTIAL",
            "CREATE SHARE",
            "CREATE STORAGE CREDENTIAL",
            "MANAGE ALLOWLIST",
            "SET SHARE PERMISSION",
            "USE MARKETPLACE ASSETS",
            "USE PROVIDER",
            "USE RECIPIENT",
            "USE SHARE",
        )
    ),
}

KNOWN_PRIVILEGES: frozenset[str] = frozenset().union(*PRIVILEGES_BY_TYPE.values())

# Securable types whose objects live inside a schema (three-part names).
RELATION_TYPES = ("TABLE", "VIEW", "MATERIALIZED VIEW")
SCHEMA_CHILD_TYPES = (*RELATION_TYPES, "VOLUME", "FUNCTION")
# Securable types the harness models (others are refused with HARNESS CANNOT ANSWER).
SUPPORTED_TYPES = (
    "CATALOG",
    "SCHEMA",
    *SCHEMA_CHILD_TYPES,
    *("EXTERNAL LOCATION", "STORAGE CREDENTIAL", "SERVICE CREDENTIAL", "CONNECTION"),
    "METASTORE",
)
# Metastore-level securables: one-part names (the metastore itself: none), no parent.
METASTORE_LEVEL_TYPES = (
    "EXTERNAL LOCATION",
    "STORAGE CREDENTIAL",
    "SERVICE CREDENTIAL",
    "CONNECTION",
    "METASTORE",
)


def normalize_privilege(words: str) -> str:
    """Canonical spelling: upper case, single spaces (``use   catalog`` -> ``USE CATALOG``)."""
    return " ".join(words.upper().split())


def privileges_for(securable_type: str) -> frozenset[str]:
    """Privileges that may be granted on a securable of ``securable_type``."""
    return PRIVILEGES_BY_TYPE[securable_type]


def is_valid(privilege: str, securable_type: str) -> bool:
    """True when ``privilege`` may be granted on ``securable_type``."""
    return privilege in PRIVILEGES_BY_TYPE.get(securable_type, frozenset())


def shows_on_child(privilege: str, child_type: str) -> bool:
    """True when a parent's grant of ``privilege`` is inherited by a ``child_type`` securable."""
    return is_valid(privilege, child_type)
