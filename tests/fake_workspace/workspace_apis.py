"""Workspace-level APIs of the fake: IP access lists, workspace-conf, settings, tokens, cluster
policies, permissions and secrets. State lives here; every body is checked strictly."""

from __future__ import annotations

import ipaddress
import json
import re
import time
from typing import TYPE_CHECKING, Any

from .errors import ApiError, bad_request, check_body, conflict, not_found

if TYPE_CHECKING:
    from .server import FakeWorkspace

IP_LIST_LIMIT = 1000  # addresses + CIDR ranges, allow and block lists together
CONF_KEYS = {
    "enableIpAccessLists": "bool",
    "enableTokensConfig": "bool",
    "maxTokenLifetimeDays": "int",
}
# settings type -> (message key, field defaults, uses etag)
SETTING_TYPES: dict[str, tuple[str, dict[str, Any], bool]] = {
    "enable-results-downloading": ("boolean_val", {"value": True}, False),
    "enable-export-notebook": ("boolean_val", {"value": True}, False),
    "enable-notebook-table-clipboard": ("boolean_val", {"value": True}, False),
    "sql_results_download": ("boolean_val", {"value": True}, True),
    "restrict_workspace_admins": ("restrict_workspace_admins", {"status": "ALLOW_ALL"}, True),
    "shield_esm_enablement_ws_db": (
        "enhanced_security_monitoring_workspace",
        {"is_enabled": False},
        True,
    ),
    "shield_csp_enablement_ws_db": (
        "compliance_security_profile_workspace",
        {"is_enabled": False, "compliance_standards": []},
        True,
    ),
    "automatic_cluster_update": (
        "automatic_cluster_update_workspace",
        {"enabled": False, "can_toggle": True},
        True,
    ),
    "disable_legacy_access": ("disable_legacy_access", {"value": False}, True),
    "disable_legacy_dbfs": ("disable_legacy_dbfs", {"value": False}, True),
}
RESTRICT_STATUSES = {"ALLOW_ALL", "RESTRICT_TOKENS_AND_JOB_RUN_AS"}
POLICY_RULE_TYPES = {"fixed", "forbidden", "allowlist", "blocklist", "regex", "range", "unlimited"}
SECRET_PERMISSIONS = {"READ", "WRITE", "MANAGE"}
NAME_RE = re.compile(r"[A-Za-z0-9_\-.@]{1,128}")
LOCAL_GROUPS = {"users", "admins"}


def _now_ms() -> int:
    return int(time.time() * 1000)


