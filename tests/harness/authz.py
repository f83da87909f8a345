"""Who sees which rows of the information_schema privilege views (the authorization model).

Rules, from the Databricks SQL reference (information-schema pages, read 2026-11):

* ``INFORMATION_SCHEMA.METASTORES`` is shown to every user ("displayed only for the current
  metastore for all users"); its ``METASTORE_OWNER`` is the metastore admin (a user or a
  group).
* The privilege views (``CATALOG_PRIVILEGES`` ... ``ROUTINE_PRIVILEGES``): "the rows returned
  are limited to the ... the user is privileged to interact with"; the ``TABLE_PRIVILEGES``
  page adds that a holder of MANAGE on an object does *not* see all its grants there, only
  its own ("this behavior will be corrected in the future"). The docs do not spell out who
  does see every row; the stricter reading is taken (sees less): the metastore admin, and the
  owner of the securable or of a parent (catalog, schema) see every row on it; anyone else,
  MANAGE holders included, sees only rows whose grantee is the caller or a group the caller
  is in (directly or nested, ``account users`` included).
* A row is judged by the securable it lists (an inherited row on a table is the table's).

Listing the securables themselves (``catalogs``, ``schemata``, ``tables`` ...) is not
filtered here: the harness answers as if the runner could BROWSE every securable.
"""

from __future__ import annotations

from .state import Securable, UcState


def metastore_owner(state: UcState) -> str:
    """The owner (admin) of the metastore: ``options.metastore_owner``, or the current user."""
    return state.metastore.owner


def _is(state: UcState, user: str, principal: str) -> bool:
    """Whether ``principal`` is ``user`` or a group ``user`` belongs to (nested)."""
    if principal.lower() == user.lower():
        return True
    return principal.lower() in {g.lower() for g in state.groups_of(user)}


def is_metastore_admin(state: UcState, user: str) -> bool:
    """Whether ``user`` owns the metastore, directly or through a group."""
    return _is(state, user, metastore_owner(state))


def sees_all_grants_on(state: UcState, securable: Securable, user: str) -> bool:
    """Whether ``user`` sees every privilege-view row on ``securable``: metastore admin, or
    owner of it or of a parent. MANAGE does not count (documented, see the module doc)."""
    if is_metastore_admin(state, user):
        return True
    return any(_is(state, user, s.owner) for s in (securable, *state.ancestors(securable)))


def sees_grant_row(state: UcState, securable: Securable, grantee: str, user: str) -> bool:
    """Whether ``user`` sees the privilege-view row granting ``grantee`` on ``securable``."""
    return sees_all_grants_on(state, securable, user) or _is(state, user, grantee)
