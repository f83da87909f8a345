"""Every detection finds exactly the incidents planted in the sample logs (ucgov.audit.samples),
and nothing in the background traffic. Expected rows are written by hand from the planted
incidents described in the generator's documentation."""

from __future__ import annotations

from datetime import date, datetime

from tests.support.audit import audit_vars
from tests.support.project import LocalProject

SENSITIVE = "production.sensitive_data.customers"


def rows(project, sql: str) -> list[tuple]:
    return project.query(sql)


def test_failed_login_alerts_are_the_brute_force_and_the_spraying(audit_build):
    assert rows(
        audit_build,
        "select alert_kind, subject, window_start, window_end, failure_count, distinct_users "
        "from uc_governance.failed_login_alerts order by alert_kind",
    ) == [
        (
            "brute_force",
            "gina.rossi@example.com",
            datetime(2026, 11, 12, 3, 0),
            datetime(2026, 11, 12, 4, 0),
            25,
            1,
        ),
        (
            "password_spraying",
            "198.51.100.23",
            datetime(2026, 11, 18, 4, 0),
            datetime(2026, 11, 18, 5, 0),
            15,
            15,
        ),
    ]


def test_failed_auth_events_hold_every_planted_failure(audit_build):
    by_ip = dict(
        rows(
            audit_build,
            "select source_ip, count(*) from uc_governance.failed_auth_events "
            "where source_ip in ('203.0.113.50', '198.51.100.23') group by source_ip",
        )
    )
    assert by_ip == {"203.0.113.50": 25, "198.51.100.23": 15}
    # Background failures: one at most per person and day, never from those addresses.
    assert rows(
        audit_build,
        "select max(n) from (select user_email, event_date, count(*) as n "
        "from uc_governance.failed_auth_events where source_ip not in "
        "('203.0.113.50', '198.51.100.23') group by all)",
    ) in ([(1,)], [(None,)])


def test_unusual_access_is_erin_from_many_addresses(audit_build):
    found = rows(
        audit_build,
        "select user_email, window_start, window_end, active_days, unique_ips "
        "from uc_governance.unusual_access_events",
    )
    assert len(found) == 1
    user, start, end, _, unique_ips = found[0]
    assert (user, start, end) == ("erin.walsh@example.com", date(2026, 11, 16), date(2026, 11, 22))
    # 12 planted addresses, her office and home addresses, the spraying address.
    assert 12 < unique_ips <= 15


def test_privilege_escalation_attempts_are_hugos_five_refusals(audit_build):
    assert rows(
        audit_build,
        "select user_email, action_name, status_code, count(*) "
        "from uc_governance.privilege_escalation_events group by all order by action_name",
    ) == [
        ("hugo.bernard@example.com", "addPrincipalToGroup", 403, 2),
        ("hugo.bernard@example.com", "setPermissions", 403, 1),
        ("hugo.bernard@example.com", "updatePermissions", 403, 2),
    ]


def test_after_hours_alerts_are_mia_at_night_and_dave_on_sunday(audit_build):
    assert rows(
        audit_build,
        "select user_email, local_date, access_count, failed_count, tables_accessed "
        "from uc_governance.after_hours_sensitive_access_alerts order by local_date",
    ) == [
        ("mia.kowalski@example.com", date(2026, 11, 10), 3, 0, SENSITIVE),
        ("dave.okafor@example.com", date(2026, 11, 22), 2, 0, SENSITIVE),
    ]


def test_sensitive_access_is_only_the_classified_table(audit_build):
    tables = rows(
        audit_build,
        "select distinct table_name, data_classification, classification_source "
        "from uc_governance.sensitive_data_access_events",
    )
    assert tables == [(SENSITIVE, "sensitive", "column_classifications")]
    readers = {
        row[0]
        for row in rows(
            audit_build,
            "select distinct user_email from uc_governance.sensitive_data_access_events",
        )
    }
    assert readers == {
        "nina.petrov@example.com",
        "mia.kowalski@example.com",
        "dave.okafor@example.com",
    }


def test_first_sensitive_access_is_dave_only(audit_build):
    assert rows(
        audit_build,
        "select user_email, table_name, event_time, history_start_date "
        "from uc_governance.first_sensitive_access_events",
    ) == [
        (
            "dave.okafor@example.com",
            SENSITIVE,
            datetime(2026, 11, 22, 13, 0),
            date(2026, 10, 26),
        )
    ]


