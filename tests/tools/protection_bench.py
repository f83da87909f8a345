"""Native protection at scale: compile and build time on target local, statements and round
trips of a no-op re-run through the offline harness (issue 7, "Benchmark").

The estate: N tables in bench.s, natively protected (enforcement 'native'), each with the same
10 classified columns (COLUMNS: six masked with six different rules, four public) and one row
access rule column (`region`: one regional group, one group seeing every row); functions in the
governance schema bench.security. Nothing else is declared (no grants, no views).

    python -m tests.tools.protection_bench [--tables 50 500]                  (make bench)

- **local**: `dbt compile` then `dbt build` of the project copy on target local (DuckDB, the
  plan computed, nothing sent), wall clock seconds of each.
- **harness**: `dbt build` through the offline harness (the real dbt-databricks adapter) on a
  workspace where the tables exist: `first_apply` (nothing protected yet), then `noop` (the
  same build again). Columns as in tests/tools/bench.py (reads, writes, round trips, ...).

Results: target/bench/protection_results.json and protection_results.md (copied into
docs/benchmark.md by hand when they change).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from tests.harness import Workspace, run_dbt
from tests.support.harnessed import RUNNER
from tests.support.native import switch_to_native
from tests.support.project import (
    PROJECT_SCHEMA,
    REPO_ROOT,
    LocalProject,
    copy_project,
    empty_seed,
)
from tests.tools.bench import UC_GOVERNANCE_BUILD, Measurement, _write_csv, measure, table_names

FUNCTION_SCHEMA = "bench.security"
# (column, classification, mask rule, type): every mask rule of the vocabulary but keyed_hash
# (it needs a secret), on the types the rules accept, plus four public columns.
COLUMNS = (
    ("email", "pii", "partial_email", "string"),
    ("phone", "pii", "last4_phone", "string"),
    ("ssn", "sensitive", "last4_ssn", "string"),
    ("notes", "confidential", "redact", "string"),
    ("birth_date", "pii", "year_only", "date"),
    ("salary", "financial", "nullify", "decimal(10,2)"),
    ("customer_id", "public", "", "bigint"),
    ("segment", "public", "", "string"),
    ("signup_date", "public", "", "date"),
    ("region", "public", "", "string"),
)
GROUPS = ("pii-readers", "sensitive-readers", "finance-readers", "region-a-team", "all-rows-team")
CLEARANCES = (
    ("pii-readers", "pii"),
    ("sensitive-readers", "sensitive"),
    ("finance-readers", "financial"),
)
VARS = f"{{uc_governance_protection_function_schema: {FUNCTION_SCHEMA}}}"


def write_protected_estate(project: Path, tables: int) -> Path:
    """Rewrite the seeds of the project copy at `project` to declare `tables` natively
    protected tables (module doc); return `project`."""
    switch_to_native(project)  # drops the demo's view models; the seeds are replaced below
    policy = project / "seeds" / "policy"
    for name in ("grants", "service_principals", "demo_group_members"):
        empty_seed(project, name)
    _write_csv(
        policy / "groups.csv",
        ["group_name", "description", "purpose", "idp_group"],
        [[group, "benchmark group", "reads protected bench tables", ""] for group in GROUPS],
    )
    securables = [["CATALOG", "bench", "", "benchmark catalog", "s3://uc-governance-bench/bench"]]
    securables.append(["SCHEMA", "bench.s", "", "benchmark schema", ""])
    securables.append(["SCHEMA", FUNCTION_SCHEMA, "", "governance functions", ""])
    securables += [["TABLE", f"bench.s.{t}", "", "", ""] for t in table_names(tables)]
    _write_csv(
        policy / "securables.csv",
        ["securable_type", "securable_name", "owner", "comment", "managed_location"],
        securables,
    )
    _write_csv(
        policy / "protected_tables.csv",
        ["table_name", "enforcement", "view_name", "reason"],
        [[f"bench.s.{t}", "native", "", "bench"] for t in table_names(tables)],
    )
    _write_csv(
        policy / "column_classifications.csv",
        ["table_name", "column_name", "classification", "mask_rule", "data_type", "reason"],
        [
            [f"bench.s.{t}", column, classification, rule, data_type, "bench"]
            for t in table_names(tables)
            for column, classification, rule, data_type in COLUMNS
        ],
    )
    _write_csv(
        policy / "clearances.csv",
        ["group_name", "classification", "table_name", "column_name", "reason"],
        [[group, classification, "", "", "bench"] for group, classification in CLEARANCES],
    )
    _write_csv(
        policy / "row_access.csv",
        ["table_name", "column_name", "group_name", "allowed_value", "all_rows", "reason"],
        [
            row
            for t in table_names(tables)
            for row in (
                [f"bench.s.{t}", "region", "region-a-team", "A", "false", "bench"],
                [f"bench.s.{t}", "region", "all-rows-team", "", "true", "bench"],
            )
        ],
    )
    return project


@dataclass(frozen=True)
class LocalTiming:
    """Compile and build time of the estate on target local."""

    tables: int
    classified_columns: int
    compile_seconds: float
    build_seconds: float
    plan_rows: int


def bench_local(work: Path, tables: int) -> LocalTiming:
    """`dbt compile` then `dbt build` of the estate on target local (DuckDB)."""
    local = LocalProject(work / "local")
    write_protected_estate(local.root, tables)
    # the analyses query the plan at compile time: left out of both (nothing built yet)
    args = ("--vars", VARS, "--exclude", "tag:demo_policy", "resource_type:analysis")
    start = time.perf_counter()
    compiled = local.dbt("compile", *args)
    compile_seconds = time.perf_counter() - start
    assert compiled.success, compiled.text[-4000:]
    start = time.perf_counter()
    built = local.dbt("build", *args)
    build_seconds = time.perf_counter() - start
    assert built.success, built.text[-4000:]
    plan_rows = local.query("select count(*) from uc_governance.governance_plan")[0][0]
    return LocalTiming(
        tables=tables,
        classified_columns=tables * len(COLUMNS),
        compile_seconds=round(compile_seconds, 1),
        build_seconds=round(build_seconds, 1),
        plan_rows=plan_rows,
    )


def estate_workspace(tables: int) -> Workspace:
    """A workspace where the bench catalog, schemas and tables (with COLUMNS) exist, owned by
    the runner, and the groups are provisioned."""
    workspace = Workspace(RUNNER)
    for group in GROUPS:
        workspace.add_group(group)
    workspace.add_catalog("bench", owner=RUNNER)
    workspace.add_schema(("bench", "s"), owner=RUNNER)
    workspace.add_schema(("bench", "security"), owner=RUNNER)
    columns = {column: data_type for column, _, _, data_type in COLUMNS}
    for table in table_names(tables):
        workspace.add_table(("bench", "s", table), columns, owner=RUNNER)
    return workspace


def bench_harness(work: Path, tables: int) -> list[Measurement]:
    """First apply and no-op re-run of the estate through the harness (native mode)."""
    project = write_protected_estate(copy_project(work / "harness"), tables)
    workspace = estate_workspace(tables)
    results = []
    for scenario in ("first_apply", "noop"):
        start = time.perf_counter()
        run = run_dbt(
            [*UC_GOVERNANCE_BUILD, "--vars", VARS],
            workspace=workspace,
            project_dir=project,
            schema=PROJECT_SCHEMA,
            work_dir=work / f"harness-{scenario}",
        )
        seconds = time.perf_counter() - start
        results.append(measure("uc_governance_native", tables, 0, scenario, run, seconds))
    return results


def markdown(local: list[LocalTiming], harness: list[Measurement], load: str) -> str:
    lines = [
        f"Machine load (1/5/15-minute load average, {os.cpu_count()} cores): {load}",
        "",
        "| tables | classified columns | plan rows | compile s | build s |",
        "|---:|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {t.tables} | {t.classified_columns} | {t.plan_rows} | {t.compile_seconds} "
        f"| {t.build_seconds} |"
        for t in local
    ]
    lines += [
        "",
        "| tables | scenario | reads | writes | dbt object writes | governance round trips "
        "| round trips | seconds |",
        "|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {m.tables} | {m.scenario} | {m.reads} | {m.writes} | {m.dbt_object_writes} "
        f"| {m.governance_round_trips} | {m.round_trips} | {m.seconds} |"
        for m in harness
    ]
    return "\n".join(lines) + "\n"


def load_average() -> str:
    return " / ".join(f"{value:.2f}" for value in os.getloadavg())


def main() -> None:
    """Run the benchmark and write target/bench/protection_results.json and .md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=int, nargs="+", default=[50, 500])
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "target" / "bench")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    load_before = load_average()
    local: list[LocalTiming] = []
    harness: list[Measurement] = []
    work = Path(tempfile.mkdtemp(prefix="uc-governance-protection-bench-"))
    try:
        for tables in args.tables:
            local.append(bench_local(work / f"local-{tables}", tables))
            print(json.dumps(asdict(local[-1])), flush=True)
            for row in bench_harness(work / f"harness-{tables}", tables):
                harness.append(row)
                print(json.dumps(asdict(row)), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    load = f"{load_before} before, {load_average()} after"
    (args.out / "protection_results.json").write_text(
        json.dumps(
            {
                "load": load,
                "local": [asdict(t) for t in local],
                "harness": [asdict(m) for m in harness],
            },
            indent=2,
        )
    )
    text = markdown(local, harness, load)
    (args.out / "protection_results.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
