"""Desired state: the settings file, validated and turned into frozen dataclasses.

``load(path)`` reads YAML, checks it against ``schema.SCHEMA`` and then the rules a schema
cannot say (CIDR validity, the 1,000-entry limit, unique names, the enforcement lock-out guard,
secret sources), and raises ``InputError`` naming the file, key path and value. Nothing here
calls Databricks.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator

from ucgov.errors import InputError
from ucgov.schema import ALERT_OPERATORS, SCHEMA

IP_ENTRY_LIMIT = 1000  # Databricks: allow + block lists hold at most 1,000 addresses/ranges


@dataclass(frozen=True)
class IpList:
    """One IP access list (§4.3)."""

    label: str
    list_type: str  # ALLOW | BLOCK
    addresses: tuple[str, ...]
    enabled: bool = True


@dataclass(frozen=True)
class IpAccessLists:
    """The lists and the enforcement switch; ``enforcement`` None leaves the switch alone."""

    lists: tuple[IpList, ...]
    enforcement: bool | None


@dataclass(frozen=True)
class TokenPolicy:
    """Personal access token policy (§3.4); None fields are left alone."""

    enable_tokens: bool | None = None
    max_lifetime_days: int | None = None
    comment_required: bool = False
    can_use: tuple[str, ...] | None = None


@dataclass(frozen=True)
class ClusterPolicy:
    """A cluster policy (§7.2) and the principals that may use it."""

    name: str
    definition: dict[str, Any] = field(hash=False)
    description: str | None = None
    can_use: tuple[str, ...] | None = None


@dataclass(frozen=True)
class SecretSpec:
    """A secret's key and where its value comes from (never the value itself)."""

    key: str
    from_env: str | None = None
    from_stdin: bool = False


@dataclass(frozen=True)
class SecretScope:
    """A Databricks-backed secret scope, its ACLs and the secrets it must hold (§5.3)."""

    name: str
    acls: tuple[tuple[str, str], ...] | None = None
    secrets: tuple[SecretSpec, ...] = ()


@dataclass(frozen=True)
class ServicePrincipal:
    """A service principal (§3.3), its account groups and where its OAuth secret is stored."""

    name: str
    groups: tuple[str, ...] = ()
    secret_scope: str | None = None
    secret_key: str | None = None


@dataclass(frozen=True)
class Alert:
    """A SQL alert (§8.2) over an audit model, with its schedule and destinations."""

    name: str
    query: str
    warehouse_id: str
    column: str
    aggregation: str | None
    op: str  # the API's ComparisonOperator name
    threshold: float
    cron: str
    timezone: str
    notify_users: tuple[str, ...] = ()
    notify_destinations: tuple[str, ...] = ()


@dataclass(frozen=True)
class LogDelivery:
    """An account audit log delivery configuration (§6.1)."""

    name: str
    credentials_id: str
    storage_configuration_id: str
    path_prefix: str | None = None
    start_month: str | None = None
    workspace_ids: tuple[int, ...] = ()
    enabled: bool = True


@dataclass(frozen=True)
class Desired:
    """Everything the file declares; an area that is None is not managed at all."""

    source: str
    operator_addresses: tuple[str, ...] = ()
    ip_access_lists: IpAccessLists | None = None
    token_policy: TokenPolicy | None = None
    workspace_settings: tuple[tuple[str, bool], ...] = ()
    cluster_policies: tuple[ClusterPolicy, ...] | None = None
    secret_scopes: tuple[SecretScope, ...] | None = None
    service_principals: tuple[ServicePrincipal, ...] | None = None
    alerts: tuple[Alert, ...] | None = None
    log_delivery: tuple[LogDelivery, ...] | None = None

    @property
    def needs_account(self) -> bool:
        """Whether an account client is needed (account groups, log delivery)."""
        return self.log_delivery is not None or any(
            sp.groups for sp in self.service_principals or ()
        )


