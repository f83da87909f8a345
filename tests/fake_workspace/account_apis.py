"""Account log delivery configurations (§6.1) of the fake: created and enabled or disabled,
never edited or deleted, as in Databricks."""

from __future__ import annotations

import re
import uuid
from typing import TYPE_CHECKING, Any

from .errors import bad_request, check_body, not_found

if TYPE_CHECKING:
    from .server import FakeWorkspace

CONFIG_FIELDS = {
    "config_name": str,
    "delivery_path_prefix": str,
    "delivery_start_time": str,
    "status": str,
    "workspace_ids_filter": list,
}


class AccountApis:
    """Log delivery configurations keyed by id."""

    def __init__(self, fake: FakeWorkspace) -> None:
        self.fake = fake
        self.log_delivery: dict[str, dict[str, Any]] = {}
        base = r"/api/2\.0/accounts/(?P<account>[^/]+)/log-delivery"
        fake.route("GET", base, self.list_configs)
        fake.route("POST", base, self.create_config)
        fake.route("PATCH", base + r"/(?P<config_id>[^/]+)", self.patch_status)

    def _account(self, account: str) -> None:
        from .server import ACCOUNT_ID

        if account != ACCOUNT_ID:
            raise not_found(f"Account {account} does not exist")

    def list_configs(self, query: dict[str, str], body: Any, account: str) -> dict[str, Any]:
        """GET .../log-delivery."""
        self._account(account)
        return {"log_delivery_configurations": list(self.log_delivery.values())}

    def create_config(self, query: dict[str, str], body: Any, account: str) -> dict[str, Any]:
        """POST .../log-delivery {log_delivery_configuration: {...}}."""
        self._account(account)
        check_body(body, {"log_delivery_configuration": dict})
        config = body["log_delivery_configuration"]
        required = {
            "log_type": str,
            "output_format": str,
            "credentials_id": str,
            "storage_configuration_id": str,
        }
        check_body(config, required, CONFIG_FIELDS)
        if config["log_type"] not in ("AUDIT_LOGS", "BILLABLE_USAGE"):
            raise bad_request(f"Invalid log_type: {config['log_type']}")
        if config["output_format"] not in ("JSON", "CSV"):
            raise bad_request(f"Invalid output_format: {config['output_format']}")
        if config["log_type"] == "AUDIT_LOGS" and config["output_format"] != "JSON":
            raise bad_request("Audit logs are delivered as JSON only")
        if "delivery_start_time" in config and not re.fullmatch(
            r"\d{4}-\d{2}", config["delivery_start_time"]
        ):
            raise bad_request(f"Invalid delivery_start_time: {config['delivery_start_time']}")
        if config.get("status", "ENABLED") not in ("ENABLED", "DISABLED"):
            raise bad_request(f"Invalid status: {config.get('status')}")
        config_id = str(uuid.uuid4())
        stored = {"status": "ENABLED", **config, "config_id": config_id, "account_id": account}
        self.log_delivery[config_id] = stored
        return {"log_delivery_configuration": stored}

    def patch_status(self, query: dict[str, str], body: Any, account: str, config_id: str) -> None:
        """PATCH .../log-delivery/{id} {status}: the only change Databricks allows."""
        self._account(account)
        if config_id not in self.log_delivery:
            raise not_found(f"Log delivery configuration {config_id} does not exist")
        check_body(body, {"status": str})
        if body["status"] not in ("ENABLED", "DISABLED"):
            raise bad_request(f"Invalid status: {body['status']}")
        self.log_delivery[config_id]["status"] = body["status"]
