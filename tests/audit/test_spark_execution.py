"""The Databricks SQL of the audit models, compiled offline for target databricks, executed on
Apache Spark over the sample events, gives the same rows as the DuckDB build.

The staging model's input (its rows from the DuckDB build) and the policy seeds are handed to
Spark as temporary views; every intermediate and mart model then runs from its
compiled Databricks SQL, in dependency order."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from tests.harness.grammar import CHECKER
from tests.support.project import REPO_ROOT
from tests.support.spark import get_spark

# On Databricks the policy staging models are inlined (ephemeral): the compiled audit SQL reads
# the seeds themselves.
INPUTS = ("stg_audit__events", "column_classifications", "securables", "securable_types")
INTERMEDIATE = (
    "int_audit__events",
    "int_audit__table_classifications",
    "int_audit__table_access_events",
)
MARTS = (
    "login_events",
    "failed_auth_events",
    "sensitive_data_access_events",
    "unusual_access_events",
    "data_access_report",
    "monthly_compliance_report",
    "privilege_escalation_events",
    "data_export_events",
    "failed_login_alerts",
    "after_hours_sensitive_access_alerts",
    "permission_change_events",
    "long_lived_token_events",
    "admin_group_change_events",
    "first_sensitive_access_events",
    "audit_quarantine_events",
)
OFFLINE_ENV = {
    "DATABRICKS_HOST": "example.cloud.databricks.com",
    "DATABRICKS_HTTP_PATH": "/sql/1.0/warehouses/x",
    "DATABRICKS_TOKEN": "dummy",
}
SPARK_TYPES = {
    "VARCHAR": "string",
    "INTEGER": "int",
    "BIGINT": "bigint",
    "TIMESTAMP": "timestamp",
    "DATE": "date",
    "BOOLEAN": "boolean",
}


def _offline_compile(project_root: Path, tmp: Path, what: list[str], variables: dict) -> str:
    """`dbt compile --target databricks` offline (no warehouse); returns its stdout."""
    profiles = tmp / "profiles"
    profiles.mkdir(exist_ok=True)
    shutil.copy(REPO_ROOT / "profiles.example.yml", profiles / "profiles.yml")
    dbt = str(Path(sys.executable).parent / "dbt")
    return subprocess.run(
        [dbt, "--quiet", "compile", "--target", "databricks", "--no-populate-cache",
         "--no-introspect", *what,
         "--project-dir", str(project_root), "--profiles-dir", str(profiles),
         "--target-path", str(tmp / "compiled_target"), "--log-path", str(tmp / "logs"),
         "--vars", json.dumps(variables)],
        check=True, capture_output=True, text=True, timeout=300,
        env={**os.environ, **OFFLINE_ENV, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"},
    ).stdout  # fmt: skip


def compile_for_databricks(project_root: Path, tmp: Path, select: str, **variables) -> Path:
    """The selected models compiled offline for target databricks; the compiled models folder."""
    _offline_compile(
        project_root, tmp, ["--select", select, "--indirect-selection", "empty"], variables
    )
    return tmp / "compiled_target/compiled/uc_governance/models"


def _compiled(models: Path, name: str) -> str:
    path = next(models.rglob(f"{name}.sql"))
    sql = path.read_text()
    # Relations of the working schema become the session's temporary views.
    return re.sub(r"`[^`]+`\.`uc_governance`\.`([a-z_]+)`", r"`\1`", sql)


def _normalise(value):
    if isinstance(value, Decimal):
        return int(value) if value == int(value) else float(value)
    if isinstance(value, datetime | date | str | int | float | bool) or value is None:
        return value
    return str(value)


def _sorted_rows(rows) -> list[tuple]:
    return sorted((tuple(_normalise(v) for v in row) for row in rows), key=repr)


@pytest.fixture(scope="module")
def compiled_models(audit_build, tmp_path_factory) -> Path:
    """The audit models compiled offline for target databricks (system_table source)."""
    return compile_for_databricks(
        audit_build.root,
        tmp_path_factory.mktemp("databricks"),
        "+models/marts/audit",
        uc_governance_deployer="local-user@example.com",
        uc_governance_audit_source="system_table",
    )


@pytest.mark.parametrize("model", ("stg_audit__events", *INTERMEDIATE, *MARTS))
def test_compiled_databricks_sql_passes_the_grammar_check(compiled_models, model):
    """sqlglot and sqlfluff (dialect databricks), as the offline harness checks statements."""
    sql = next(compiled_models.rglob(f"{model}.sql")).read_text()
    CHECKER.check(sql)


@pytest.fixture(scope="module")
def spark_results(audit_build, compiled_models):
    models = compiled_models
    spark = get_spark()
    for name in INPUTS:
        described = audit_build.query(f"describe uc_governance.{name}")
        schema = ", ".join(f"`{col}` {SPARK_TYPES[kind]}" for col, kind, *_ in described)
        rows = audit_build.query(f"select * from uc_governance.{name}")
        spark.createDataFrame(rows, schema).createOrReplaceTempView(name)
    for name in INTERMEDIATE + MARTS:
        spark.sql(_compiled(models, name)).createOrReplaceTempView(name)
    return spark, models


@pytest.mark.parametrize("mart", MARTS)
def test_spark_computes_the_same_rows_as_duckdb(spark_results, audit_build, mart):
    spark, _ = spark_results
    frame = spark.table(mart)
    duck_columns = [row[0] for row in audit_build.query(f"describe uc_governance.{mart}")]
    assert frame.columns == duck_columns
    expected = _sorted_rows(audit_build.query(f"select * from uc_governance.{mart}"))
    assert _sorted_rows(frame.collect()) == expected
    assert expected, f"{mart} is empty on the sample: nothing compared"


def test_the_compiled_sql_is_databricks_sql(spark_results):
    _, models = spark_results
    sql = _compiled(models, "failed_login_alerts")
    assert "timestamp_millis(" in sql and "unix_millis(" in sql
    assert "get_json_object(" in _compiled(models, "permission_change_events")
    assert "from_utc_timestamp(" in _compiled(models, "int_audit__events")
    staging = _compiled(models, "stg_audit__events")
    assert "system.access.audit" in staging


def test_external_table_source_reads_the_delivered_files_like_duckdb(
    audit_build, sample_logs, spark_results, tmp_path
):
    """The guide's external table, created by the staging model's pre-hook DDL (compiled for
    target databricks, location pointed at the local sample files), read by the staging model's
    Databricks SQL on Spark: the same records, parsed and quarantined alike. (spark_results
    registers the policy seeds the staging SQL reads.)"""
    compile_dir = tmp_path / "external"
    compile_dir.mkdir()
    location = "s3://company-databricks-audit-logs/"
    models = compile_for_databricks(
        audit_build.root,
        compile_dir,
        "stg_audit__events",
        uc_governance_audit_source="external_table",
        uc_governance_audit_log_location=location,
    )
    manifest = json.loads((models.parent.parent.parent / "manifest.json").read_text())
    node = manifest["nodes"]["model.uc_governance.stg_audit__events"]
    (hook,) = node["config"]["pre-hook"]
    assert hook["sql"] == "{{ uc_governance.audit_log_table_sql() }}"  # rendered at run time
    ddl = _offline_compile(
        audit_build.root,
        compile_dir,
        ["--inline", hook["sql"]],
        {
            "uc_governance_audit_source": "external_table",
            "uc_governance_audit_log_location": location,
        },
    ).strip()
    assert ddl.startswith("create table if not exists ")
    CHECKER.check(ddl)
    CHECKER.check(_compiled(models, "stg_audit__events"))
    assert f"using json\nlocation '{location}'" in ddl
    placeholder = "`catalog_of_the_security_schema`.`security`.`audit_logs`"
    spark = get_spark()
    spark.sql("drop table if exists audit_logs_external")
    spark.sql(ddl.replace(placeholder, "audit_logs_external").replace(location, str(sample_logs)))
    staging = _compiled(models, "stg_audit__events").replace(placeholder, "audit_logs_external")
    frame = spark.sql(staging)
    compared = [
        c
        for c in frame.columns
        if c not in ("event_key", "source_file", "source_line", "audit_source")
    ]
    expected = audit_build.query(
        f"select {', '.join(compared)} from uc_governance.stg_audit__events"
    )
    assert _sorted_rows(frame.select(*compared).collect()) == _sorted_rows(expected)
    assert frame.select("event_key").distinct().count() == len(expected)
    spark.sql("drop table audit_logs_external")
