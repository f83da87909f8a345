"""Principals of the fake account: users, service principals, groups, membership.

Lookups are case-insensitive; the registered (canonical) spelling is what grants and
information_schema report. Every principal gets a SCIM-style ``id`` from the state.
"""

from __future__ import annotations

from collections.abc import Iterable

from .errors import UcError
from .model import ACCOUNT_USERS, WORKSPACE_LOCAL_GROUPS, Principal, PrincipalKind


def no_such_principal(name: str, hint: str = "") -> UcError:
    """``[PRINCIPAL_DOES_NOT_EXIST]`` as Databricks words it (plus an optional hint)."""
    message = f"Could not find principal with name {name}."
    return UcError("PRINCIPAL_DOES_NOT_EXIST", f"{message} {hint}" if hint else message)


class PrincipalsMixin:
    """Principal registry part of ``UcState`` (case-insensitive, canonical spelling kept)."""

    _principals: dict[str, Principal]
    _grants: dict[tuple[str, tuple[str, ...]], dict[str, dict[str, str]]]
    _last_id: int
    current_user: str

    def touch(self) -> None:
        """Record a state change (implemented by ``UcState``)."""
        raise NotImplementedError

    # ------------------------------------------------------------------ users
    def add_user(self, email: str, display_name: str | None = None) -> Principal:
        """Register a user (or return the known one); emails are stored lower-case."""
        return self._add_principal(email.lower(), "user", display_name)

    def find_user(self, email: str) -> Principal | None:
        """The user with this email (case-insensitive), or None."""
        return self._find_kind(email, "user")

    # ------------------------------------------------------------------ service principals
    def add_service_principal(
        self, application_id: str, display_name: str | None = None
    ) -> Principal:
        """Register a service principal by application id (SQL names it by that id)."""
        return self._add_principal(application_id, "service_principal", display_name)

    def find_service_principal(self, application_id: str) -> Principal | None:
        """The service principal with this application id, or None."""
        return self._find_kind(application_id, "service_principal")

    # ------------------------------------------------------------------ groups
    def add_group(
        self, name: str, members: Iterable[str] = (), display_name: str | None = None
    ) -> Principal:
        """Register an account group (or return the known one) and add ``members``.

        Members are user emails, application ids or group names. Workspace-local groups
        (``users``, ``admins``) are not Unity Catalog principals and are refused.
        """
        if name.lower() in WORKSPACE_LOCAL_GROUPS:
            raise ValueError(f"{name!r} is a workspace-local group, not a Unity Catalog principal")
        principal = self._add_principal(name, "group", display_name)
        self.add_members(name, members)
        return principal

    def find_group(self, name: str) -> Principal | None:
        """The account group with this name (case-insensitive), or None."""
        return self._find_kind(name, "group")

    def list_groups(self) -> list[Principal]:
        """Every account group except the built-in ``account users``, sorted by name."""
        return sorted(
            (p for p in self._principals.values() if p.kind == "group" and p.name != ACCOUNT_USERS),
            key=lambda p: p.name.lower(),
        )

    def delete_group(self, name: str) -> None:
        """Forget a group: its memberships in other groups and the grants it holds go too
        (a deleted principal holds nothing). Securables it owns keep its name as owner."""
        group = self.find_group(name)
        if group is None or group.name == ACCOUNT_USERS:
            raise no_such_principal(name)
        key = group.name.lower()
        del self._principals[key]
        for other in self._principals.values():
            other.members.discard(key)
        for entry in self._grants.values():
            entry.pop(group.name, None)
        self.touch()

    def add_members(self, group: str, members: Iterable[str]) -> None:
        """Add members (user emails, application ids, group names) to an existing group."""
        self._group(group).members.update(m.lower() for m in members)
        self.touch()

    def remove_members(self, group: str, members: Iterable[str]) -> None:
        """Remove members from an existing group (absent members are ignored)."""
        self._group(group).members.difference_update(m.lower() for m in members)
        self.touch()

    def _group(self, name: str) -> Principal:
        found = self.find_group(name)
        if found is None:
            raise no_such_principal(name)
        return found

    # ------------------------------------------------------------------ any principal
    def _add_principal(
        self, name: str, kind: PrincipalKind, display_name: str | None = None
    ) -> Principal:
        key = name.lower()
        known = self._principals.get(key)
        if known is not None:
            if known.kind != kind:
                raise UcError(
                    "PRINCIPAL_ALREADY_EXISTS",
                    f"{name} is already registered as a {known.kind.replace('_', ' ')}.",
                )
            return known
        self._last_id += 1  # ids are never reused, even after a delete
        principal = Principal(name, kind, display_name=display_name or name, id=str(self._last_id))
        self._principals[key] = principal
        self.touch()
        return principal

    def _find_kind(self, name: str, kind: PrincipalKind) -> Principal | None:
        found = self._principals.get(name.lower())
        return found if found is not None and found.kind == kind else None

    @property
    def principals(self) -> list[Principal]:
        """Every known principal."""
        return list(self._principals.values())

    def find_principal(self, name: str) -> Principal | None:
        """Case-insensitive lookup by SQL name; workspace-local groups are never found."""
        return self._principals.get(name.lower())

    def find_principal_by_id(self, principal_id: str) -> Principal | None:
        """Lookup by the state-assigned SCIM id."""
        return next((p for p in self._principals.values() if p.id == principal_id), None)

    def principal(self, name: str) -> Principal:
        """Lookup or raise ``[PRINCIPAL_DOES_NOT_EXIST]`` like Databricks.

        Group names are case-sensitive in Unity Catalog (user emails are not): ``TO `G```
        does not find group ``g``. The principal page
        (docs.databricks.com/sql/language-manual/sql-ref-principal.html) names groups by
        identifier without folding case; the stricter reading is taken (issue 6, item 5).
        """
        found = self.find_principal(name)
        if found is None or (found.kind == "group" and found.name != name):
            raise no_such_principal(name)
        return found

    def groups_of(self, member: str) -> set[str]:
        """Canonical names of all groups ``member`` belongs to (nested, + account users)."""
        result: set[str] = {ACCOUNT_USERS}
        frontier = {member.lower()}
        while frontier:
            found = {
                p.name.lower()
                for p in self._principals.values()
                if p.kind == "group" and p.members & frontier
            }
            frontier = found - {r.lower() for r in result}
            result |= {self._principals[f].name for f in frontier}
        return result

    def is_account_group_member(self, group: str, user: str | None = None) -> bool:
        """``is_account_group_member(group)`` for ``user`` (default: the current user)."""
        groups = {g.lower() for g in self.groups_of(user or self.current_user)}
        return group.lower() in groups

    def grantable_principal(self, name: str) -> Principal:
        """Principal that may receive a UC grant (``users``/``admins`` never can)."""
        if name.lower() in WORKSPACE_LOCAL_GROUPS and self.find_principal(name) is None:
            raise no_such_principal(
                name, "Workspace-local groups cannot be granted Unity Catalog privileges."
            )
        return self.principal(name)
