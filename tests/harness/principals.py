"""Principals of the fake account: users, service principals, groups, membership."""

from __future__ import annotations

from collections.abc import Iterable

from .errors import DatabricksSqlError
from .model import ACCOUNT_USERS, WORKSPACE_LOCAL_GROUPS, Principal, PrincipalKind


class PrincipalsMixin:
    """Principal registry part of ``Workspace`` (case-insensitive, canonical spelling kept)."""

    _principals: dict[str, Principal]
    current_user: str

    def touch(self) -> None:
        """Record a state change (implemented by ``Workspace``)."""
        raise NotImplementedError

    def add_user(self, email: str) -> Principal:
        """Register a user; emails are stored lower-case."""
        return self._add_principal(email.lower(), "user")

    def add_service_principal(self, application_id: str) -> Principal:
        """Register a service principal by application id."""
        return self._add_principal(application_id, "service_principal")

    def add_group(self, name: str, members: Iterable[str] = ()) -> Principal:
        """Register an account group with optional members (users, SPs or groups)."""
        if name.lower() in WORKSPACE_LOCAL_GROUPS:
            raise ValueError(f"{name!r} is a workspace-local group, not a Unity Catalog principal")
        principal = self._add_principal(name, "group")
        principal.members.update(m.lower() for m in members)
        return principal

    def add_members(self, group: str, members: Iterable[str]) -> None:
        """Add members to an existing group."""
        self.principal(group).members.update(m.lower() for m in members)

    def _add_principal(self, name: str, kind: PrincipalKind) -> Principal:
        key = name.lower()
        if key in self._principals:
            return self._principals[key]
        principal = Principal(name, kind)
        self._principals[key] = principal
        self.touch()
        return principal

    @property
    def principals(self) -> list[Principal]:
        """Every known principal."""
        return list(self._principals.values())

    def find_principal(self, name: str) -> Principal | None:
        """Case-insensitive lookup; workspace-local groups are never found."""
        return self._principals.get(name.lower())

    def principal(self, name: str) -> Principal:
        """Lookup or raise ``[PRINCIPAL_DOES_NOT_EXIST]`` like Databricks."""
        found = self.find_principal(name)
        if found is None:
            raise DatabricksSqlError(
                "PRINCIPAL_DOES_NOT_EXIST", f"Could not find principal with name {name}."
            )
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
            raise DatabricksSqlError(
                "PRINCIPAL_DOES_NOT_EXIST",
                f"Could not find principal with name {name}. Workspace-local groups cannot be "
                "granted Unity Catalog privileges.",
            )
        return self.principal(name)
