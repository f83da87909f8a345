"""Project copies switched to native Unity Catalog protection (enforcement 'native'): the
protected tables' rows in seeds/policy/protected_tables.csv say `native` (no view), and their
dynamic view models are removed (a native table has no view; on target local the model would
stop on it), as a user switching would do."""

from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

from tests.support.harnessed import RUNNER, Harnessed
from tests.support.project import REPO_ROOT

VIEW_MODELS = {
    "production.sensitive_data.customers": "customers_masked_v",
    "production.analytics.sales": "regional_sales_v",
}


def _set_enforcement(project: Path, tables: tuple[str, ...], native: bool) -> None:
    """Rewrite the `tables` rows of the copy's protected_tables.csv: native (no view), or the
    shipped row (enforcement and view name as in the repository)."""
    with (REPO_ROOT / "seeds" / "policy" / "protected_tables.csv").open(newline="") as handle:
        shipped = {row["table_name"]: row for row in csv.DictReader(handle)}
    seed = project / "seeds" / "policy" / "protected_tables.csv"
    with seed.open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        if row["table_name"] in tables:
            if native:
                row["enforcement"] = "native"
                row["view_name"] = ""
            else:
                row["enforcement"] = shipped[row["table_name"]]["enforcement"]
                row["view_name"] = shipped[row["table_name"]]["view_name"]
    with seed.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


VIEWS_DIR = Path("models") / "marts" / "protection" / "views"


def switch_to_view(project: Path, tables: tuple[str, ...]) -> None:
    """Switch `tables` of a copy made native by switch_to_native back to their shipped dynamic
    views: the seed rows and the view models."""
    _set_enforcement(project, tables, native=False)
    for table in tables:
        model = VIEW_MODELS[table]
        shutil.copy2(REPO_ROOT / VIEWS_DIR / f"{model}.sql", project / VIEWS_DIR)


def switch_to_native(project: Path, tables: tuple[str, ...] = tuple(VIEW_MODELS)) -> None:
    """Make `tables` natively protected in the project copy at `project`."""
    _set_enforcement(project, tables, native=True)
    views = project / VIEWS_DIR
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


def md5(text: str) -> str:
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()  # a name, not a secret


def mask_function_name(rule: str, data_type: str, groups: str) -> str:
    """The naming recipe of decision 0050: rule, base type, 8 hex of md5('<type>|<groups>')."""
    return f"mask_{rule}_{data_type}_{md5(f'{data_type}|{groups}')[:8]}"


def protection_statements(run) -> list[str]:
    """The native protection statements of a harness run, in order: function creation and
    drops, EXECUTE grants and revokes, masks, row filters and tags."""
    return [
        s.sql
        for s in run.governance_statements()
        if s.sql.startswith(("CREATE OR REPLACE FUNCTION", "DROP FUNCTION"))
        or s.sql.startswith(("GRANT EXECUTE", "REVOKE EXECUTE"))
        or s.kind in ("policy", "tag")
    ]
