"""Direct privilege grants, ownership and inheritance lookups of ``UcState``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .errors import UcError
from .model import Grant, Principal, Securable, now
from .privileges import ALL_PRIVILEGES, is_valid, normalize_privilege


class GrantsMixin:
    """Grant store part of ``UcState``; grants are keyed by (namespace, name parts)."""

    _grants: dict[tuple[str, tuple[str, ...]], dict[str, dict[str, str]]]
    current_user: str

    def touch(self) -> None:
        """Record a state change (implemented by ``UcState``)."""
        raise NotImplementedError

    def get(self, securable_type: str, name: str | Sequence[str]) -> Securable:
        """Look a securable up (implemented by ``UcState``)."""
        raise NotImplementedError

    def find(self, securable_type: str, name: str | Sequence[str]) -> Securable | None:
        """Find a securable (implemented by ``UcState``)."""
        raise NotImplementedError

    def securables(self, securable_type: str | None = None) -> list[Securable]:
        """All securables (implemented by ``UcState``)."""
        raise NotImplementedError

    def grantable_principal(self, name: str) -> Principal:
        """Principal lookup (implemented by ``PrincipalsMixin``)."""
        raise NotImplementedError

    def check_privileges(self, securable: Securable, privileges: Iterable[str]) -> list[str]:
        """Normalize and validate privileges for ``securable`` like Databricks does."""
        result = []
        for raw in privileges:
            privilege = normalize_privilege(raw)
            if not is_valid(privilege, securable.securable_type):
                raise UcError(
                    "INVALID_PARAMETER_VALUE",
                    f"Privilege {privilege} is not applicable to this entity "
                    f"[{securable.name}:{securable.securable_type}]. If this seems unexpected, "
                    "please check the privilege version in use.",
                )
            result.append(privilege)
        return result

    def grant(
        self,
        securable_type: str,
        name: str | Sequence[str],
        principal: str,
        privileges: Iterable[str] | str,
        *,
        grantor: str | None = None,
    ) -> None:
        """Grant privileges on a securable, validated exactly like the SQL GRANT."""
        key, who, privs = self._grant_change(securable_type, name, principal, privileges)
        held = self._grants.setdefault(key, {}).setdefault(who, {})
        for privilege in privs:
            held.setdefault(privilege, grantor or self.current_user)
        self.touch()

    def revoke(
        self,
        securable_type: str,
        name: str | Sequence[str],
        principal: str,
        privileges: Iterable[str] | str,
    ) -> None:
        """Revoke privileges; ``ALL PRIVILEGES`` removes everything held directly."""
        key, who, privs = self._grant_change(securable_type, name, principal, privileges)
        entry = self._grants.get(key, {})
        held = entry.get(who, {})
        for privilege in privs:
            if privilege == ALL_PRIVILEGES:
                held.clear()
            held.pop(privilege, None)
        if not held:
            entry.pop(who, None)
        self.touch()

    def _grant_change(
        self,
        securable_type: str,
        name: str | Sequence[str],
        principal: str,
        privileges: Iterable[str] | str,
    ) -> tuple[tuple[str, tuple[str, ...]], str, list[str]]:
        """Validate a GRANT/REVOKE: (grant key of the securable, principal, privileges)."""
        securable = self.resolve_for_grant(securable_type, name)
        privs = self.check_privileges(
            securable, [privileges] if isinstance(privileges, str) else privileges
        )
        who = self.grantable_principal(principal)
        return (securable.namespace, securable.parts), who.name, privs

    def resolve_for_grant(self, securable_type: str, name: str | Sequence[str]) -> Securable:
        """Find the securable a GRANT/REVOKE/ALTER OWNER names (TABLE matches views too)."""
        securable_type = securable_type.upper()
        securable = self.get(securable_type, name)
        if securable_type == "VIEW" and securable.securable_type != "VIEW":
            raise UcError(
                "EXPECT_VIEW_NOT_TABLE.NO_ALTERNATIVE",
                f"{securable.name} is a table, not a view.",
            )
        return securable

    def set_owner(self, securable_type: str, name: str | Sequence[str], principal: str) -> None:
        """Transfer ownership (``ALTER ... OWNER TO``)."""
        securable = self.resolve_for_grant(securable_type, name)
        securable.owner = self.grantable_principal(principal).name
        securable.last_altered = now()
        self.touch()

    def direct_grants(self, securable: Securable) -> list[Grant]:
        """Direct grants on ``securable`` sorted by principal and privilege."""
        entry = self._grants.get((securable.namespace, securable.parts), {})
        return [
            Grant(securable.securable_type, securable.name, principal, privilege, grantor)
            for principal in sorted(entry, key=str.lower)
            for privilege, grantor in sorted(entry[principal].items())
        ]

    @property
    def grants(self) -> list[Grant]:
        """Every direct grant in the metastore."""
        result: list[Grant] = []
        for securable in self.securables():
            result.extend(self.direct_grants(securable))
        return result

    def grants_of(self, principal: str) -> list[Grant]:
        """Direct grants held by ``principal`` (case-insensitive)."""
        return [g for g in self.grants if g.principal.lower() == principal.lower()]

    def ancestors(self, securable: Securable) -> list[Securable]:
        """Schema and catalog above a securable (nearest first)."""
        found = []
        if securable.namespace in ("RELATION", "VOLUME", "FUNCTION"):
            schema = self.find("SCHEMA", securable.parts[:2])
            if schema:
                found.append(schema)
        if securable.namespace in ("RELATION", "VOLUME", "FUNCTION", "SCHEMA"):
            catalog = self.find("CATALOG", securable.parts[:1])
            if catalog:
                found.append(catalog)
        return found
