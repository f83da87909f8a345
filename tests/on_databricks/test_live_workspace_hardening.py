"""What used to break on a live workspace (issue 6), through the real dbt-databricks adapter and
the offline harness: a catalog whose name needs quoting is read quoted, and the privilege
tests do not count ALL PRIVILEGES as MANAGE or EXTERNAL USE SCHEMA."""

from __future__ import annotations

from tests.harness import GOVERNANCE_KINDS
from tests.support.harnessed import Harnessed
from tests.support.project import append_seed_lines


def governance(run) -> list[str]:
    """The governance statements a run sent, whitespace-normalized, in order."""
    return run.texts(*GOVERNANCE_KINDS)


def test_a_catalog_whose_name_needs_quoting_is_read_quoted(harnessed: Harnessed):
    append_seed_lines(
        harnessed.project,
        "securables",
        "CATALOG,prod-data,,Hyphenated catalog,s3://prod-data-bucket/managed",
        "SCHEMA,prod-data.raw-zone,,Hyphenated schema,",
    )
    append_seed_lines(
        harnessed.project,
        "grants",
        "CATALOG,prod-data,data-analysts,USE CATALOG,false,x",
        "SCHEMA,prod-data.raw-zone,data-analysts,USE SCHEMA,false,x",
    )
    harnessed.dbt("build").assert_ok()
    harnessed.workspace.grant("CATALOG", ("prod-data",), "europe-team", "BROWSE")
    harnessed.workspace.grant("SCHEMA", ("prod-data", "raw-zone"), "data-analysts", "MODIFY")

    run = harnessed.dbt("build").assert_ok()
    assert [s for s in governance(run) if "prod-data" in s] == [
        "REVOKE BROWSE ON CATALOG `prod-data` FROM `europe-team`",
        "REVOKE MODIFY ON SCHEMA `prod-data`.`raw-zone` FROM `data-analysts`",
    ]
    reads = " ".join(s.sql for s in run.reads)
    for view in ("catalog_privileges", "schema_privileges", "table_privileges"):
        assert f"`prod-data`.`information_schema`.`{view}`" in reads
    assert "prod-data.information_schema" not in reads

    again = harnessed.dbt("build").assert_ok()
    assert [s for s in governance(again) if "prod-data" in s] == []


_MANAGE_TESTS = """\
      - uc_governance.principal_lacks_privilege:
          arguments:
            principal: data-engineers
            privilege: {lacks}
            securable_type: SCHEMA
            securable_name: production.etl
          config:
            tags: [all_privileges_check]
      - uc_governance.principal_has_privilege:
          arguments:
            principal: data-engineers
            privilege: {has}
            securable_type: SCHEMA
            securable_name: production.etl
          config:
            tags: [all_privileges_check]
"""


def test_all_privileges_does_not_count_as_manage_or_external_use(harnessed: Harnessed):
    models = harnessed.project / "models" / "marts" / "governance" / "_governance__models.yml"
    text = models.read_text()
    anchor = "      - uc_governance.principal_has_privilege:\n"
    assert text.count(anchor) == 1
    extra = _MANAGE_TESTS.format(lacks="MANAGE", has="CREATE TABLE") + _MANAGE_TESTS.format(
        lacks="EXTERNAL USE SCHEMA", has="MANAGE"
    )
    models.write_text(text.replace(anchor, extra + anchor))
    harnessed.dbt("build", "--exclude", "tag:all_privileges_check").assert_ok()
    # data-engineers hold ALL PRIVILEGES on production.etl (granted out of band)
    harnessed.workspace.grant("SCHEMA", "production.etl", "data-engineers", "ALL PRIVILEGES")

    run = harnessed.dbt("test", "--select", "tag:all_privileges_check")
    statuses = {r.node.name: str(r.status) for r in run.results.result.results}
    assert len([name for name in statuses if "_data_engineers__" in name]) == 4
    failed = sorted(name for name, status in statuses.items() if status == "fail")
    # ALL PRIVILEGES covers CREATE TABLE, but neither MANAGE nor EXTERNAL USE SCHEMA: both
    # "lacks" tests pass, and "has MANAGE" fails
    assert failed == [
        "uc_governance_principal_has_privilege_governance_apply_log_data_engineers__MANAGE__"
        "production_etl__SCHEMA"
    ]
