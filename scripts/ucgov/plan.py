"""The plan: a pure function of the desired and the current state.

A plan is a value (a tuple of ``Change`` and of ``Note``) that prints, serialises to JSON and
is tested without Databricks. Guard rails live here: deletions only with ``allow_delete``,
token permissions only with ``manage_token_permissions``, IP enforcement never on when the
resulting lists would lock the operators out, the 1,000-entry limit counted over the lists that
remain. Settings the file does not mention never appear in a plan.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from ucgov.catalog import WORKSPACE_SETTINGS
from ucgov.desired import (
    IP_ENTRY_LIMIT,
    Alert,
    Desired,
    IpList,
    LogDelivery,
    operators_locked_out,
)
from ucgov.errors import InputError
from ucgov.state import Current


@dataclass(frozen=True)
class Change:
    """One write: the area, what happens to which target, a readable diff and the operation."""

    area: str
    action: str  # create | update | delete
    target: str
    diff: str
    op: str
    args: tuple[tuple[str, Any], ...]

    def arg(self, name: str) -> Any:
        """One argument of the operation."""
        return dict(self.args)[name]


@dataclass(frozen=True)
class Note:
    """Something the plan leaves alone on purpose; ``drift`` marks a difference left in place."""

    area: str
    target: str
    text: str
    drift: bool = False


@dataclass(frozen=True)
class Plan:
    """Everything apply would do, in order, and what it deliberately leaves alone."""

    source: str
    changes: tuple[Change, ...]
    notes: tuple[Note, ...] = ()

    @property
    def has_drift(self) -> bool:
        """Whether the workspace differs from the file (exit code 1 for ``plan``)."""
        return bool(self.changes) or any(n.drift for n in self.notes)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form (secret values are never part of a plan)."""
        return {
            "source": self.source,
            "changes": [{**asdict(c), "args": dict(c.args)} for c in self.changes],
            "notes": [asdict(n) for n in self.notes],
        }

    def to_json(self) -> str:
        """``to_dict`` as indented JSON."""
        return json.dumps(self.to_dict(), indent=2, sort_keys=True)


@dataclass(frozen=True)
class Options:
    """The explicit opt-ins of a plan."""

    allow_delete: bool = False
    manage_token_permissions: bool = False


def _args(**kwargs: Any) -> tuple[tuple[str, Any], ...]:
    return tuple(sorted(kwargs.items()))


def _listdiff(before: set[str], after: set[str]) -> str:
    parts = [f"+{v}" for v in sorted(after - before)] + [f"-{v}" for v in sorted(before - after)]
    return " ".join(parts)


def compute_plan(desired: Desired, current: Current, options: Options = Options()) -> Plan:
    """Compare file and workspace, area by area; raises ``InputError`` when a guard rail refuses."""
    changes: list[Change] = []
    notes: list[Note] = []
    areas = (
        _ip_plan,
        _token_plan,
        _settings_plan,
        _policy_plan,
        _scope_plan,
        _sp_plan,
        _alert_plan,
        _log_delivery_plan,
    )
    for area in areas:
        area_changes, area_notes = area(desired, current, options)
        changes += area_changes
        notes += area_notes
    return Plan(desired.source, tuple(changes), tuple(notes))


Area = tuple[list[Change], list[Note]]


KEPT = "not in the file: kept (--allow-delete deletes)"


def _unmanaged(area: str, options: Options, found: list[tuple[str, str, str, Any]]) -> Area:
    """Objects the file does not declare, as (target, diff, op, args): a ``delete`` change each
    with ``--allow-delete``, otherwise a note saying they are kept."""
    if options.allow_delete:
        return [Change(area, "delete", t, diff, op, args) for t, diff, op, args in found], []
    return [], [Note(area, t, KEPT) for t, _, _, _ in found]


def _bool_text(value: bool) -> str:
    return "true" if value else "false"


def _shown(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value)


