"""The hardening workspace settings ``ucgov`` manages, in one place: file key -> SDK setting.

Each entry says which ``WorkspaceClient.settings`` accessor reads and writes the setting, the
message and field holding its value, and how the file's boolean maps to the API value. The
settings family is the one ``databricks-sdk`` 0.117 exposes under ``w.settings``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class SettingSpec:
    """How one file key is read and written through the SDK."""

    key: str
    accessor: str
    getter: str
    updater: str
    setting_class: str
    message: str
    field: str
    on: Any = True
    off: Any = False
    guide: str = ""
    one_way: bool = False  # Databricks cannot turn it off again once on

    def to_api(self, value: bool) -> Any:
        """The API value for the file's boolean."""
        return self.on if value else self.off

    def from_api(self, value: Any) -> bool | None:
        """The file's boolean for an API value (None when the API value is neither)."""
        if value == self.on:
            return True
        if value == self.off:
            return False
        return None


def _etag_setting(
    key: str, accessor: str, cls: str, message: str, field: str, **kw: Any
) -> SettingSpec:
    return SettingSpec(key, accessor, "get", "update", cls, message, field, **kw)


def _boolean_setting(key: str, name: str, cls: str, **kw: Any) -> SettingSpec:
    return SettingSpec(key, name, f"get_{name}", f"patch_{name}", cls, "boolean_val", "value", **kw)


WORKSPACE_SETTINGS: dict[str, SettingSpec] = {
    spec.key: spec
    for spec in (
        _boolean_setting(
            "results_download",
            "enable_results_downloading",
            "EnableResultsDownloading",
            guide="notebook results download",
        ),
        _etag_setting(
            "sql_results_download",
            "sql_results_download",
            "SqlResultsDownload",
            "boolean_val",
            "value",
            guide="SQL results download",
        ),
        _boolean_setting(
            "notebook_export",
            "enable_export_notebook",
            "EnableExportNotebook",
            guide="notebook export",
        ),
        _boolean_setting(
            "notebook_table_clipboard",
            "enable_notebook_table_clipboard",
            "EnableNotebookTableClipboard",
            guide="copy of notebook result tables",
        ),
        _etag_setting(
            "restrict_workspace_admins",
            "restrict_workspace_admins",
            "RestrictWorkspaceAdminsSetting",
            "restrict_workspace_admins",
            "status",
            on="RESTRICT_TOKENS_AND_JOB_RUN_AS",
            off="ALLOW_ALL",
            guide="workspace admins may not create tokens or run jobs as others",
        ),
        _etag_setting(
            "enhanced_security_monitoring",
            "enhanced_security_monitoring",
            "EnhancedSecurityMonitoringSetting",
            "enhanced_security_monitoring_workspace",
            "is_enabled",
            guide="enhanced security monitoring",
        ),
        _etag_setting(
            "compliance_security_profile",
            "compliance_security_profile",
            "ComplianceSecurityProfileSetting",
            "compliance_security_profile_workspace",
            "is_enabled",
            guide="compliance security profile",
            one_way=True,
        ),
        _etag_setting(
            "automatic_cluster_update",
            "automatic_cluster_update",
            "AutomaticClusterUpdateSetting",
            "automatic_cluster_update_workspace",
            "enabled",
            guide="automatic cluster update",
        ),
        _etag_setting(
            "disable_legacy_access",
            "disable_legacy_access",
            "DisableLegacyAccess",
            "disable_legacy_access",
            "value",
            guide="legacy access (Hive metastore, no UC) off",
        ),
        _etag_setting(
            "disable_legacy_dbfs",
            "disable_legacy_dbfs",
            "DisableLegacyDbfs",
            "disable_legacy_dbfs",
            "value",
            guide="legacy DBFS root and mounts off",
        ),
    )
}
