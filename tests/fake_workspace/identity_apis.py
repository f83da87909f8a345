"""Identity APIs of the fake: SCIM service principals and groups (workspace and account), OAuth
secrets of service principals. Account groups and service principals are Unity Catalog
principals: they are registered in the fake's shared principal store."""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .errors import ApiError, bad_request, check_body, conflict, not_found

if TYPE_CHECKING:
    from .server import FakeWorkspace

LIST_QUERY = {"attributes", "count", "startIndex", "excludedAttributes", "sortBy", "sortOrder"}
SCIM_LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse"
PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
SCIM_FIELDS = {"schemas": list, "entitlements": list, "roles": list, "externalId": str}


def _page(resources: list[dict[str, Any]], query: dict[str, str]) -> dict[str, Any]:
    unknown = set(query) - LIST_QUERY - {"filter"}
    if unknown:
        raise bad_request(f"Unsupported query parameters: {sorted(unknown)}")
    if "filter" in query:
        attribute, op, value = [*query["filter"].split(" ", 2), "", ""][:3]
        if op != "eq" or not value.startswith('"'):
            raise bad_request(f"Unsupported filter: {query['filter']}")
        resources = [r for r in resources if str(r.get(attribute)) == value.strip('"')]
    start = int(query.get("startIndex", "1"))
    count = int(query.get("count", "100"))
    page = resources[start - 1 : start - 1 + count]
    return {
        "schemas": [SCIM_LIST],
        "totalResults": len(resources),
        "startIndex": start,
        "itemsPerPage": len(page),
        "Resources": page,
    }


