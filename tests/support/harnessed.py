"""The uc_governance project run by the real dbt-databricks adapter against the offline
harness (tests/harness), on a workspace that knows the demo organisation's principals.

Shared by the Databricks scenarios (tests/on_databricks) and `make preview` (tests/tools).
"""

from __future__ import annotations

from pathlib import Path

from tests.harness import HarnessRun, Workspace, run_dbt
from tests.support.project import PROJECT_SCHEMA, copy_project, read_seed, write_seed

RUNNER = "dbt-runner@example.com"

# The protected base tables as the pipelines create them (columns of seeds/demo).
PROTECTED_TABLES = {
    "production.sensitive_data.customers": {
        "customer_id": "bigint",
        "email": "string",
        "phone": "string",
        "ssn": "string",
        "customer_segment": "string",
        "signup_date": "date",
        "region": "string",
    },
    "production.analytics.sales": {
        "sale_id": "bigint",
        "region": "string",
        "amount": "decimal(10,2)",
        "sale_date": "date",
    },
}


def demo_workspace(project: Path, **options) -> Workspace:
    """An empty workspace that knows the demo organisation's principals (as SCIM would have
    provisioned them) and nothing else."""
    workspace = Workspace(RUNNER, **options)
    for row in read_seed(project, "groups"):
        workspace.add_group(row["group_name"])
    for row in read_seed(project, "service_principals"):
        workspace.add_service_principal(row["application_id"], row["display_name"])
    return workspace


class Harnessed:
    """A project copy and a workspace; `dbt()` runs dbt-databricks against them."""

    def __init__(self, root: Path, **options) -> None:
        self.root = root
        self.project = copy_project(root / "project")
        self.workspace = demo_workspace(self.project, **options)
        self._runs = 0

    def dbt(self, *args: str) -> HarnessRun:
        self._runs += 1
        return run_dbt(
            list(args),
            workspace=self.workspace,
            project_dir=self.project,
            schema=PROJECT_SCHEMA,
            work_dir=self.root / f"run{self._runs}",
        )

    def dbt_with_seed_edit(self, seed: str, edit, *args: str) -> HarnessRun:
        """Run dbt once with `edit(rows)` applied to seeds/policy/<seed>.csv, then restore it."""
        path = self.project / "seeds" / "policy" / f"{seed}.csv"
        original = path.read_text()
        rows = read_seed(self.project, seed)
        edit(rows)
        write_seed(self.project, seed, rows)
        try:
            return self.dbt(*args)
        finally:
            path.write_text(original)

    def pipelines_build_tables(self) -> None:
        """The ETL pipeline's tables, as the pipeline (not uc_governance) creates them: the
        curated tables and the protected base tables of the dynamic views."""
        for name in ("sales_summary", "customer_segments"):
            self.workspace.add_table(("production", "analytics", name), owner=RUNNER)
        for name, columns in PROTECTED_TABLES.items():
            self.workspace.add_table(name, columns, owner=RUNNER)

    def grants(self, securable_type: str, name: str) -> set[tuple[str, str]]:
        """Direct (principal, privilege) pairs on a securable."""
        securable = self.workspace.get(securable_type, name)
        return {(g.principal, g.privilege) for g in self.workspace.direct_grants(securable)}
