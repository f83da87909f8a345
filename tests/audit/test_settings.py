"""Bad audit settings stop the run before any statement, with the var and the value named."""

from __future__ import annotations

import json

import pytest

from tests.support.project import LocalProject


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        (
            {"uc_governance_audit_source": "kafka"},
            "var uc_governance_audit_source must be json_files, external_table, system_table "
            "or none; got 'kafka'",
        ),
        (
            {"uc_governance_audit_source": "external_table"},
            "uc_governance_audit_log_location is not set",
        ),
        (
            {
                "uc_governance_audit_source": "external_table",
                "uc_governance_audit_log_location": "s3://bucket/logs'; drop table x; --",
            },
            "var uc_governance_audit_log_location is not a cloud storage URL",
        ),
        (
            {"uc_governance_audit_log_location": "https://example.com/logs"},
            "got 'https://example.com/logs'",
        ),
        (
            {"uc_governance_audit_log_path": "logs/*/x"},
            "var uc_governance_audit_log_path must be a folder path without quotes",
        ),
        ({"uc_governance_audit_timezone": "UTC'); --"}, "must be an IANA time zone name"),
        ({"uc_governance_audit_failed_login_threshold": 0}, "must be a whole number from 1"),
        ({"uc_governance_audit_business_hours_end": 25}, "must be a whole number from 0 to 24"),
        (
            {
                "uc_governance_audit_business_hours_start": 18,
                "uc_governance_audit_business_hours_end": 8,
            },
            "must be before uc_governance_audit_business_hours_end",
        ),
        ({"uc_governance_audit_admin_groups": ["ok", "bad'group"]}, "list of group names"),
        ({"uc_governance_deployer": "me\\'x"}, "var uc_governance_deployer must be a principal"),
    ],
)
def test_bad_setting_stops_before_anything_runs(tmp_path, settings, expected):
    project = LocalProject(tmp_path)
    run = project.dbt("build", "--select", "stg_audit__events", "--vars", json.dumps(settings))
    assert not run.success
    assert expected in run.text
    assert "Nothing was applied." in run.text
    assert not project.relation_exists("stg_audit__events")


def test_external_table_source_is_refused_on_target_local(tmp_path):
    project = LocalProject(tmp_path)
    settings = {
        "uc_governance_audit_source": "external_table",
        "uc_governance_audit_log_location": "s3://company-databricks-audit-logs/",
    }
    run = project.dbt("build", "--select", "+stg_audit__events", "--vars", json.dumps(settings))
    assert not run.success
    assert "'external_table' needs target databricks" in run.text
    assert not project.relation_exists("stg_audit__events")