def test_bulk_export_is_jons_35_and_routine_downloads_are_not_bulk(audit_build):
    assert rows(
        audit_build,
        "select user_email, export_date, action_name, count(*) "
        "from uc_governance.data_export_events where is_bulk group by all order by action_name",
    ) == [
        ("jon.park@example.com", date(2026, 11, 19), "downloadLargeResults", 30),
        ("jon.park@example.com", date(2026, 11, 19), "workspaceExport", 5),
    ]
    # Routine: one preview download per analyst each Friday (4 Fridays x 4 analysts).
    assert rows(
        audit_build,
        "select action_name, count(*) from uc_governance.data_export_events "
        "where not is_bulk group by all",
    ) == [("downloadPreviewResults", 16)]


def test_long_lived_token_is_carols(audit_build):
    assert rows(
        audit_build,
        "select user_email, token_lifetime_days, reason from uc_governance.long_lived_token_events",
    ) == [("carol.singh@example.com", 365, "over_max_lifetime")]


def test_permission_change_outside_the_project_is_leos_grant(audit_build):
    assert rows(
        audit_build,
        "select user_email, action_name, target_name, securable_type, permission_changes "
        "from uc_governance.permission_change_events",
    ) == [
        (
            "leo.garcia@example.com",
            "updatePermissions",
            SENSITIVE,
            "table",
            '[{"principal":"data-scientists","add":["SELECT"]}]',
        )
    ]


def test_the_deployers_own_changes_count_once_someone_else_deploys(tmp_path, sample_logs):
    project = LocalProject(tmp_path)
    run = project.dbt(
        "build",
        "--select",
        "+permission_change_events",
        # only the tests whose every parent is built (the quarantine check needs its own model)
        "--indirect-selection",
        "buildable",
        "--vars",
        audit_vars(sample_logs, uc_governance_deployer="someone-else@example.com"),
    )
    assert run.success, run.text
    # local-user@example.com applies 3 schema grants each of the 4 Mondays, plus leo's change.
    assert rows(
        project,
        "select user_email, count(*) from uc_governance.permission_change_events "
        "group by all order by 1",
    ) == [("leo.garcia@example.com", 1), ("local-user@example.com", 12)]


def test_admin_group_change_is_erin_added_to_workspace_admins(audit_build):
    assert rows(
        audit_build,
        "select user_email, action_name, target_group, target_user "
        "from uc_governance.admin_group_change_events",
    ) == [
        (
            "leo.garcia@example.com",
            "addPrincipalToGroup",
            "workspace-admins",
            "erin.walsh@example.com",
        )
    ]


def test_login_events_follow_the_guide_and_count_every_attempt(audit_build):
    failed, succeeded = rows(
        audit_build,
        "select count(*) filter (where not is_success), count(*) filter (where is_success) "
        "from uc_governance.login_events",
    )[0]
    failed_auth = rows(audit_build, "select count(*) from uc_governance.failed_auth_events")
    assert failed == failed_auth[0][0]
    # 20 weekdays x 14 people, plus erin's 12 planted logins.
    assert succeeded == 20 * 14 + 12


def test_compliance_report_classifies_by_policy(audit_build):
    classes = rows(
        audit_build,
        "select data_classification, classification_source, count(*) "
        "from uc_governance.data_access_report group by all order by 1",
    )
    assert [(c, s) for c, s, _ in classes] == [
        ("general", "securables"),
        ("sensitive", "column_classifications"),
    ]
    months = rows(
        audit_build,
        "select report_month, data_classification from uc_governance.monthly_compliance_report "
        "order by 1, 2",
    )
    assert months == [
        (date(2026, 10, 1), "general"),
        (date(2026, 10, 1), "sensitive"),
        (date(2026, 11, 1), "general"),
        (date(2026, 11, 1), "sensitive"),
    ]
    sensitive_total = rows(
        audit_build,
        "select sum(total_accesses) from uc_governance.monthly_compliance_report "
        "where data_classification = 'sensitive'",
    )[0][0]
    assert (
        sensitive_total
        == rows(audit_build, "select count(*) from uc_governance.sensitive_data_access_events")[0][
            0
        ]
    )