def _ip_plan(desired: Desired, current: Current, options: Options) -> Area:
    spec = desired.ip_access_lists
    if spec is None or current.ip_lists is None:
        return [], []
    area = "ip_access_lists"
    changes: list[Change] = []
    notes: list[Note] = []
    now = {i.label: i for i in current.ip_lists}
    result: list[IpList] = list(spec.lists)
    for item in spec.lists:
        have = now.get(item.label)
        if have is None:
            changes.append(
                Change(
                    area,
                    "create",
                    item.label,
                    f"{item.list_type} {' '.join(item.addresses)}"
                    + ("" if item.enabled else " (disabled)"),
                    "ip_create",
                    _args(
                        label=item.label,
                        list_type=item.list_type,
                        addresses=list(item.addresses),
                        enabled=item.enabled,
                    ),
                )
            )
            continue
        diffs = []
        if have.list_type != item.list_type:
            diffs.append(f"type {have.list_type} -> {item.list_type}")
        if set(have.addresses) != set(item.addresses):
            diffs.append(f"addresses {_listdiff(set(have.addresses), set(item.addresses))}")
        if have.enabled != item.enabled:
            diffs.append(f"enabled {_bool_text(have.enabled)} -> {_bool_text(item.enabled)}")
        if diffs:
            changes.append(
                Change(
                    area,
                    "update",
                    item.label,
                    "; ".join(diffs),
                    "ip_replace",
                    _args(
                        list_id=have.list_id,
                        label=item.label,
                        list_type=item.list_type,
                        addresses=list(item.addresses),
                        enabled=item.enabled,
                    ),
                )
            )
    declared = {i.label for i in spec.lists}
    extra = [i for i in current.ip_lists if i.label not in declared]
    deleted, kept = _unmanaged(
        area,
        options,
        [
            (
                i.label,
                f"{i.list_type} {' '.join(i.addresses)}",
                "ip_delete",
                _args(list_id=i.list_id, label=i.label),
            )
            for i in extra
        ],
    )
    changes += deleted
    notes += kept
    if not options.allow_delete:
        result += [IpList(i.label, i.list_type, i.addresses, i.enabled) for i in extra]
    total = sum(len(i.addresses) for i in result)
    if total > IP_ENTRY_LIMIT:
        raise InputError(
            desired.source,
            "ip_access_lists.lists",
            f"with the lists kept in the workspace there would be {total} addresses and ranges; "
            f"Databricks allows at most {IP_ENTRY_LIMIT}",
        )
    enforced_now = current.conf.get("enableIpAccessLists") == "true"
    enforced_after = enforced_now if spec.enforcement is None else spec.enforcement
    if enforced_after and (changes or not enforced_now):
        problem = operators_locked_out(desired.operator_addresses, result)
        if problem:
            raise InputError(desired.source, "ip_access_lists", f"refused: {problem}")
    if enforced_after != enforced_now:
        switch = Change(
            area,
            "update",
            "enforcement",
            f"{_bool_text(enforced_now)} -> {_bool_text(enforced_after)}",
            "conf_set",
            _args(values={"enableIpAccessLists": _bool_text(enforced_after)}),
        )
        # Turn enforcement off before touching lists, on only after they are in place.
        changes = [*changes, switch] if enforced_after else [switch, *changes]
    return changes, notes


def _token_plan(desired: Desired, current: Current, options: Options) -> Area:
    spec = desired.token_policy
    if spec is None:
        return [], []
    area = "token_policy"
    wanted: dict[str, str] = {}
    if spec.enable_tokens is not None:
        wanted["enableTokensConfig"] = _bool_text(spec.enable_tokens)
    if spec.max_lifetime_days is not None:
        wanted["maxTokenLifetimeDays"] = str(spec.max_lifetime_days)
    differing = {k: v for k, v in wanted.items() if (current.conf.get(k) or "") != v}
    changes: list[Change] = []
    notes: list[Note] = []
    if differing:
        diff = "; ".join(
            f"{k} {current.conf.get(k) or '(unset)'} -> {v}" for k, v in differing.items()
        )
        changes.append(Change(area, "update", "policy", diff, "conf_set", _args(values=differing)))
    if spec.can_use is not None and current.token_can_use is not None:
        before, after = set(current.token_can_use), set(spec.can_use)
        if before != after:
            diff = f"CAN_USE {_listdiff(before, after)}"
            if options.manage_token_permissions:
                changes.append(
                    Change(
                        area,
                        "update",
                        "token permissions",
                        diff,
                        "token_permissions_set",
                        _args(principals=sorted(after)),
                    )
                )
            else:
                notes.append(
                    Note(
                        area,
                        "token permissions",
                        f"{diff} not applied: removing CAN_USE revokes live tokens; "
                        "opt in with --manage-token-permissions",
                        drift=True,
                    )
                )
    return changes, notes


