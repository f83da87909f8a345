"""Apply: a loop over the plan, one SDK call (or two) per change, stopping at the first error.

Secret values are resolved from the environment or standard input before the first write (a
missing one changes nothing), registered with the redactor, and handed to the SDK only.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, TextIO

from databricks.sdk.errors import DatabricksError
from databricks.sdk.service import settings as sdk_settings
from databricks.sdk.service.billing import (
    CreateLogDeliveryConfigurationParams,
    LogDeliveryConfigStatus,
)
from databricks.sdk.service.compute import ClusterPolicyAccessControlRequest
from databricks.sdk.service.iam import Patch, PatchOp, PatchSchema
from databricks.sdk.service.settings import ListType, TokenAccessControlRequest
from databricks.sdk.service.sql import AlertV2

from ucgov.catalog import WORKSPACE_SETTINGS
from ucgov.connect import explain
from ucgov.errors import REDACT, InputError, UcgovError
from ucgov.plan import ALERT_MASK, Change, Plan

Progress = Callable[[str], None]


def acl_principal(name: str) -> dict[str, str]:
    """The access-control field for a principal name: user (has @), SP (a UUID) or group."""
    if "@" in name:
        return {"user_name": name}
    parts = name.split("-")
    if [len(p) for p in parts] == [8, 4, 4, 4, 12]:
        return {"service_principal_name": name}
    return {"group_name": name}


def resolve_secrets(plan: Plan, stdin: TextIO) -> dict[tuple[str, str], str]:
    """Every secret value the plan writes, read now so that a missing one changes nothing."""
    values: dict[tuple[str, str], str] = {}
    for change in plan.changes:
        if change.op != "secret_put":
            continue
        env = change.arg("from_env")
        value = os.environ.get(env, "") if env else stdin.readline().rstrip("\n")
        if not value:
            where = f"environment variable {env}" if env else "standard input"
            raise InputError(
                plan.source,
                f"secret_scopes.{change.arg('scope')}.{change.arg('key')}",
                f"no secret value in {where}: nothing was applied",
            )
        values[(change.arg("scope"), change.arg("key"))] = REDACT.add(value)
    return values


class Applier:
    """Executes plan changes with a ``WorkspaceClient`` (and an ``AccountClient`` if needed)."""

    def __init__(self, w: Any, account: Any, secrets: dict[tuple[str, str], str]) -> None:
        self.w = w
        self.account = account
        self.secrets = secrets
        self.created: dict[tuple[str, str], str] = {}  # (kind, name) -> id made in this run

    def run(self, plan: Plan, progress: Progress) -> int:
        """Apply every change in order; raise ``UcgovError`` naming the change that failed."""
        total = len(plan.changes)
        for done, change in enumerate(plan.changes):
            progress(f"[{done + 1}/{total}] {change.area} {change.action} {change.target}")
            try:
                getattr(self, f"_{change.op}")(change)
            except DatabricksError as error:
                raise UcgovError(
                    f"apply stopped at change {done + 1} of {total} "
                    f"({change.area} {change.action} {change.target!r}): {explain(error)}. "
                    f"{done} change(s) were applied before it; `ucgov settings plan` shows "
                    "what remains."
                ) from None
        return total

    def _id(self, kind: str, name: str, known: str | None) -> str:
        return known or self.created[(kind, name)]

    def _conf_set(self, c: Change) -> None:
        self.w.workspace_conf.set_status(c.arg("values"))

    def _ip_create(self, c: Change) -> None:
        made = self.w.ip_access_lists.create(
            label=c.arg("label"),
            list_type=ListType(c.arg("list_type")),
            ip_addresses=c.arg("addresses"),
        )
        if not c.arg("enabled"):
            self.w.ip_access_lists.update(made.ip_access_list.list_id, enabled=False)

    def _ip_replace(self, c: Change) -> None:
        self.w.ip_access_lists.replace(
            c.arg("list_id"),
            label=c.arg("label"),
            list_type=ListType(c.arg("list_type")),
            enabled=c.arg("enabled"),
            ip_addresses=c.arg("addresses"),
        )

    def _ip_delete(self, c: Change) -> None:
        self.w.ip_access_lists.delete(c.arg("list_id"))

    def _setting_set(self, c: Change) -> None:
        spec = WORKSPACE_SETTINGS[c.arg("key")]
        body: dict[str, Any] = {spec.message: {spec.field: spec.to_api(c.arg("value"))}}
        if c.arg("etag") is not None:
            body["etag"] = c.arg("etag")
        setting = getattr(sdk_settings, spec.setting_class).from_dict(body)
        api = getattr(self.w.settings, spec.accessor)
        getattr(api, spec.updater)(
            allow_missing=True, setting=setting, field_mask=f"{spec.message}.{spec.field}"
        )

    def _token_permissions_set(self, c: Change) -> None:
        acl = [
            TokenAccessControlRequest.from_dict({**acl_principal(p), "permission_level": "CAN_USE"})
            for p in c.arg("principals")
        ]
        self.w.token_management.set_permissions(access_control_list=acl)

    def _policy_create(self, c: Change) -> None:
        made = self.w.cluster_policies.create(
            name=c.arg("name"), definition=c.arg("definition"), description=c.arg("description")
        )
        self.created[("policy", c.arg("name"))] = made.policy_id

    def _policy_edit(self, c: Change) -> None:
        self.w.cluster_policies.edit(
            c.arg("policy_id"),
            name=c.arg("name"),
            definition=c.arg("definition"),
            description=c.arg("description"),
        )

    def _policy_delete(self, c: Change) -> None:
        self.w.cluster_policies.delete(c.arg("policy_id"))

    def _policy_permissions_set(self, c: Change) -> None:
        acl = [
            ClusterPolicyAccessControlRequest.from_dict(
                {**acl_principal(p), "permission_level": "CAN_USE"}
            )
            for p in c.arg("principals")
        ]
        policy_id = self._id("policy", c.arg("name"), c.arg("policy_id"))
        self.w.cluster_policies.set_permissions(policy_id, access_control_list=acl)

    def _scope_create(self, c: Change) -> None:
        self.w.secrets.create_scope(c.arg("name"))

    def _scope_delete(self, c: Change) -> None:
        self.w.secrets.delete_scope(c.arg("name"))

    def _acl_put(self, c: Change) -> None:
        self.w.secrets.put_acl(
            c.arg("scope"), c.arg("principal"), sdk_workspace_permission(c.arg("permission"))
        )

    def _acl_delete(self, c: Change) -> None:
        self.w.secrets.delete_acl(c.arg("scope"), c.arg("principal"))

    def _secret_put(self, c: Change) -> None:
        value = self.secrets[(c.arg("scope"), c.arg("key"))]
        self.w.secrets.put_secret(c.arg("scope"), c.arg("key"), string_value=value)

    def _sp_create(self, c: Change) -> None:
        made = self.w.service_principals.create(display_name=c.arg("name"), active=True)
        self.created[("sp", c.arg("name"))] = made.id

    def _sp_delete(self, c: Change) -> None:
        self.w.service_principals.delete(c.arg("sp_id"))

    def _sp_oauth_secret(self, c: Change) -> None:
        sp_id = self._id("sp", c.arg("name"), c.arg("sp_id"))
        made = self.w.service_principal_secrets_proxy.create(sp_id)
        value = REDACT.add(made.secret or "")
        self.w.secrets.put_secret(c.arg("scope"), c.arg("key"), string_value=value)

    def _alert_create(self, c: Change) -> None:
        self.w.alerts_v2.create_alert(AlertV2.from_dict(c.arg("body")))

    def _alert_update(self, c: Change) -> None:
        self.w.alerts_v2.update_alert(
            c.arg("alert_id"), AlertV2.from_dict(c.arg("body")), ALERT_MASK
        )

    def _log_delivery_create(self, c: Change) -> None:
        params = CreateLogDeliveryConfigurationParams.from_dict(c.arg("params"))
        self._account().log_delivery.create(params)

    def _log_delivery_status(self, c: Change) -> None:
        self._account().log_delivery.patch_status(
            c.arg("config_id"), LogDeliveryConfigStatus(c.arg("status"))
        )

    def _account(self) -> Any:
        if self.account is None:
            raise UcgovError("this change needs account access (--account-profile or env vars)")
        return self.account

    def _sp_group_add(self, c: Change) -> None:
        sp_id = self._id("sp", c.arg("name"), c.arg("sp_id"))
        self._account().groups.patch(
            c.arg("group_id"),
            operations=[Patch(op=PatchOp.ADD, path="members", value=[{"value": sp_id}])],
            schemas=[PatchSchema.URN_IETF_PARAMS_SCIM_API_MESSAGES_2_0_PATCH_OP],
        )


def sdk_workspace_permission(name: str) -> Any:
    """The SDK enum of a secret-scope ACL permission."""
    from databricks.sdk.service.workspace import AclPermission

    return AclPermission(name)