class IdentityApis:
    """SCIM state: service principals, users, workspace-local groups, account groups."""

    def __init__(self, fake: FakeWorkspace) -> None:
        self.fake = fake
        self.service_principals: dict[str, dict[str, Any]] = {}
        self.users: dict[str, dict[str, Any]] = {}
        self.workspace_groups: dict[str, dict[str, Any]] = {}
        self.account_groups: dict[str, dict[str, Any]] = {}
        self.sp_secrets: dict[str, list[dict[str, Any]]] = {}
        self.sp_secret_values: list[str] = []  # every OAuth secret handed out, for assertions
        self._ids = 10_000
        acct = r"/api/2\.0/accounts/[^/]+/scim/v2/Groups"
        sps = r"/api/2\.0/preview/scim/v2/ServicePrincipals"
        sp_secret = r"/api/2\.0/accounts/servicePrincipals/(?P<sp_id>[^/]+)/credentials/secrets"  # noqa: S105
        r = fake.route
        r("GET", sps, self.list_sps)
        r("POST", sps, self.create_sp)
        r("GET", sps + r"/(?P<sp_id>[^/]+)", self.get_sp)
        r("DELETE", sps + r"/(?P<sp_id>[^/]+)", self.delete_sp)
        r("POST", sp_secret, self.create_sp_secret)
        r("GET", sp_secret, self.list_sp_secrets)
        r("GET", r"/api/2\.0/preview/scim/v2/Groups", self.list_workspace_groups)
        r("POST", r"/api/2\.0/preview/scim/v2/Groups", self.create_workspace_group)
        r("GET", acct, self.list_account_groups)
        r("POST", acct, self.create_account_group)
        r("GET", acct + r"/(?P<group_id>[^/]+)", self.get_account_group)
        r("PATCH", acct + r"/(?P<group_id>[^/]+)", self.patch_account_group)
        r("DELETE", acct + r"/(?P<group_id>[^/]+)", self.delete_account_group)

    def _new_id(self) -> str:
        self._ids += 1
        return str(self._ids)

    # -- test helpers ----------------------------------------------------------------------
    def add_user(self, email: str) -> str:
        """Seed an account user (test helper); returns its SCIM id."""
        user_id = self._new_id()
        self.users[user_id] = {"id": user_id, "userName": email.lower()}
        self.fake.principals.add_user(email)
        return user_id

    def member_name(self, member_id: str) -> str:
        """The Unity Catalog name of a SCIM member id (user email, SP application id, group)."""
        if member_id in self.users:
            return self.users[member_id]["userName"]
        if member_id in self.service_principals:
            return self.service_principals[member_id]["applicationId"]
        if member_id in self.account_groups:
            return self.account_groups[member_id]["displayName"]
        raise bad_request(f"Member {member_id} does not exist")

    # -- service principals ----------------------------------------------------------------
    def _sp(self, sp_id: str) -> dict[str, Any]:
        if sp_id not in self.service_principals:
            raise not_found(f"Service principal {sp_id} does not exist")
        return self.service_principals[sp_id]

    def list_sps(self, query: dict[str, str], body: Any) -> dict[str, Any]:
        """GET /api/2.0/preview/scim/v2/ServicePrincipals."""
        return _page(list(self.service_principals.values()), query)

    def create_sp(self, query: dict[str, str], body: Any) -> dict[str, Any]:
        """POST ServicePrincipals: the new SP is an account principal assigned to this workspace."""
        check_body(body, {"displayName": str}, {"active": bool, **SCIM_FIELDS})
        if any(s["displayName"] == body["displayName"] for s in self.service_principals.values()):
            raise conflict(f"Service principal {body['displayName']} already exists")
        sp_id = self._new_id()
        application_id = str(uuid.uuid4())
        self.service_principals[sp_id] = {
            "id": sp_id,
            "applicationId": application_id,
            "displayName": body["displayName"],
            "active": body.get("active", True),
        }
        self.fake.principals.add_service_principal(application_id)
        return self.service_principals[sp_id]

    def get_sp(self, query: dict[str, str], body: Any, sp_id: str) -> dict[str, Any]:
        """GET ServicePrincipals/{id}."""
        return self._sp(sp_id)

    def delete_sp(self, query: dict[str, str], body: Any, sp_id: str) -> None:
        """DELETE ServicePrincipals/{id}."""
        self._sp(sp_id)
        del self.service_principals[sp_id]

    def create_sp_secret(self, query: dict[str, str], body: Any, sp_id: str) -> dict[str, Any]:
        """POST .../credentials/secrets: the secret value is in this answer only."""
        self._sp(sp_id)
        if body is not None:
            check_body(body, {}, {"lifetime": str})
        secret_id = self._new_id()
        value = "dose" + secrets.token_hex(16)
        record = {"id": secret_id, "status": "ACTIVE", "secret_hash": value[-4:]}
        self.sp_secrets.setdefault(sp_id, []).append(record)
        self.sp_secret_values.append(value)
        return {**record, "secret": value}

    def list_sp_secrets(self, query: dict[str, str], body: Any, sp_id: str) -> dict[str, Any]:
        """GET .../credentials/secrets (never the values)."""
        self._sp(sp_id)
        return {"secrets": self.sp_secrets.get(sp_id, [])}

    # -- groups ----------------------------------------------------------------------------
    def _create_group(self, body: Any, store: dict[str, dict[str, Any]]) -> dict[str, Any]:
        check_body(body, {"displayName": str}, {"members": list, **SCIM_FIELDS})
        name = body["displayName"]
        if any(g["displayName"].lower() == name.lower() for g in store.values()):
            raise ApiError(
                409, "RESOURCE_ALREADY_EXISTS", f"Group with name {name} already exists."
            )
        members = [self._member(m) for m in body.get("members", [])]
        group_id = self._new_id()
        store[group_id] = {"id": group_id, "displayName": name, "members": members}
        return store[group_id]

    def _member(self, item: Any) -> dict[str, str]:
        if not isinstance(item, dict) or not isinstance(item.get("value"), str):
            raise bad_request(f"Invalid member: {item!r}")
        return {"value": item["value"], "display": self.member_name(item["value"])}

    def list_workspace_groups(self, query: dict[str, str], body: Any) -> dict[str, Any]:
        """GET /api/2.0/preview/scim/v2/Groups (workspace-local groups)."""
        return _page(list(self.workspace_groups.values()), query)

    def create_workspace_group(self, query: dict[str, str], body: Any) -> dict[str, Any]:
        """POST /api/2.0/preview/scim/v2/Groups: a workspace-local group, not a UC principal."""
        return self._create_group(body, self.workspace_groups)

    def _account_group(self, group_id: str) -> dict[str, Any]:
        if group_id not in self.account_groups:
            raise not_found(f"Group {group_id} does not exist")
        return self.account_groups[group_id]

    def list_account_groups(self, query: dict[str, str], body: Any) -> dict[str, Any]:
        """GET /api/2.0/accounts/{id}/scim/v2/Groups."""
        return _page(list(self.account_groups.values()), query)

    def create_account_group(self, query: dict[str, str], body: Any) -> dict[str, Any]:
        """POST account Groups: registered in the shared Unity Catalog principal store."""
        group = self._create_group(body, self.account_groups)
        self.fake.principals.add_group(
            group["displayName"], [m["display"] for m in group["members"]]
        )
        return group

    def get_account_group(self, query: dict[str, str], body: Any, group_id: str) -> dict[str, Any]:
        """GET account Groups/{id}."""
        return self._account_group(group_id)

    def patch_account_group(self, query: dict[str, str], body: Any, group_id: str) -> None:
        """PATCH account Groups/{id}: add or remove members."""
        group = self._account_group(group_id)
        check_body(body, {"Operations": list}, {"schemas": list})
        if body.get("schemas", [PATCH_SCHEMA]) != [PATCH_SCHEMA]:
            raise bad_request(f"schemas must be [{PATCH_SCHEMA}]")
        for op in body["Operations"]:
            if not isinstance(op, dict) or op.get("path") != "members":
                raise bad_request(f"Unsupported patch operation: {op!r}")
            values = [self._member(v) for v in op.get("value", [])]
            if op.get("op") == "add":
                known = {m["value"] for m in group["members"]}
                group["members"] += [v for v in values if v["value"] not in known]
                self.fake.principals.add_members(
                    group["displayName"], [v["display"] for v in values]
                )
            elif op.get("op") == "remove":
                gone = {v["value"] for v in values}
                group["members"] = [m for m in group["members"] if m["value"] not in gone]
            else:
                raise bad_request(f"Unsupported patch op: {op.get('op')!r}")

    def delete_account_group(self, query: dict[str, str], body: Any, group_id: str) -> None:
        """DELETE account Groups/{id}."""
        self._account_group(group_id)
        del self.account_groups[group_id]

    def seed_account_group(self, name: str, member_emails: Sequence[str] = ()) -> str:
        """Seed an account group with user members (test helper); returns its SCIM id."""
        ids = [self.add_user(e) for e in member_emails]
        group = self.create_account_group(
            {}, {"displayName": name, "members": [{"value": i} for i in ids]}
        )
        return group["id"]