def _settings_plan(desired: Desired, current: Current, options: Options) -> Area:
    changes, notes = [], []
    for key, value in desired.workspace_settings:
        spec = WORKSPACE_SETTINGS[key]
        raw, etag = current.settings[key]
        now = spec.from_api(raw)
        if now is value:
            continue
        diff = f"{_shown(raw)} -> {_shown(spec.to_api(value))}"
        if spec.one_way and now is True:
            text = f"{diff} not possible: Databricks cannot turn {key} off once it is on"
            notes.append(Note("workspace_settings", key, text, drift=True))
            continue
        changes.append(
            Change(
                "workspace_settings",
                "update",
                key,
                diff,
                "setting_set",
                _args(key=key, value=value, etag=etag),
            )
        )
    return changes, notes


def _definition(definition: dict[str, Any]) -> str:
    return json.dumps(definition, sort_keys=True, separators=(",", ":"))


def _policy_plan(desired: Desired, current: Current, options: Options) -> Area:
    if desired.cluster_policies is None or current.policies is None:
        return [], []
    area = "cluster_policies"
    changes: list[Change] = []
    notes: list[Note] = []
    now = {p.name: p for p in current.policies}
    for policy in desired.cluster_policies:
        have = now.get(policy.name)
        definition = _definition(policy.definition)
        if have is None:
            changes.append(
                Change(
                    area,
                    "create",
                    policy.name,
                    f"{len(policy.definition)} rules",
                    "policy_create",
                    _args(name=policy.name, definition=definition, description=policy.description),
                )
            )
        else:
            diffs = []
            if have.definition != policy.definition:
                keys = set(have.definition) | set(policy.definition)
                changed = sorted(
                    k for k in keys if have.definition.get(k) != policy.definition.get(k)
                )
                diffs.append(f"definition rules changed: {', '.join(changed)}")
            if (have.description or None) != policy.description:
                diffs.append("description")
            if diffs:
                changes.append(
                    Change(
                        area,
                        "update",
                        policy.name,
                        "; ".join(diffs),
                        "policy_edit",
                        _args(
                            policy_id=have.policy_id,
                            name=policy.name,
                            definition=definition,
                            description=policy.description,
                        ),
                    )
                )
        if policy.can_use is None:
            continue
        before = set(have.can_use or ()) if have else set()
        if before != set(policy.can_use):
            changes.append(
                Change(
                    area,
                    "update",
                    f"{policy.name} permissions",
                    f"CAN_USE {_listdiff(before, set(policy.can_use))}",
                    "policy_permissions_set",
                    _args(
                        name=policy.name,
                        policy_id=have.policy_id if have else None,
                        principals=list(policy.can_use),
                    ),
                )
            )
    declared = {p.name for p in desired.cluster_policies}
    found = [
        (p.name, "", "policy_delete", _args(policy_id=p.policy_id, name=p.name))
        for p in current.policies
        if p.name not in declared
    ]
    deleted, kept = _unmanaged(area, options, found)
    return changes + deleted, notes + kept