def _path(parts: Iterable[Any]) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def load(path: str | Path) -> Desired:
    """Read, validate and convert a settings file; raise ``InputError`` on the first problem."""
    source = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(source, "", f"cannot read the file: {error}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise InputError(
            source, where, f"not valid YAML: {getattr(error, 'problem', error)}"
        ) from None
    return parse(data, source)


def parse(data: Any, source: str) -> Desired:
    """Validate already-parsed YAML data (see ``load``)."""
    errors = sorted(Draft202012Validator(SCHEMA).iter_errors(data), key=lambda e: list(e.path))
    if errors:
        first = errors[0]
        raise InputError(source, _path(first.absolute_path), first.message, first.instance)
    desired = Desired(
        source=source,
        operator_addresses=tuple(data.get("operator_addresses", ())),
        ip_access_lists=_ip_lists(data.get("ip_access_lists")),
        token_policy=_token_policy(data.get("token_policy")),
        workspace_settings=tuple(sorted(data.get("workspace_settings", {}).items())),
        cluster_policies=_maybe(data, "cluster_policies", _cluster_policy),
        secret_scopes=_maybe(data, "secret_scopes", _scope),
        service_principals=_maybe(data, "service_principals", _service_principal),
        alerts=_maybe(data, "alerts", _alert),
        log_delivery=_maybe(data, "log_delivery", _log_delivery),
    )
    check(desired, data)
    return desired


def _maybe(data: dict[str, Any], key: str, convert: Any) -> tuple[Any, ...] | None:
    return tuple(convert(item) for item in data[key]) if key in data else None


def _ip_lists(raw: dict[str, Any] | None) -> IpAccessLists | None:
    if raw is None:
        return None
    lists = tuple(
        IpList(
            item["label"], item["type"].upper(), tuple(item["addresses"]), item.get("enabled", True)
        )
        for item in raw.get("lists", ())
    )
    return IpAccessLists(lists, raw.get("enforcement"))


def _token_policy(raw: dict[str, Any] | None) -> TokenPolicy | None:
    if raw is None:
        return None
    can_use = raw.get("can_use")
    return TokenPolicy(
        raw.get("enable_tokens"),
        raw.get("max_lifetime_days"),
        raw.get("comment_required", False),
        None if can_use is None else tuple(sorted(can_use)),
    )


def _cluster_policy(raw: dict[str, Any]) -> ClusterPolicy:
    can_use = raw.get("can_use")
    return ClusterPolicy(
        raw["name"],
        raw["definition"],
        raw.get("description"),
        None if can_use is None else tuple(sorted(can_use)),
    )


def _scope(raw: dict[str, Any]) -> SecretScope:
    acls = raw.get("acls")
    return SecretScope(
        raw["name"],
        None if acls is None else tuple(sorted(acls.items())),
        tuple(
            SecretSpec(s["key"], s.get("from_env"), s.get("from_stdin", False))
            for s in raw.get("secrets", ())
        ),
    )


def _service_principal(raw: dict[str, Any]) -> ServicePrincipal:
    oauth = raw.get("oauth_secret") or {}
    return ServicePrincipal(
        raw["name"], tuple(sorted(raw.get("groups", ()))), oauth.get("scope"), oauth.get("key")
    )


def _alert(raw: dict[str, Any]) -> Alert:
    return Alert(
        raw["name"],
        raw["query"],
        raw["warehouse_id"],
        raw["column"],
        raw.get("aggregation"),
        ALERT_OPERATORS[raw["op"]],
        float(raw["threshold"]),
        raw["schedule"]["cron"],
        raw["schedule"]["timezone"],
        tuple(raw.get("notify_users", ())),
        tuple(raw.get("notify_destinations", ())),
    )


def _log_delivery(raw: dict[str, Any]) -> LogDelivery:
    return LogDelivery(
        raw["name"],
        raw["credentials_id"],
        raw["storage_configuration_id"],
        raw.get("path_prefix"),
        raw.get("start_month"),
        tuple(raw.get("workspace_ids", ())),
        raw.get("enabled", True),
    )


