"""SQL alerts (AlertsV2, /api/2.0/alerts) of the fake workspace."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from .errors import bad_request, check_body, not_found

if TYPE_CHECKING:
    from .server import FakeWorkspace

OPERATORS = {
    "EQUAL",
    "NOT_EQUAL",
    "GREATER_THAN",
    "GREATER_THAN_OR_EQUAL",
    "LESS_THAN",
    "LESS_THAN_OR_EQUAL",
    "IS_NULL",
    "IS_NOT_NULL",
}
AGGREGATIONS = {"SUM", "COUNT", "COUNT_DISTINCT", "AVG", "MEDIAN", "MIN", "MAX", "STDDEV"}
ALERT_FIELDS = {
    "display_name": str,
    "query_text": str,
    "warehouse_id": str,
    "evaluation": dict,
    "schedule": dict,
}
OPTIONAL_FIELDS = {"custom_summary": str, "custom_description": str, "parent_path": str}


class SqlApis:
    """Alerts keyed by id; bodies checked field by field."""

    def __init__(self, fake: FakeWorkspace) -> None:
        self.fake = fake
        self.alerts: dict[str, dict[str, Any]] = {}
        fake.route("GET", r"/api/2\.0/alerts", self.list_alerts)
        fake.route("POST", r"/api/2\.0/alerts", self.create_alert)
        fake.route("PATCH", r"/api/2\.0/alerts/(?P<alert_id>[^/]+)", self.update_alert)
        fake.route("DELETE", r"/api/2\.0/alerts/(?P<alert_id>[^/]+)", self.trash_alert)

    def _check(self, body: Any, required: bool) -> dict[str, Any]:
        check_body(
            body,
            ALERT_FIELDS if required else {},
            {**OPTIONAL_FIELDS, **({} if required else ALERT_FIELDS)},
        )
        evaluation = body.get("evaluation")
        if evaluation is not None:
            source = evaluation.get("source")
            if not isinstance(source, dict) or not isinstance(source.get("name"), str):
                raise bad_request("evaluation.source.name is required")
            if source.get("aggregation", "SUM") not in AGGREGATIONS:
                raise bad_request(f"Invalid aggregation: {source.get('aggregation')}")
            if evaluation.get("comparison_operator") not in OPERATORS:
                raise bad_request(
                    f"Invalid comparison_operator: {evaluation.get('comparison_operator')}"
                )
            unknown = set(evaluation) - {
                "source",
                "comparison_operator",
                "threshold",
                "notification",
                "empty_result_state",
            }
            if unknown:
                raise bad_request(f"Unknown evaluation fields: {sorted(unknown)}")
        schedule = body.get("schedule")
        if schedule is not None and not (
            isinstance(schedule.get("quartz_cron_schedule"), str)
            and isinstance(schedule.get("timezone_id"), str)
        ):
            raise bad_request("schedule needs quartz_cron_schedule and timezone_id")
        return body

    def list_alerts(self, query: dict[str, str], body: Any) -> dict[str, Any]:
        """GET /api/2.0/alerts (one page)."""
        return {"alerts": [a for a in self.alerts.values() if a["lifecycle_state"] == "ACTIVE"]}

    def create_alert(self, query: dict[str, str], body: Any) -> dict[str, Any]:
        """POST /api/2.0/alerts."""
        self._check(body, required=True)
        alert_id = str(uuid.uuid4())
        self.alerts[alert_id] = {
            **body,
            "id": alert_id,
            "lifecycle_state": "ACTIVE",
            "owner_user_name": self.fake.current_user,
        }
        return self.alerts[alert_id]

    def update_alert(self, query: dict[str, str], body: Any, alert_id: str) -> dict[str, Any]:
        """PATCH /api/2.0/alerts/{id}?update_mask=a,b."""
        if alert_id not in self.alerts:
            raise not_found(f"Alert {alert_id} does not exist")
        self._check(body, required=False)
        mask = [m for m in query.get("update_mask", "").split(",") if m]
        if not mask or set(mask) - set(ALERT_FIELDS) - set(OPTIONAL_FIELDS):
            raise bad_request(f"Invalid update_mask: {query.get('update_mask')!r}")
        for key in mask:
            self.alerts[alert_id][key] = body[key]
        return self.alerts[alert_id]

    def trash_alert(self, query: dict[str, str], body: Any, alert_id: str) -> None:
        """DELETE /api/2.0/alerts/{id} (moves it to the trash)."""
        if alert_id not in self.alerts:
            raise not_found(f"Alert {alert_id} does not exist")
        self.alerts[alert_id]["lifecycle_state"] = "DELETED"