class WorkspaceApis:
    """State and handlers of the workspace APIs (registered on the fake at construction)."""

    def __init__(self, fake: FakeWorkspace) -> None:
        self.fake = fake
        self.ip_lists: dict[str, dict[str, Any]] = {}
        self.conf: dict[str, str | None] = {
            "enableIpAccessLists": "false",
            "enableTokensConfig": "true",
            "maxTokenLifetimeDays": None,
        }
        self.settings = {name: dict(spec[1]) for name, spec in SETTING_TYPES.items()}
        self.etags = dict.fromkeys(SETTING_TYPES, 1)
        self.tokens: dict[str, dict[str, Any]] = {}
        self.permissions: dict[str, dict[str, str]] = {"tokens": {}}
        self.policies: dict[str, dict[str, Any]] = {}
        self.scopes: dict[str, dict[str, Any]] = {}
        self.secret_values: dict[tuple[str, str], str] = {}
        self._ids = 0
        r = fake.route
        r("GET", r"/api/2\.0/ip-access-lists", self.list_ip_lists)
        r("POST", r"/api/2\.0/ip-access-lists", self.create_ip_list)
        r("GET", r"/api/2\.0/ip-access-lists/(?P<list_id>[^/]+)", self.get_ip_list)
        r("PUT", r"/api/2\.0/ip-access-lists/(?P<list_id>[^/]+)", self.replace_ip_list)
        r("PATCH", r"/api/2\.0/ip-access-lists/(?P<list_id>[^/]+)", self.update_ip_list)
        r("DELETE", r"/api/2\.0/ip-access-lists/(?P<list_id>[^/]+)", self.delete_ip_list)
        r("GET", r"/api/2\.0/workspace-conf", self.get_conf)
        r("PATCH", r"/api/2\.0/workspace-conf", self.set_conf)
        r("GET", r"/api/2\.0/settings/types/(?P<name>[^/]+)/names/default", self.get_setting)
        r("PATCH", r"/api/2\.0/settings/types/(?P<name>[^/]+)/names/default", self.patch_setting)
        r("GET", r"/api/2\.0/token-management/tokens", self.list_tokens)
        r("DELETE", r"/api/2\.0/token-management/tokens/(?P<token_id>[^/]+)", self.delete_token)
        for verb in ("GET", "PUT", "PATCH"):
            r(verb, r"/api/2\.0/permissions/authorization/tokens", self.token_permissions)
            r(verb, r"/api/2\.0/permissions/cluster-policies/(?P<oid>[^/]+)", self.policy_perms)
        r("GET", r"/api/2\.0/policies/clusters/list", self.list_policies)
        r("GET", r"/api/2\.0/policies/clusters/get", self.get_policy)
        r("POST", r"/api/2\.0/policies/clusters/create", self.create_policy)
        r("POST", r"/api/2\.0/policies/clusters/edit", self.edit_policy)
        r("POST", r"/api/2\.0/policies/clusters/delete", self.delete_policy)
        r("GET", r"/api/2\.0/secrets/scopes/list", self.list_scopes)
        r("POST", r"/api/2\.0/secrets/scopes/create", self.create_scope)
        r("POST", r"/api/2\.0/secrets/scopes/delete", self.delete_scope)
        r("GET", r"/api/2\.0/secrets/acls/list", self.list_acls)
        r("POST", r"/api/2\.0/secrets/acls/put", self.put_acl)
        r("POST", r"/api/2\.0/secrets/acls/delete", self.delete_acl)
        r("GET", r"/api/2\.0/secrets/list", self.list_secrets)
        r("POST", r"/api/2\.0/secrets/put", self.put_secret)

    def new_id(self) -> str:
        """A fresh numeric-looking id."""
        self._ids += 1
        return f"{self._ids:016d}"

    # -- principals ------------------------------------------------------------------------
    def check_principal(self, name: str) -> None:
        """400 unless ``name`` is a known user, group or service principal."""
        known = name in LOCAL_GROUPS or name == self.fake.current_user
        if not known and self.fake.principals.find_principal(name) is None:
            raise bad_request(f"Principal: {name} does not exist")

    # -- IP access lists -------------------------------------------------------------------
    def blocked_reason(self, address: str, path: str) -> str | None:
        """Databricks' enforcement: a caller outside every enabled allow list is refused."""
        if self.conf.get("enableIpAccessLists") != "true":
            return None
        caller = ipaddress.ip_address(address)
        enabled = [v for v in self.ip_lists.values() if v["enabled"]]

        def covers(entry: dict[str, Any]) -> bool:
            nets = (ipaddress.ip_network(a, strict=False) for a in entry["ip_addresses"])
            return any(caller.version == n.version and caller in n for n in nets)

        allow = [v for v in enabled if v["list_type"] == "ALLOW"]
        if any(covers(v) for v in enabled if v["list_type"] == "BLOCK") or (
            allow and not any(covers(v) for v in allow)
        ):
            return f"Source IP address: {address} is blocked by Databricks IP ACL for workspace"
        return None

    def _check_addresses(self, addresses: list[Any], replacing: str | None) -> None:
        for value in addresses:
            if not isinstance(value, str):
                raise bad_request("ip_addresses must be a list of strings")
            try:
                ipaddress.ip_network(value, strict=True)
            except ValueError:
                raise bad_request(f"Invalid IP address or CIDR: {value}") from None
        others = sum(len(v["ip_addresses"]) for k, v in self.ip_lists.items() if k != replacing)
        if others + len(addresses) > IP_LIST_LIMIT:
            raise ApiError(
                400,
                "QUOTA_EXCEEDED",
                f"IP access lists may hold at most {IP_LIST_LIMIT} addresses and ranges in total",
            )

    def _check_list_fields(self, body: dict[str, Any], list_id: str | None) -> None:
        if "list_type" in body and body["list_type"] not in ("ALLOW", "BLOCK"):
            raise bad_request(f"Invalid list_type: {body['list_type']}")
        if "label" in body:
            for other_id, other in self.ip_lists.items():
                if other_id != list_id and other["label"] == body["label"]:
                    raise conflict(f"IP access list with label {body['label']} already exists")
        if "ip_addresses" in body:
            self._check_addresses(body["ip_addresses"], list_id)

    def _ip_list(self, list_id: str) -> dict[str, Any]:
        if list_id not in self.ip_lists:
            raise not_found(f"IP access list {list_id} does not exist")
        return self.ip_lists[list_id]

    def list_ip_lists(self, query: dict[str, str], body: Any) -> dict[str, Any]:
        """GET /api/2.0/ip-access-lists."""
        return {"ip_access_lists": list(self.ip_lists.values())}

    def create_ip_list(self, query: dict[str, str], body: Any) -> dict[str, Any]:
        """POST /api/2.0/ip-access-lists."""
        check_body(body, {"label": str, "list_type": str}, {"ip_addresses": list})
        self._check_list_fields(body, None)
        list_id = self.new_id()
        addresses = list(body.get("ip_addresses", []))
        self.ip_lists[list_id] = {
            "list_id": list_id,
            "label": body["label"],
            "list_type": body["list_type"],
            "ip_addresses": addresses,
            "address_count": len(addresses),
            "enabled": True,
            "created_at": _now_ms(),
            "created_by": 1,
        }
        return {"ip_access_list": self.ip_lists[list_id]}

    def get_ip_list(self, query: dict[str, str], body: Any, list_id: str) -> dict[str, Any]:
        """GET /api/2.0/ip-access-lists/{id}."""
        return {"ip_access_list": self._ip_list(list_id)}

    def replace_ip_list(self, query: dict[str, str], body: Any, list_id: str) -> None:
        """PUT /api/2.0/ip-access-lists/{id}: every field replaced."""
        entry = self._ip_list(list_id)
        check_body(body, {"label": str, "list_type": str, "enabled": bool}, {"ip_addresses": list})
        self._check_list_fields(body, list_id)
        entry.update(body, ip_addresses=list(body.get("ip_addresses", [])))
        entry["address_count"] = len(entry["ip_addresses"])

    def update_ip_list(self, query: dict[str, str], body: Any, list_id: str) -> None:
        """PATCH /api/2.0/ip-access-lists/{id}: the given fields only."""
        entry = self._ip_list(list_id)
        optional = {"label": str, "list_type": str, "enabled": bool, "ip_addresses": list}
        check_body(body, {}, optional)
        self._check_list_fields(body, list_id)
        entry.update(body)
        entry["address_count"] = len(entry["ip_addresses"])

    def delete_ip_list(self, query: dict[str, str], body: Any, list_id: str) -> None:
        """DELETE /api/2.0/ip-access-lists/{id}."""
        self._ip_list(list_id)
        del self.ip_lists[list_id]

    # -- workspace-conf --------------------------------------------------------------------
    def get_conf(self, query: dict[str, str], body: Any) -> dict[str, Any]:
        """GET /api/2.0/workspace-conf?keys=a,b."""
        keys = [k for k in query.get("keys", "").split(",") if k]
        unknown = [k for k in keys if k not in CONF_KEYS]
        if not keys or unknown:
            raise bad_request(f"Invalid keys: {unknown or 'none given'}")
        return {k: self.conf.get(k) for k in keys}

    def set_conf(self, query: dict[str, str], body: Any) -> None:
        """PATCH /api/2.0/workspace-conf: string values of known keys only."""
        check_body(body, {}, dict.fromkeys(CONF_KEYS, str))
        for key, value in body.items():
            kind = CONF_KEYS[key]
            valid = value in ("true", "false") if kind == "bool" else value == "" or value.isdigit()
            if not valid:
                raise bad_request(f"Invalid value for {key}: {value}")
        self.conf.update(body)

    # -- settings --------------------------------------------------------------------------
    def _setting_spec(self, name: str) -> tuple[str, dict[str, Any], bool]:
        if name not in SETTING_TYPES:
            raise ApiError(404, "ENDPOINT_NOT_FOUND", f"Unknown setting type {name}")
        return SETTING_TYPES[name]

    def _setting_body(self, name: str) -> dict[str, Any]:
        message, _, uses_etag = SETTING_TYPES[name]
        out: dict[str, Any] = {"setting_name": "default", message: dict(self.settings[name])}
        if uses_etag:
            out["etag"] = str(self.etags[name])
        return out

    def get_setting(self, query: dict[str, str], body: Any, name: str) -> dict[str, Any]:
        """GET /api/2.0/settings/types/{name}/names/default."""
        self._setting_spec(name)
        return self._setting_body(name)

    def patch_setting(self, query: dict[str, str], body: Any, name: str) -> dict[str, Any]:
        """PATCH /api/2.0/settings/types/{name}/names/default (etag, field mask)."""
        message, defaults, uses_etag = self._setting_spec(name)
        check_body(body, {"allow_missing": bool, "field_mask": str, "setting": dict})
        if body["allow_missing"] is not True:
            raise bad_request("allow_missing must be true")
        setting = body["setting"]
        allowed = {message, "setting_name", "etag"}
        extra = set(setting) - allowed
        if extra or not isinstance(setting.get(message), dict):
            raise bad_request(f"setting must hold {message} (got {sorted(setting)})")
        if uses_etag and setting.get("etag") != str(self.etags[name]):
            raise ApiError(409, "RESOURCE_CONFLICT", "etag does not match; GET a fresh one")
        fields = body["field_mask"].split(",")
        for path in fields:
            head, _, field = path.partition(".")
            if head != message or field not in defaults:
                raise bad_request(f"Invalid field mask path: {path}")
            value = setting[message].get(field)
            if type(value) is not type(defaults[field]):
                raise bad_request(f"Invalid value for {path}: {value!r}")
            if field == "status" and value not in RESTRICT_STATUSES:
                raise bad_request(f"Invalid value for {path}: {value}")
        for path in fields:
            field = path.partition(".")[2]
            self.settings[name][field] = setting[message][field]
        self.etags[name] += 1
        return self._setting_body(name)

    # -- tokens ----------------------------------------------------------------------------
    def add_token(
        self,
        owner: str,
        comment: str | None,
        created_days_ago: float,
        expires_in_days: float | None,
    ) -> str:
        """Seed a personal access token (test helper); returns its id."""
        now = _now_ms()
        day = 86_400_000
        token_id = self.new_id()
        self.tokens[token_id] = {
            "token_id": token_id,
            "created_by_username": owner,
            "created_by_id": abs(hash(owner)) % 10**12,
            "owner_id": abs(hash(owner)) % 10**12,
            "creation_time": int(now - created_days_ago * day),
            "expiry_time": -1 if expires_in_days is None else int(now + expires_in_days * day),
        }
        if comment is not None:
            self.tokens[token_id]["comment"] = comment
        return token_id

    def list_tokens(self, query: dict[str, str], body: Any) -> dict[str, Any]:
        """GET /api/2.0/token-management/tokens."""
        unknown = set(query) - {"created_by_id", "created_by_username"}
        if unknown:
            raise bad_request(f"Unknown query parameters: {sorted(unknown)}")
        user = query.get("created_by_username")
        infos = [t for t in self.tokens.values() if user in (None, t["created_by_username"])]
        return {"token_infos": infos}

    def delete_token(self, query: dict[str, str], body: Any, token_id: str) -> None:
        """DELETE /api/2.0/token-management/tokens/{id}."""
        if self.tokens.pop(token_id, None) is None:
            raise not_found(f"Token {token_id} does not exist")

    # -- permissions -----------------------------------------------------------------------
    def _permissions(self, key: str, object_type: str, object_id: str) -> dict[str, Any]:
        acl = [
            {
                "group_name": "admins",
                "all_permissions": [{"permission_level": "CAN_MANAGE", "inherited": False}],
            }
        ]
        for principal, level in sorted(self.permissions[key].items()):
            kind, name = principal.split(":", 1)
            acl.append(
                {kind: name, "all_permissions": [{"permission_level": level, "inherited": False}]}
            )
        return {"object_id": object_id, "object_type": object_type, "access_control_list": acl}

    def _change_permissions(self, key: str, verb: str, body: Any, levels: set[str]) -> None:
        check_body(body, {}, {"access_control_list": list})
        entries: dict[str, str] = {}
        for item in body.get("access_control_list", []):
            kinds = [k for k in ("user_name", "group_name", "service_principal_name") if k in item]
            if len(kinds) != 1 or set(item) - {kinds[0], "permission_level"}:
                raise bad_request(f"Invalid access control entry: {json.dumps(item)}")
            name = item[kinds[0]]
            if name == "admins":
                raise bad_request("The admins group's permissions cannot be changed")
            self.check_principal(name)
            if item.get("permission_level") not in levels:
                raise bad_request(f"Invalid permission level: {item.get('permission_level')}")
            entries[f"{kinds[0]}:{name}"] = item["permission_level"]
        if verb == "PUT":
            self.permissions[key] = entries
        else:
            self.permissions[key].update(entries)

    def token_permissions(self, query: dict[str, str], body: Any) -> dict[str, Any]:
        """GET/PUT/PATCH /api/2.0/permissions/authorization/tokens (CAN_USE only)."""
        if self.fake.current_verb != "GET":
            self._change_permissions("tokens", self.fake.current_verb, body, {"CAN_USE"})
        return self._permissions("tokens", "tokens", "authorization/tokens")

    def policy_perms(self, query: dict[str, str], body: Any, oid: str) -> dict[str, Any]:
        """GET/PUT/PATCH /api/2.0/permissions/cluster-policies/{id} (CAN_USE only)."""
        self._policy(oid)
        key = f"cluster-policies/{oid}"
        self.permissions.setdefault(key, {})
        if self.fake.current_verb != "GET":
            self._change_permissions(key, self.fake.current_verb, body, {"CAN_USE"})
        return self._permissions(key, "cluster-policy", f"/cluster-policies/{oid}")

    # -- cluster policies ------------------------------------------------------------------
    def _check_definition(self, definition: str) -> None:
        try:
            parsed = json.loads(definition)
        except ValueError:
            raise bad_request("Policy definition is not valid JSON") from None
        if not isinstance(parsed, dict):
            raise bad_request("Policy definition must be a JSON object")
        for attribute, rule in parsed.items():
            if not isinstance(rule, dict) or rule.get("type") not in POLICY_RULE_TYPES:
                raise bad_request(f"Invalid policy definition for attribute {attribute}")

    def _policy(self, policy_id: str) -> dict[str, Any]:
        if policy_id not in self.policies:
            raise not_found(f"Cluster policy {policy_id} does not exist")
        return self.policies[policy_id]

    def _check_policy_name(self, name: str, policy_id: str | None) -> None:
        if any(p["name"] == name and k != policy_id for k, p in self.policies.items()):
            raise bad_request(f"Policy with name {name} already exists")

    def list_policies(self, query: dict[str, str], body: Any) -> dict[str, Any]:
        """GET /api/2.0/policies/clusters/list."""
        return {"policies": list(self.policies.values()), "total_count": len(self.policies)}

    def get_policy(self, query: dict[str, str], body: Any) -> dict[str, Any]:
        """GET /api/2.0/policies/clusters/get?policy_id=."""
        return self._policy(query.get("policy_id", ""))

    def create_policy(self, query: dict[str, str], body: Any) -> dict[str, Any]:
        """POST /api/2.0/policies/clusters/create."""
        check_body(body, {"name": str}, {"definition": str, "description": str})
        self._check_policy_name(body["name"], None)
        self._check_definition(body.get("definition", "{}"))
        policy_id = self.new_id()
        self.policies[policy_id] = {
            "policy_id": policy_id,
            "definition": "{}",
            **body,
            "created_at_timestamp": _now_ms(),
            "creator_user_name": self.fake.current_user,
        }
        return {"policy_id": policy_id}

    def edit_policy(self, query: dict[str, str], body: Any) -> None:
        """POST /api/2.0/policies/clusters/edit (replaces name, definition, description)."""
        check_body(body, {"policy_id": str, "name": str}, {"definition": str, "description": str})
        policy = self._policy(body["policy_id"])
        self._check_policy_name(body["name"], body["policy_id"])
        self._check_definition(body.get("definition", "{}"))
        policy.pop("description", None)
        policy.update({"definition": "{}", **body})

    def delete_policy(self, query: dict[str, str], body: Any) -> None:
        """POST /api/2.0/policies/clusters/delete."""
        check_body(body, {"policy_id": str})
        self._policy(body["policy_id"])
        del self.policies[body["policy_id"]]
        self.permissions.pop(f"cluster-policies/{body['policy_id']}", None)

    # -- secrets ---------------------------------------------------------------------------
    def _scope(self, name: str) -> dict[str, Any]:
        if name not in self.scopes:
            raise not_found(f"Scope {name} does not exist!")
        return self.scopes[name]

    def list_scopes(self, query: dict[str, str], body: Any) -> dict[str, Any]:
        """GET /api/2.0/secrets/scopes/list."""
        scopes = [{"name": n, "backend_type": s["backend_type"]} for n, s in self.scopes.items()]
        return {"scopes": scopes}

    def create_scope(self, query: dict[str, str], body: Any) -> None:
        """POST /api/2.0/secrets/scopes/create (the creator gets MANAGE)."""
        check_body(
            body, {"scope": str}, {"scope_backend_type": str, "initial_manage_principal": str}
        )
        name = body["scope"]
        if not NAME_RE.fullmatch(name):
            raise bad_request(f"Invalid scope name: {name}")
        if name in self.scopes:
            raise conflict(f"Scope {name} already exists!")
        if body.get("scope_backend_type", "DATABRICKS") != "DATABRICKS":
            raise bad_request("Only DATABRICKS-backed scopes can be created through this API")
        self.scopes[name] = {
            "backend_type": "DATABRICKS",
            "acls": {self.fake.current_user: "MANAGE"},
            "keys": {},
        }
        if "initial_manage_principal" in body:
            self.check_principal(body["initial_manage_principal"])
            self.scopes[name]["acls"][body["initial_manage_principal"]] = "MANAGE"

    def delete_scope(self, query: dict[str, str], body: Any) -> None:
        """POST /api/2.0/secrets/scopes/delete."""
        check_body(body, {"scope": str})
        self._scope(body["scope"])
        del self.scopes[body["scope"]]

    def list_acls(self, query: dict[str, str], body: Any) -> dict[str, Any]:
        """GET /api/2.0/secrets/acls/list?scope=."""
        acls = self._scope(query.get("scope", ""))["acls"]
        return {"items": [{"principal": p, "permission": v} for p, v in acls.items()]}

    def put_acl(self, query: dict[str, str], body: Any) -> None:
        """POST /api/2.0/secrets/acls/put."""
        check_body(body, {"scope": str, "principal": str, "permission": str})
        scope = self._scope(body["scope"])
        self.check_principal(body["principal"])
        if body["permission"] not in SECRET_PERMISSIONS:
            raise bad_request(f"Invalid permission: {body['permission']}")
        scope["acls"][body["principal"]] = body["permission"]

    def delete_acl(self, query: dict[str, str], body: Any) -> None:
        """POST /api/2.0/secrets/acls/delete."""
        check_body(body, {"scope": str, "principal": str})
        scope = self._scope(body["scope"])
        if scope["acls"].pop(body["principal"], None) is None:
            raise not_found(f"No ACL for {body['principal']} on scope {body['scope']}")

    def list_secrets(self, query: dict[str, str], body: Any) -> dict[str, Any]:
        """GET /api/2.0/secrets/list?scope= (keys and timestamps, never values)."""
        keys = self._scope(query.get("scope", ""))["keys"]
        return {"secrets": [{"key": k, "last_updated_timestamp": t} for k, t in keys.items()]}

    def put_secret(self, query: dict[str, str], body: Any) -> None:
        """POST /api/2.0/secrets/put (string values; kept for assertions, never returned)."""
        check_body(body, {"scope": str, "key": str, "string_value": str})
        scope = self._scope(body["scope"])
        if not NAME_RE.fullmatch(body["key"]):
            raise bad_request(f"Invalid secret key: {body['key']}")
        scope["keys"][body["key"]] = _now_ms()
        self.secret_values[(body["scope"], body["key"])] = body["string_value"]