def _scope_plan(desired: Desired, current: Current, options: Options) -> Area:
    if desired.secret_scopes is None or current.scopes is None:
        return [], []
    area = "secret_scopes"
    changes: list[Change] = []
    notes: list[Note] = []
    now = {s.name: s for s in current.scopes}
    for scope in desired.secret_scopes:
        have = now.get(scope.name)
        if have is None:
            changes.append(
                Change(
                    area,
                    "create",
                    scope.name,
                    "DATABRICKS backend",
                    "scope_create",
                    _args(name=scope.name),
                )
            )
        acls_now = dict(have.acls or ()) if have else {}
        for principal, permission in scope.acls or ():
            if acls_now.get(principal) != permission:
                changes.append(
                    Change(
                        area,
                        "update",
                        f"{scope.name} ACL {principal}",
                        f"{acls_now.get(principal) or '(none)'} -> {permission}",
                        "acl_put",
                        _args(scope=scope.name, principal=principal, permission=permission),
                    )
                )
        if scope.acls is not None and have is not None:
            declared = {p for p, _ in scope.acls}
            for principal, permission in sorted(acls_now.items()):
                if principal in declared:
                    continue
                target = f"{scope.name} ACL {principal}"
                if options.allow_delete:
                    changes.append(
                        Change(
                            area,
                            "delete",
                            target,
                            permission,
                            "acl_delete",
                            _args(scope=scope.name, principal=principal),
                        )
                    )
                else:
                    notes.append(
                        Note(
                            area,
                            target,
                            f"{permission} not in the file: kept (--allow-delete removes)",
                        )
                    )
        keys = set(have.keys or ()) if have else set()
        for secret in scope.secrets:
            if secret.key in keys:
                continue
            source = f"${secret.from_env}" if secret.from_env else "standard input"
            changes.append(
                Change(
                    area,
                    "create",
                    f"{scope.name}/{secret.key}",
                    f"secret value from {source} (never shown)",
                    "secret_put",
                    _args(
                        scope=scope.name,
                        key=secret.key,
                        from_env=secret.from_env,
                        from_stdin=secret.from_stdin,
                    ),
                )
            )
    declared = {s.name for s in desired.secret_scopes}
    found = [
        (s.name, "scope and all its secrets", "scope_delete", _args(name=s.name))
        for s in current.scopes
        if s.name not in declared
    ]
    deleted, kept = _unmanaged(area, options, found)
    return changes + deleted, notes + kept


def _sp_plan(desired: Desired, current: Current, options: Options) -> Area:
    if desired.service_principals is None or current.service_principals is None:
        return [], []
    area = "service_principals"
    changes: list[Change] = []
    notes: list[Note] = []
    now = {sp.name: sp for sp in current.service_principals}
    scopes = {s.name: s for s in current.scopes or ()}
    groups = {g.name: g for g in current.groups or ()}
    for sp in desired.service_principals:
        have = now.get(sp.name)
        if have is None:
            changes.append(
                Change(
                    area, "create", sp.name, "service principal", "sp_create", _args(name=sp.name)
                )
            )
        if sp.secret_scope and sp.secret_key:
            scope = scopes.get(sp.secret_scope)
            if have is None or scope is None or sp.secret_key not in (scope.keys or ()):
                changes.append(
                    Change(
                        area,
                        "create",
                        f"{sp.name} OAuth secret",
                        f"stored straight into {sp.secret_scope}/{sp.secret_key} (never shown)",
                        "sp_oauth_secret",
                        _args(
                            name=sp.name,
                            sp_id=have.sp_id if have else None,
                            scope=sp.secret_scope,
                            key=sp.secret_key,
                        ),
                    )
                )
        for group_name in sp.groups:
            group = groups.get(group_name)
            if group is None:
                raise InputError(
                    desired.source,
                    "service_principals",
                    f"account group {group_name!r} of service principal {sp.name!r} does not exist "
                    "(create it first: ucgov groups sync)",
                )
            if have is None or have.sp_id not in group.member_ids:
                changes.append(
                    Change(
                        area,
                        "update",
                        f"{sp.name} in {group_name}",
                        "add member",
                        "sp_group_add",
                        _args(
                            name=sp.name,
                            sp_id=have.sp_id if have else None,
                            group_id=group.group_id,
                            group=group_name,
                        ),
                    )
                )
    declared = {sp.name for sp in desired.service_principals}
    found = [
        (sp.name, sp.application_id, "sp_delete", _args(sp_id=sp.sp_id, name=sp.name))
        for sp in current.service_principals
        if sp.name not in declared
    ]
    deleted, kept = _unmanaged(area, options, found)
    return changes + deleted, notes + kept


