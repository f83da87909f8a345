"""`ucgov settings plan|apply` with the real databricks-sdk against the fake workspace: exact
calls, a second apply that writes nothing, and every guard rail tried the way an attacker (or a
hurried operator) would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tests.fake_workspace import ACCOUNT_ID, FakeWorkspace
from tests.fake_workspace.cli import EXAMPLE, run_ucgov, seed_policy_groups

DB_PASSWORD = "pa55-Example-Database-Value"  # noqa: S105 - a test secret, must never be printed
SECRET_ENV = {"UCGOV_SECRET_DATABASE_PASSWORD": DB_PASSWORD}


def _write(tmp_path: Path, data: dict[str, object]) -> str:
    path = tmp_path / "settings.yml"
    path.write_text(yaml.safe_dump({"version": 1, **data}))
    return str(path)


def _bodies(fake: FakeWorkspace, method: str, path: str) -> list[object]:
    return [r.body for r in fake.calls(method, path)]


def test_plan_of_the_shipped_example_on_a_fresh_workspace(fake: FakeWorkspace) -> None:
    seed_policy_groups(fake)
    fake.clear_requests()
    result = run_ucgov(fake, "settings", "plan", "--json", str(EXAMPLE))
    assert result.exit_code == 1, result.output  # drift
    plan = json.loads(result.stdout)
    rows = [(c["area"], c["action"], c["target"]) for c in plan["changes"]]
    assert rows == [
        ("ip_access_lists", "create", "Corporate Office IPs"),
        ("ip_access_lists", "create", "Corporate Office IPv6"),
        ("ip_access_lists", "create", "CI/CD Pipeline IPs"),
        ("ip_access_lists", "create", "Blocked IPs"),
        ("ip_access_lists", "update", "enforcement"),
        ("token_policy", "update", "policy"),
        ("workspace_settings", "update", "automatic_cluster_update"),
        ("workspace_settings", "update", "compliance_security_profile"),
        ("workspace_settings", "update", "disable_legacy_access"),
        ("workspace_settings", "update", "disable_legacy_dbfs"),
        ("workspace_settings", "update", "enhanced_security_monitoring"),
        ("workspace_settings", "update", "notebook_export"),
        ("workspace_settings", "update", "notebook_table_clipboard"),
        ("workspace_settings", "update", "restrict_workspace_admins"),
        ("workspace_settings", "update", "results_download"),
        ("workspace_settings", "update", "sql_results_download"),
        ("cluster_policies", "create", "production-secure-policy"),
        ("cluster_policies", "update", "production-secure-policy permissions"),
        ("secret_scopes", "create", "production-secrets"),
        ("secret_scopes", "update", "production-secrets ACL data-engineers"),
        ("secret_scopes", "update", "production-secrets ACL security-team"),
        ("secret_scopes", "create", "production-secrets/database-password"),
        ("service_principals", "create", "production-etl-pipeline"),
        ("service_principals", "create", "production-etl-pipeline OAuth secret"),
        ("service_principals", "update", "production-etl-pipeline in data-engineers"),
        ("alerts", "create", "High Failed Login Rate"),
        ("alerts", "create", "After Hours Sensitive Data Access"),
        ("log_delivery", "create", "audit-logs-to-s3"),
    ]
    assert fake.writes == []  # a plan never writes
    assert [n["target"] for n in plan["notes"]] == ["token permissions"]  # opt-in drift
    assert "--manage-token-permissions" in plan["notes"][0]["text"]


def test_apply_sends_exactly_the_plan_and_a_second_apply_writes_nothing(
    fake: FakeWorkspace,
) -> None:
    seed_policy_groups(fake)
    fake.clear_requests()
    result = run_ucgov(fake, "settings", "apply", "--yes", str(EXAMPLE), env=SECRET_ENV)
    assert result.exit_code == 0, result.output
    assert "Applied 28 change(s)." in result.stdout
    assert _bodies(fake, "POST", "/api/2.0/ip-access-lists")[0] == {
        "label": "Corporate Office IPs",
        "list_type": "ALLOW",
        "ip_addresses": ["203.0.113.0/24", "198.51.100.0/24", "192.0.2.10/32"],
    }
    assert _bodies(fake, "PATCH", "/api/2.0/workspace-conf") == [
        {"enableIpAccessLists": "true"},
        {"maxTokenLifetimeDays": "90"},
    ]
    assert _bodies(
        fake, "PATCH", "/api/2.0/settings/types/restrict_workspace_admins/names/default"
    ) == [
        {
            "allow_missing": True,
            "field_mask": "restrict_workspace_admins.status",
            "setting": {
                "etag": "1",
                "restrict_workspace_admins": {"status": "RESTRICT_TOKENS_AND_JOB_RUN_AS"},
            },
        }
    ]
    assert _bodies(
        fake, "PATCH", "/api/2.0/settings/types/enable-results-downloading/names/default"
    ) == [
        {
            "allow_missing": True,
            "field_mask": "boolean_val.value",
            "setting": {"boolean_val": {"value": False}},
        }
    ]
    (create,) = _bodies(fake, "POST", "/api/2.0/policies/clusters/create")
    assert create["name"] == "production-secure-policy"
    assert json.loads(create["definition"])["enable_local_disk_encryption"] == {
        "type": "fixed",
        "value": True,
    }
    (policy_id,) = fake.workspace.policies
    assert _bodies(fake, "PUT", f"/api/2.0/permissions/cluster-policies/{policy_id}") == [
        {"access_control_list": [{"group_name": "data-engineers", "permission_level": "CAN_USE"}]}
    ]
    assert _bodies(fake, "POST", "/api/2.0/secrets/acls/put") == [
        {"scope": "production-secrets", "principal": "data-engineers", "permission": "READ"},
        {"scope": "production-secrets", "principal": "security-team", "permission": "MANAGE"},
    ]
    assert fake.workspace.secret_values[("production-secrets", "database-password")] == DB_PASSWORD
    (sp,) = fake.identity.service_principals.values()
    stored = fake.workspace.secret_values[
        ("production-secrets", "production-etl-pipeline-oauth-secret")
    ]
    assert stored.endswith(fake.identity.sp_secrets[sp["id"]][0]["secret_hash"])
    engineers = next(
        g for g in fake.identity.account_groups.values() if g["displayName"] == "data-engineers"
    )
    assert sp["id"] in [m["value"] for m in engineers["members"]]
    assert fake.workspace.conf == {
        "enableIpAccessLists": "true",
        "enableTokensConfig": "true",
        "maxTokenLifetimeDays": "90",
    }
    assert fake.workspace.permissions["tokens"] == {}  # token permissions are opt-in
    assert _bodies(fake, "POST", "/api/2.0/alerts")[0] == {
        "display_name": "High Failed Login Rate",
        "query_text": "select failure_count from main.uc_governance.failed_login_alerts",
        "warehouse_id": "a1b2c3d4e5f60718",
        "evaluation": {
            "source": {"name": "failure_count", "aggregation": "MAX"},
            "comparison_operator": "GREATER_THAN_OR_EQUAL",
            "threshold": {"value": {"double_value": 10.0}},
            "notification": {"subscriptions": [{"user_email": "security-team@example.com"}]},
        },
        "schedule": {"quartz_cron_schedule": "0 0/15 * * * ?", "timezone_id": "UTC"},
    }
    assert _bodies(fake, "POST", f"/api/2.0/accounts/{ACCOUNT_ID}/log-delivery") == [
        {
            "log_delivery_configuration": {
                "config_name": "audit-logs-to-s3",
                "log_type": "AUDIT_LOGS",
                "output_format": "JSON",
                "credentials_id": "11111111-2222-4333-8444-555555555555",
                "storage_configuration_id": "66666666-7777-4888-8999-000000000000",
                "delivery_path_prefix": "databricks-audit-logs",
                "delivery_start_time": "2025-01",
                "status": "ENABLED",
            }
        }
    ]

    fake.clear_requests()
    again = run_ucgov(fake, "settings", "apply", "--yes", str(EXAMPLE), env=SECRET_ENV)
    assert again.exit_code == 0, again.output
    assert "Nothing to apply." in again.stdout
    assert fake.writes == []  # a no-op apply sends no write


def test_settings_not_in_the_file_are_never_changed(tmp_path: Path, fake: FakeWorkspace) -> None:
    fake.workspace.settings["restrict_workspace_admins"]["status"] = (
        "RESTRICT_TOKENS_AND_JOB_RUN_AS"
    )
    fake.workspace.conf.update(maxTokenLifetimeDays="30", enableIpAccessLists="false")
    fake.workspace.ip_lists["1"] = {
        "list_id": "1",
        "label": "Legacy VPN",
        "list_type": "ALLOW",
        "ip_addresses": ["192.0.2.0/24"],
        "address_count": 1,
        "enabled": True,
    }
    settings = _write(tmp_path, {"workspace_settings": {"results_download": False}})
    result = run_ucgov(fake, "settings", "apply", "--yes", settings)
    assert result.exit_code == 0, result.output
    assert [(r.method, r.path) for r in fake.writes] == [
        ("PATCH", "/api/2.0/settings/types/enable-results-downloading/names/default")
    ]
    reads = {r.path for r in fake.api_requests() if r.method == "GET"}
    assert reads == {"/api/2.0/settings/types/enable-results-downloading/names/default"}
    assert (
        fake.workspace.settings["restrict_workspace_admins"]["status"]
        == "RESTRICT_TOKENS_AND_JOB_RUN_AS"
    )
    assert fake.workspace.conf["maxTokenLifetimeDays"] == "30"
    assert "1" in fake.workspace.ip_lists


def _unmanaged(fake: FakeWorkspace) -> None:
    w = fake.workspace_client()
    from databricks.sdk.service.settings import ListType

    w.ip_access_lists.create(
        label="Legacy VPN", list_type=ListType.ALLOW, ip_addresses=["192.0.2.0/24"]
    )
    w.cluster_policies.create(
        name="old-policy", definition='{"spark_version": {"type": "unlimited"}}'
    )
    w.secrets.create_scope("old-scope")
    w.service_principals.create(display_name="old-sp")
    fake.clear_requests()


def test_deletions_need_the_flag_and_are_listed(tmp_path: Path, fake: FakeWorkspace) -> None:
    _unmanaged(fake)
    settings = _write(
        tmp_path,
        {
            "ip_access_lists": {"lists": []},
            "cluster_policies": [],
            "secret_scopes": [],
            "service_principals": [],
        },
    )
    kept = run_ucgov(fake, "settings", "apply", "--yes", settings)
    assert kept.exit_code == 0, kept.output
    assert fake.writes == []
    for name in ("Legacy VPN", "old-policy", "old-scope", "old-sp"):
        assert name in kept.stdout  # listed as left alone
    plan = run_ucgov(fake, "settings", "plan", "--json", "--allow-delete", settings)
    assert plan.exit_code == 1
    changes = json.loads(plan.stdout)["changes"]
    assert [(c["action"], c["target"]) for c in changes] == [
        ("delete", "Legacy VPN"),
        ("delete", "old-policy"),
        ("delete", "old-scope"),
        ("delete", "old-sp"),
    ]
    fake.clear_requests()
    deleted = run_ucgov(fake, "settings", "apply", "--yes", "--allow-delete", settings)
    assert deleted.exit_code == 0, deleted.output
    (list_id,) = [c["args"]["list_id"] for c in changes[:1]]
    (policy_id,) = [c["args"]["policy_id"] for c in changes[1:2]]
    (sp_id,) = [c["args"]["sp_id"] for c in changes[3:]]
    assert [(r.method, r.path, r.body) for r in fake.writes] == [
        ("DELETE", f"/api/2.0/ip-access-lists/{list_id}", None),
        ("POST", "/api/2.0/policies/clusters/delete", {"policy_id": policy_id}),
        ("POST", "/api/2.0/secrets/scopes/delete", {"scope": "old-scope"}),
        ("DELETE", f"/api/2.0/preview/scim/v2/ServicePrincipals/{sp_id}", None),
    ]
    assert not fake.workspace.ip_lists and not fake.workspace.policies and not fake.workspace.scopes


def test_token_permission_changes_are_opt_in(tmp_path: Path, fake: FakeWorkspace) -> None:
    seed_policy_groups(fake)
    fake.workspace.permissions["tokens"] = {"group_name:data-scientists": "CAN_USE"}
    settings = _write(tmp_path, {"token_policy": {"can_use": ["data-engineers"]}})
    fake.clear_requests()
    without = run_ucgov(fake, "settings", "apply", "--yes", settings)
    assert without.exit_code == 0
    assert fake.writes == []
    assert "revokes live tokens" in without.stdout
    assert (
        run_ucgov(fake, "settings", "plan", settings).exit_code == 1
    )  # the drift is still reported
    opted = run_ucgov(fake, "settings", "apply", "--yes", "--manage-token-permissions", settings)
    assert opted.exit_code == 0, opted.output
    assert [(r.method, r.path, r.body) for r in fake.writes] == [
        (
            "PUT",
            "/api/2.0/permissions/authorization/tokens",
            {
                "access_control_list": [
                    {"group_name": "data-engineers", "permission_level": "CAN_USE"}
                ]
            },
        )
    ]
    assert (
        run_ucgov(fake, "settings", "plan", "--manage-token-permissions", settings).exit_code == 0
    )


def test_enforcement_refused_when_a_kept_block_list_would_lock_operators_out(
    tmp_path: Path, fake: FakeWorkspace
) -> None:
    w = fake.workspace_client()
    from databricks.sdk.service.settings import ListType

    w.ip_access_lists.create(
        label="Old blocks", list_type=ListType.BLOCK, ip_addresses=["203.0.113.0/26"]
    )
    fake.clear_requests()
    data = {
        "operator_addresses": ["203.0.113.10/32"],
        "ip_access_lists": {
            "enforcement": True,
            "lists": [{"label": "Office", "type": "allow", "addresses": ["203.0.113.0/24"]}],
        },
    }
    result = run_ucgov(fake, "settings", "apply", "--yes", _write(tmp_path, data))
    assert result.exit_code == 2
    assert "overlaps an enabled block list: enforcement would lock it out" in result.stderr
    assert fake.writes == []
    assert fake.workspace.conf["enableIpAccessLists"] == "false"


def test_the_entry_limit_counts_lists_kept_in_the_workspace(
    tmp_path: Path, fake: FakeWorkspace
) -> None:
    w = fake.workspace_client()
    from databricks.sdk.service.settings import ListType

    old = [f"10.1.{i // 256}.{i % 256}/32" for i in range(600)]
    w.ip_access_lists.create(label="Old", list_type=ListType.ALLOW, ip_addresses=old)
    fake.clear_requests()
    new = [f"10.2.{i // 256}.{i % 256}/32" for i in range(500)]
    data = {"ip_access_lists": {"lists": [{"label": "New", "type": "allow", "addresses": new}]}}
    result = run_ucgov(fake, "settings", "apply", "--yes", _write(tmp_path, data))
    assert result.exit_code == 2
    assert (
        "there would be 1100 addresses and ranges; Databricks allows at most 1000" in result.stderr
    )
    assert fake.writes == []


def test_apply_refuses_without_yes_when_not_on_a_terminal(fake: FakeWorkspace) -> None:
    seed_policy_groups(fake)
    fake.clear_requests()
    result = run_ucgov(fake, "settings", "apply", str(EXAMPLE))
    assert result.exit_code == 2
    assert "pass --yes" in result.stderr
    assert fake.writes == []


def test_apply_with_a_saved_plan_refuses_when_the_workspace_moved(
    tmp_path: Path, fake: FakeWorkspace
) -> None:
    settings = _write(
        tmp_path, {"workspace_settings": {"results_download": False, "notebook_export": False}}
    )
    saved = tmp_path / "plan.json"
    saved.write_text(run_ucgov(fake, "settings", "plan", "--json", settings).stdout)
    fake.workspace.settings["enable-export-notebook"]["value"] = False  # someone changed it since
    fake.clear_requests()
    result = run_ucgov(fake, "settings", "apply", "--yes", "--plan", str(saved), settings)
    assert result.exit_code == 2
    assert "no longer gives the plan saved" in result.stderr
    assert fake.writes == []


@pytest.mark.parametrize("missing", ["UCGOV_SECRET_DATABASE_PASSWORD"])
def test_a_missing_secret_value_changes_nothing(fake: FakeWorkspace, missing: str) -> None:
    seed_policy_groups(fake)
    fake.clear_requests()
    result = run_ucgov(fake, "settings", "apply", "--yes", str(EXAMPLE))
    assert result.exit_code == 2
    assert (
        f"no secret value in environment variable {missing}: nothing was applied" in result.stderr
    )
    assert fake.writes == []


def test_a_secret_can_come_from_standard_input(tmp_path: Path, fake: FakeWorkspace) -> None:
    data = {"secret_scopes": [{"name": "app", "secrets": [{"key": "api-key", "from_stdin": True}]}]}
    result = run_ucgov(
        fake, "settings", "apply", "--yes", _write(tmp_path, data), stdin="from-stdin-value\n"
    )
    assert result.exit_code == 0, result.output
    assert fake.workspace.secret_values[("app", "api-key")] == "from-stdin-value"
    assert "from-stdin-value" not in result.output


def test_log_delivery_is_never_edited_only_enabled_or_disabled(
    tmp_path: Path, fake: FakeWorkspace
) -> None:
    spec = {
        "name": "audit",
        "credentials_id": "cred-1",
        "storage_configuration_id": "storage-1",
        "start_month": "2025-01",
    }
    settings = _write(tmp_path, {"log_delivery": [spec]})
    assert run_ucgov(fake, "settings", "apply", "--yes", settings).exit_code == 0
    (config_id,) = fake.account.log_delivery
    changed = _write(
        tmp_path,
        {"log_delivery": [{**spec, "storage_configuration_id": "storage-2", "enabled": False}]},
    )
    fake.clear_requests()
    result = run_ucgov(fake, "settings", "apply", "--yes", changed)
    assert result.exit_code == 0, result.output
    assert [(r.method, r.path, r.body) for r in fake.writes] == [
        (
            "PATCH",
            f"/api/2.0/accounts/{ACCOUNT_ID}/log-delivery/{config_id}",
            {"status": "DISABLED"},
        )
    ]
    assert "Databricks cannot edit a log delivery configuration" in result.stdout
    assert fake.account.log_delivery[config_id]["storage_configuration_id"] == "storage-1"
    assert (
        run_ucgov(fake, "settings", "plan", changed).exit_code == 1
    )  # the difference stays visible


def test_an_alert_edited_in_the_ui_is_put_back(tmp_path: Path, fake: FakeWorkspace) -> None:
    alert = {
        "name": "Failed logins",
        "query": "select failure_count from main.uc_governance.failed_login_alerts",
        "warehouse_id": "0123456789abcdef",
        "column": "failure_count",
        "op": ">=",
        "threshold": 10,
        "schedule": {"cron": "0 0/15 * * * ?", "timezone": "UTC"},
    }
    settings = _write(tmp_path, {"alerts": [alert]})
    assert run_ucgov(fake, "settings", "apply", "--yes", settings).exit_code == 0
    (alert_id,) = fake.sql.alerts
    fake.sql.alerts[alert_id]["evaluation"]["threshold"] = {"value": {"double_value": 1000.0}}
    fake.clear_requests()
    result = run_ucgov(fake, "settings", "apply", "--yes", settings)
    assert result.exit_code == 0, result.output
    (patch,) = fake.writes
    assert (patch.method, patch.path) == ("PATCH", f"/api/2.0/alerts/{alert_id}")
    assert patch.query == {
        "update_mask": "display_name,query_text,warehouse_id,evaluation,schedule"
    }
    assert patch.body["evaluation"]["threshold"] == {"value": {"double_value": 10.0}}
    assert "changed: evaluation" in result.stdout


def test_the_compliance_profile_is_never_turned_off(tmp_path: Path, fake: FakeWorkspace) -> None:
    fake.workspace.settings["shield_csp_enablement_ws_db"]["is_enabled"] = True
    settings = _write(tmp_path, {"workspace_settings": {"compliance_security_profile": False}})
    result = run_ucgov(fake, "settings", "apply", "--yes", settings)
    assert result.exit_code == 0, result.output
    assert fake.writes == []
    assert "cannot turn compliance_security_profile off once it is on" in result.stdout
    assert run_ucgov(fake, "settings", "plan", settings).exit_code == 1
