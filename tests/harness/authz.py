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

Listing the securables themselves (``catalogs``, ``schemata``, ``tables``, ``volumes``,
``routines``, ``columns``, ``views`` and the metastore-level ``external_locations``,
``credentials``, ``connections``): the information-schema overview page says both kinds of
information schema "automatically filter results to include only the objects you have Unity
Catalog privileges to access" (``information_schema.tables``: "only rows for tables you have
permission to see"; ``CREDENTIALS``: "displayed only for credentials the user has permission to
interact with"), and "Explore database objects" says BROWSE is the least privilege that shows an
object's metadata. The docs do not list which privileges count; the stricter reading is taken:
a securable is listed to the metastore admin, to the owner of it or of a parent, and to a holder
(itself or a group) of a privilege on it, or on a parent when that privilege applies to the
child (``shows_on_child``) or is BROWSE (granted on a catalog it covers every object in it).
``USE CATALOG`` alone does not list the catalog's schemas. The ``system`` catalog is listed to
everyone (the runner must read ``system.information_schema``). A BROWSE-only principal thus
sees the objects, and in the privilege views only its own and its groups' rows (above).
This listing rule applies with ``WorkspaceOptions(list_visible_only=True)``, the default
(``False`` lists everything: see ``state/model.py``).
"""

from __future__ import annotations

from .state import Securable, UcState
from .state.privileges import shows_on_child


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


def sees_securable(state: UcState, securable: Securable, user: str) -> bool:
    """Whether ``user`` sees ``securable`` listed in the information_schema object views
    (the module doc's BROWSE rule)."""
    if securable.parts[:1] == ("system",) or securable.securable_type == "METASTORE":
        return True
    if is_metastore_admin(state, user):
        return True
    chain = (securable, *state.ancestors(securable))
    if any(_is(state, user, s.owner) for s in chain):
        return True
    for holder in chain:
        for grant in state.direct_grants(holder):
            if not _is(state, user, grant.principal):
                continue
            if holder is securable or grant.privilege == "BROWSE":
                return True
            if shows_on_child(grant.privilege, securable.securable_type):
                return True
    return False
