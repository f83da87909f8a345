"""Current state: the thin read layer over databricks-sdk (one list call per area where the API
allows it; per-object calls only for what the file declares)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ucgov.catalog import WORKSPACE_SETTINGS
from ucgov.desired import Desired

CONF_KEYS = ("enableIpAccessLists", "enableTokensConfig", "maxTokenLifetimeDays")
Progress = Callable[[str], None]


@dataclass(frozen=True)
class IpListNow:
    """An IP access list as the workspace has it."""

    list_id: str
    label: str
    list_type: str
    addresses: tuple[str, ...]
    enabled: bool


@dataclass(frozen=True)
class PolicyNow:
    """A cluster policy as the workspace has it (``can_use`` read only when declared)."""

    policy_id: str
    name: str
    definition: dict[str, Any] = field(hash=False)
    description: str | None
    can_use: tuple[str, ...] | None


@dataclass(frozen=True)
class ScopeNow:
    """A secret scope, its ACLs and secret keys (read only for declared scopes)."""

    name: str
    acls: tuple[tuple[str, str], ...] | None
    keys: tuple[str, ...] | None


@dataclass(frozen=True)
class ServicePrincipalNow:
    """A workspace service principal."""

    sp_id: str
    application_id: str
    name: str


@dataclass(frozen=True)
class GroupNow:
    """An account group and the SCIM ids of its members."""

    group_id: str
    name: str
    member_ids: tuple[str, ...]


@dataclass(frozen=True)
class AlertNow:
    """A SQL alert as the workspace has it (the API's dictionary form)."""

    alert_id: str
    name: str
    body: dict[str, Any] = field(hash=False)


@dataclass(frozen=True)
class LogDeliveryNow:
    """An account log delivery configuration (the API's dictionary form)."""

    config_id: str
    name: str
    body: dict[str, Any] = field(hash=False)


@dataclass(frozen=True)
class Current:
    """What the workspace holds, for the areas the file manages (None: area not read)."""

    conf: dict[str, str | None] = field(default_factory=dict, hash=False)
    ip_lists: tuple[IpListNow, ...] | None = None
    token_can_use: tuple[str, ...] | None = None
    settings: dict[str, tuple[Any, str | None]] = field(default_factory=dict, hash=False)
    policies: tuple[PolicyNow, ...] | None = None
    scopes: tuple[ScopeNow, ...] | None = None
    service_principals: tuple[ServicePrincipalNow, ...] | None = None
    groups: tuple[GroupNow, ...] | None = None
    alerts: tuple[AlertNow, ...] | None = None
    log_delivery: tuple[LogDeliveryNow, ...] | None = None


def principal_name(entry: Any) -> str:
    """The principal of an SDK access-control entry (user, group or service principal)."""
    return entry.user_name or entry.group_name or entry.service_principal_name or ""


def direct_can_use(acl: Any) -> tuple[str, ...]:
    """Principals holding a direct (not inherited) CAN_USE, admins excluded."""
    names = set()
    for entry in acl.access_control_list or ():
        for perm in entry.all_permissions or ():
            level = getattr(perm.permission_level, "value", perm.permission_level)
            if level == "CAN_USE" and not perm.inherited and entry.group_name != "admins":
                names.add(principal_name(entry))
    return tuple(sorted(names))


def read_state(w: Any, desired: Desired, progress: Progress, account: Any = None) -> Current:
    """Read every area ``desired`` manages through the SDK clients."""
    conf: dict[str, str | None] = {}
    if desired.ip_access_lists is not None or desired.token_policy is not None:
        progress("workspace-conf")
        conf = dict(w.workspace_conf.get_status(keys=",".join(CONF_KEYS)) or {})
    ip_lists = None
    if desired.ip_access_lists is not None:
        progress("ip access lists")
        ip_lists = tuple(
            IpListNow(
                i.list_id or "",
                i.label or "",
                getattr(i.list_type, "value", i.list_type) or "",
                tuple(i.ip_addresses or ()),
                bool(i.enabled),
            )
            for i in w.ip_access_lists.list()
        )
    token_can_use = None
    if desired.token_policy is not None and desired.token_policy.can_use is not None:
        progress("token permissions")
        token_can_use = direct_can_use(w.token_management.get_permissions())
    settings = {}
    for key, _ in desired.workspace_settings:
        progress(f"setting {key}")
        spec = WORKSPACE_SETTINGS[key]
        current = getattr(getattr(w.settings, spec.accessor), spec.getter)()
        message = current.as_dict().get(spec.message) or {}
        settings[key] = (message.get(spec.field), getattr(current, "etag", None))
    return Current(
        conf=conf,
        ip_lists=ip_lists,
        token_can_use=token_can_use,
        settings=settings,
        policies=_policies(w, desired, progress),
        scopes=_scopes(w, desired, progress),
        service_principals=_service_principals(w, desired, progress),
        groups=_groups(account, desired, progress),
        alerts=_alerts(w, desired, progress),
        log_delivery=_log_delivery(account, desired, progress),
    )


def _alerts(w: Any, desired: Desired, progress: Progress) -> tuple[AlertNow, ...] | None:
    if desired.alerts is None:
        return None
    progress("SQL alerts")
    return tuple(
        AlertNow(a.id or "", a.display_name or "", a.as_dict()) for a in w.alerts_v2.list_alerts()
    )


def _log_delivery(
    account: Any, desired: Desired, progress: Progress
) -> tuple[LogDeliveryNow, ...] | None:
    if account is None or desired.log_delivery is None:
        return None
    progress("log delivery configurations")
    return tuple(
        LogDeliveryNow(c.config_id or "", c.config_name or "", c.as_dict())
        for c in account.log_delivery.list()
    )


def _policies(w: Any, desired: Desired, progress: Progress) -> tuple[PolicyNow, ...] | None:
    if desired.cluster_policies is None:
        return None
    progress("cluster policies")
    wanted = {p.name: p for p in desired.cluster_policies}
    out = []
    for policy in w.cluster_policies.list():
        can_use = None
        declared = wanted.get(policy.name or "")
        if declared is not None and declared.can_use is not None:
            progress(f"permissions of cluster policy {policy.name}")
            can_use = direct_can_use(w.cluster_policies.get_permissions(policy.policy_id))
        out.append(
            PolicyNow(
                policy.policy_id or "",
                policy.name or "",
                json.loads(policy.definition or "{}"),
                policy.description,
                can_use,
            )
        )
    return tuple(out)


def _scopes(w: Any, desired: Desired, progress: Progress) -> tuple[ScopeNow, ...] | None:
    if desired.secret_scopes is None:
        return None
    progress("secret scopes")
    wanted = {s.name: s for s in desired.secret_scopes}
    stores = {sp.secret_scope for sp in desired.service_principals or () if sp.secret_scope}
    out = []
    for scope in w.secrets.list_scopes():
        name = scope.name or ""
        acls = keys = None
        if name in wanted and wanted[name].acls is not None:
            progress(f"ACLs of secret scope {name}")
            acls = tuple(
                sorted(
                    (a.principal or "", getattr(a.permission, "value", a.permission) or "")
                    for a in w.secrets.list_acls(name)
                )
            )
        if name in wanted and (wanted[name].secrets or name in stores):
            progress(f"secret keys of scope {name}")
            keys = tuple(sorted(s.key or "" for s in w.secrets.list_secrets(name)))
        out.append(ScopeNow(name, acls, keys))
    return tuple(out)


def _service_principals(
    w: Any, desired: Desired, progress: Progress
) -> tuple[ServicePrincipalNow, ...] | None:
    if desired.service_principals is None:
        return None
    progress("service principals")
    return tuple(
        ServicePrincipalNow(sp.id or "", sp.application_id or "", sp.display_name or "")
        for sp in w.service_principals.list(attributes="id,applicationId,displayName")
    )


def _groups(account: Any, desired: Desired, progress: Progress) -> tuple[GroupNow, ...] | None:
    if account is None or not desired.needs_account:
        return None
    progress("account groups")
    return read_account_groups(account)


def read_account_groups(account: Any) -> tuple[GroupNow, ...]:
    """Every account group with its member ids (one paged SCIM list)."""
    return tuple(
        GroupNow(g.id or "", g.display_name or "", tuple(m.value or "" for m in g.members or ()))
        for g in account.groups.list(attributes="id,displayName,members")
    )