def alert_body(alert: Alert) -> dict[str, Any]:
    """The AlertsV2 API body for a declared alert."""
    source: dict[str, Any] = {"name": alert.column}
    if alert.aggregation:
        source["aggregation"] = alert.aggregation
    evaluation: dict[str, Any] = {
        "source": source,
        "comparison_operator": alert.op,
        "threshold": {"value": {"double_value": alert.threshold}},
    }
    subscriptions = [{"user_email": u} for u in alert.notify_users]
    subscriptions += [{"destination_id": d} for d in alert.notify_destinations]
    if subscriptions:
        evaluation["notification"] = {"subscriptions": subscriptions}
    return {
        "display_name": alert.name,
        "query_text": alert.query,
        "warehouse_id": alert.warehouse_id,
        "evaluation": evaluation,
        "schedule": {"quartz_cron_schedule": alert.cron, "timezone_id": alert.timezone},
    }


def differing_keys(have: dict[str, Any], want: dict[str, Any]) -> list[str]:
    """Top-level keys of ``want`` whose value ``have`` does not hold (extra keys in ``have``,
    such as ids and timestamps the API adds, are ignored)."""

    def holds(h: Any, w: Any) -> bool:
        if isinstance(w, dict):
            return isinstance(h, dict) and all(holds(h.get(k), v) for k, v in w.items())
        return h == w

    return [key for key, value in want.items() if not holds(have.get(key), value)]


ALERT_MASK = "display_name,query_text,warehouse_id,evaluation,schedule"


def _alert_plan(desired: Desired, current: Current, options: Options) -> Area:
    if desired.alerts is None or current.alerts is None:
        return [], []
    area = "alerts"
    changes: list[Change] = []
    now = {a.name: a for a in current.alerts}
    for alert in desired.alerts:
        body = alert_body(alert)
        have = now.get(alert.name)
        if have is None:
            changes.append(
                Change(
                    area,
                    "create",
                    alert.name,
                    f"{alert.column} {alert.op} {alert.threshold:g}",
                    "alert_create",
                    _args(body=body),
                )
            )
            continue
        differing = differing_keys(have.body, body)
        if differing:
            changes.append(
                Change(
                    area,
                    "update",
                    alert.name,
                    f"changed: {', '.join(differing)}",
                    "alert_update",
                    _args(alert_id=have.alert_id, body=body),
                )
            )
    return changes, []


def log_delivery_params(spec: LogDelivery) -> dict[str, Any]:
    """The create parameters of an audit log delivery configuration (status aside)."""
    params: dict[str, Any] = {
        "config_name": spec.name,
        "log_type": "AUDIT_LOGS",
        "output_format": "JSON",
        "credentials_id": spec.credentials_id,
        "storage_configuration_id": spec.storage_configuration_id,
    }
    if spec.path_prefix:
        params["delivery_path_prefix"] = spec.path_prefix
    if spec.start_month:
        params["delivery_start_time"] = spec.start_month
    if spec.workspace_ids:
        params["workspace_ids_filter"] = list(spec.workspace_ids)
    return params


def _log_delivery_plan(desired: Desired, current: Current, options: Options) -> Area:
    if desired.log_delivery is None or current.log_delivery is None:
        return [], []
    area = "log_delivery"
    changes: list[Change] = []
    notes: list[Note] = []
    now = {c.name: c for c in current.log_delivery}
    for spec in desired.log_delivery:
        params = log_delivery_params(spec)
        status = "ENABLED" if spec.enabled else "DISABLED"
        have = now.get(spec.name)
        if have is None:
            changes.append(
                Change(
                    area,
                    "create",
                    spec.name,
                    f"AUDIT_LOGS JSON to {spec.storage_configuration_id} ({status})",
                    "log_delivery_create",
                    _args(params={**params, "status": status}),
                )
            )
            continue
        differing = differing_keys(have.body, params)
        if differing:
            notes.append(
                Note(
                    area,
                    spec.name,
                    f"differs in {', '.join(differing)}; Databricks cannot edit a log delivery "
                    "configuration: disable it and declare one with a new name",
                    drift=True,
                )
            )
        if have.body.get("status") != status:
            changes.append(
                Change(
                    area,
                    "update",
                    spec.name,
                    f"status {have.body.get('status')} -> {status}",
                    "log_delivery_status",
                    _args(config_id=have.config_id, status=status),
                )
            )
    return changes, notes
