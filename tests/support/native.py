"""Project copies switched to native Unity Catalog protection (enforcement 'native'): the
protected tables' rows in seeds/policy/protected_tables.csv say `native` (no view), and their
dynamic view models are removed (a native table has no view; on target local the model would
stop on it), as a user switching would do."""

from __future__ import annotations

import csv
from pathlib import Path

from tests.support.harnessed import RUNNER, Harnessed

VIEW_MODELS = {
    "production.sensitive_data.customers": "customers_masked_v",
    "production.analytics.sales": "regional_sales_v",
}


def switch_to_native(project: Path, tables: tuple[str, ...] = tuple(VIEW_MODELS)) -> None:
    """Make `tables` natively protected in the project copy at `project`."""
    seed = project / "seeds" / "policy" / "protected_tables.csv"
    with seed.open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        if row["table_name"] in tables:
            row["enforcement"] = "native"
            row["view_name"] = ""
    with seed.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    views = project / "models" / "marts" / "protection" / "views"
    for table in tables:
        (views / f"{VIEW_MODELS[table]}.sql").unlink()


def native_harnessed(root: Path) -> Harnessed:
    """A harnessed project copy with both demo tables natively protected, on a workspace where
    the catalog, its schemas and every table the pipelines build already exist (owned by the
    runner, as pipelines running as it create them)."""
    harnessed = Harnessed(root)
    switch_to_native(harnessed.project)
    workspace = harnessed.workspace
    workspace.add_catalog("production", owner=RUNNER)
    for schema in ("analytics", "etl", "security", "sensitive_data"):
        workspace.add_schema(f"production.{schema}", owner=RUNNER)
    harnessed.pipelines_build_tables()
    return harnessed


def protection_statements(run) -> list[str]:
    """The native protection statements of a harness run, in order: function creation,
    EXECUTE grants, masks, row filters and tags."""
    return [
        s.sql
        for s in run.governance_statements()
        if s.sql.startswith("CREATE OR REPLACE FUNCTION")
        or s.sql.startswith("GRANT EXECUTE")
        or s.kind in ("policy", "tag")
    ]