def network(value: str) -> ipaddress.IPv4Network | ipaddress.IPv6Network:
    """An address or CIDR range, strict (no host bits set outside the prefix)."""
    return ipaddress.ip_network(value, strict=True)


def check(desired: Desired, data: dict[str, Any]) -> None:
    """The rules the schema cannot express; raises ``InputError``."""
    src = desired.source

    def cidrs(values: Iterable[str], where: str) -> None:
        for i, value in enumerate(values):
            try:
                network(value)
            except ValueError:
                raise InputError(
                    src,
                    f"{where}[{i}]",
                    "not an IPv4/IPv6 address or CIDR range (host bits must be zero)",
                    value,
                ) from None

    cidrs(desired.operator_addresses, "operator_addresses")
    lists = desired.ip_access_lists
    if lists is not None:
        total = 0
        seen: set[str] = set()
        for i, item in enumerate(lists.lists):
            cidrs(item.addresses, f"ip_access_lists.lists[{i}].addresses")
            if item.label in seen:
                raise InputError(
                    src, f"ip_access_lists.lists[{i}].label", "duplicate label", item.label
                )
            seen.add(item.label)
            total += len(item.addresses)
        if total > IP_ENTRY_LIMIT:
            raise InputError(
                src,
                "ip_access_lists.lists",
                f"{total} addresses and ranges; Databricks allows at most {IP_ENTRY_LIMIT} "
                "across all lists",
            )
        if lists.enforcement:
            problem = operators_locked_out(desired.operator_addresses, lists.lists)
            if problem:
                raise InputError(src, "ip_access_lists.enforcement", problem, True)
    for key, items in (
        ("cluster_policies", desired.cluster_policies),
        ("secret_scopes", desired.secret_scopes),
        ("service_principals", desired.service_principals),
        ("alerts", desired.alerts),
        ("log_delivery", desired.log_delivery),
    ):
        names = [item.name for item in items or ()]
        for i, name in enumerate(names):
            if name in names[:i]:
                raise InputError(src, f"{key}[{i}].name", "duplicate name", name)
    stdin_users = []
    for i, scope in enumerate(desired.secret_scopes or ()):
        for j, secret in enumerate(scope.secrets):
            where = f"secret_scopes[{i}].secrets[{j}]"
            if (secret.from_env is None) == (not secret.from_stdin):
                raise InputError(
                    src,
                    where,
                    "give exactly one of from_env or from_stdin: true "
                    "(secret values never go in this file)",
                    secret.key,
                )
            if secret.from_stdin:
                stdin_users.append(where)
    if len(stdin_users) > 1:
        raise InputError(src, stdin_users[1], "only one secret can be read from standard input")
    scopes = {s.name for s in desired.secret_scopes or ()}
    for i, sp in enumerate(desired.service_principals or ()):
        if sp.secret_scope is not None and sp.secret_scope not in scopes:
            raise InputError(
                src,
                f"service_principals[{i}].oauth_secret.scope",
                "the scope must be declared under secret_scopes",
                sp.secret_scope,
            )


def operators_locked_out(operators: Iterable[str], lists: Iterable[IpList]) -> str | None:
    """Why turning enforcement on would lock the operators out, or None when it would not."""
    operators = list(operators)
    if not operators:
        return (
            "enforcement needs operator_addresses (where you apply this from) "
            "so that it cannot lock you out"
        )
    enabled = [item for item in lists if item.enabled]
    allow = [network(a) for item in enabled if item.list_type == "ALLOW" for a in item.addresses]
    block = [network(a) for item in enabled if item.list_type == "BLOCK" for a in item.addresses]
    for op in operators:
        net = network(op)
        inside = [n for n in allow if n.version == net.version and net.subnet_of(n)]
        if not inside:
            return (
                f"operator address {op} is not covered by an enabled allow list: "
                "enforcement would lock it out"
            )
        if any(n.version == net.version and net.overlaps(n) for n in block):
            return (
                f"operator address {op} overlaps an enabled block list: "
                "enforcement would lock it out"
            )
    return None
