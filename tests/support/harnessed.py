"""The uc_governance project run by the real dbt-databricks adapter against the offline
harness (tests/harness), on a workspace that knows the demo organisation's principals.

Shared by the Databricks scenarios (tests/on_databricks) and `make preview` (tests/tools).
"""

from __future__ import annotations

from pathlib import Path

from ucgov.adopt import parse_adopt_log, write_seeds

from tests.harness import GOVERNANCE_KINDS, HarnessRun, Workspace, run_dbt
from tests.support.project import (
    PROJECT_SCHEMA,
    PROTECTION_SEEDS,
    copy_project,
    empty_seed,
    read_seed,
    write_seed,
)

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

    def adopt(self, args: str) -> dict[str, int]:
        """Run the read-only `adopt_policy` operation with `args` (YAML), check it wrote
        nothing, and write its rows as the project's policy seeds; returns rows per seed."""
        run = self.dbt("run-operation", "adopt_policy", "--args", args).assert_ok()
        assert run.writes == [], run.writes
        return write_seeds(parse_adopt_log(run.logs), self.project / "seeds" / "policy")

    def build_adopted_estate(self) -> HarnessRun:
        """`dbt build` on an adopted estate, checked to send no governance statement and to
        write only the project's own models. The demo's protection seeds (they name the demo's
        tables) are emptied first, and the demo's privilege tests are not run."""
        for name in PROTECTION_SEEDS:
            empty_seed(self.project, name)
        demo_tests = ["test_name:principal_has_privilege", "test_name:principal_lacks_privilege"]
        run = self.dbt("build", "--exclude", *demo_tests).assert_ok()
        assert run.texts(*GOVERNANCE_KINDS) == []
        touched = {s.target.name for s in run.writes}
        assert touched and all(name.startswith("main.uc_governance") for name in touched)
        return run

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
