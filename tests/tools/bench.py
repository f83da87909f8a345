"""Statements and round trips: uc_governance beside dbt-databricks' own `grants:` model config.

Both tools run through the offline harness (the real dbt-databricks adapter, a fake warehouse
that records every statement), on the same shapes: N tables x P principals with SELECT each, for
a first apply, a no-op re-run and one changed grant. Results: one JSON object per measurement in
target/bench/results.json, and a Markdown table in target/bench/results.md (copied into
docs/benchmark.md by hand when it changes).

    python -m tests.tools.bench [--tables 100 1000 10000] [--principals 5]
                                [--grants-config-max 1000]                  (make bench)

An adopted estate (`--tools uc_governance_adopted`): the same tables and grants already live,
made by hand; `adopt_policy` writes the policy seeds from them (ucgov.adopt), and the first
`dbt build` on that policy is measured (scenario `adopted_first_plan`: zero writes expected).

Scenarios run in order on one workspace. `--scenarios noop` (without first_apply): the shape's
grants are made by hand, one first build runs unrecorded (it sends no GRANT), then the no-op
build is measured; this skips sending N x P GRANTs just to reach the no-op.

uc_governance runs twice per shape: `uc_governance` with the default apply batch size ('auto':
SQL scripts of 500 statements on a SQL warehouse, which the harness profile is) and
`uc_governance_unbatched` with `uc_governance_apply_batch_size: 1` (one statement per round
trip). The `grants:` baseline stops at --grants-config-max tables (one model per table is slow
to build).

Counted per dbt invocation (`dbt build`):
- reads: SELECT/SHOW/DESCRIBE statements and connector metadata calls;
- writes: governance statements (GRANT, REVOKE, CREATE CATALOG/SCHEMA of managed securables,
  ALTER ... OWNER TO);
- dbt_object_writes: statements that build dbt's own relations (seeds, models, logs);
- governance_round_trips: round trips that carried the writes (a SQL script counts once);
- round_trips: every statement and metadata call sent.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from ucgov.adopt import parse_adopt_log, write_seeds

from tests.harness import GOVERNANCE_KINDS, HarnessRun, Workspace, run_dbt
from tests.harness.fixtures import principal_names, write_grants_config_project
from tests.support.harnessed import RUNNER
from tests.support.project import (
    PROJECT_SCHEMA,
    PROTECTION_SEEDS,
    REPO_ROOT,
    copy_project,
    empty_seed,
)

SCENARIOS = ("first_apply", "noop", "one_change")
# The shipped principal_has/lacks_privilege examples assert the demo organisation's policy,
# which the benchmark's seeds replace.
UC_GOVERNANCE_BUILD = ("build", "--exclude", "tag:demo_policy")


@dataclass(frozen=True)
class Measurement:
    """One row of the benchmark."""

    tool: str
    tables: int
    principals: int
    scenario: str
    reads: int
    writes: int
    dbt_object_writes: int
    governance_round_trips: int
    round_trips: int
    seconds: float


def table_names(count: int) -> list[str]:
    return [f"t{index + 1:04d}" for index in range(count)]


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def write_uc_governance_project(root: Path, tables: int, principals: int) -> Path:
    """The uc_governance project with seeds declaring `tables` tables in bench.s, each granted
    SELECT to `principals` groups."""
    project = copy_project(root)
    policy = project / "seeds" / "policy"
    groups = principal_names(principals)
    _write_csv(
        policy / "groups.csv",
        ["group_name", "description", "purpose", "idp_group"],
        [[group, "benchmark readers", "reads bench tables", ""] for group in groups],
    )
    # a managed location: the harness metastore, like a default one, has no root storage
    securables = [["CATALOG", "bench", "", "benchmark catalog", "s3://uc-governance-bench/bench"]]
    securables.append(["SCHEMA", "bench.s", "", "benchmark schema", ""])
    securables += [["TABLE", f"bench.s.{t}", "", "", ""] for t in table_names(tables)]
    _write_csv(
        policy / "securables.csv",
        ["securable_type", "securable_name", "owner", "comment", "managed_location"],
        securables,
    )
    grants = [
        ["TABLE", f"bench.s.{t}", group, "SELECT", "false", "bench"]
        for t in table_names(tables)
        for group in groups
    ]
    _write_csv(
        policy / "grants.csv",
        [
            "securable_type",
            "securable_name",
            "principal",
            "privilege",
            "allow_all_privileges",
            "reason",
        ],
        grants,
    )
    # the demo's protection policy names the demo's tables and groups, which these seeds replace
    for name in PROTECTION_SEEDS:
        empty_seed(project, name)
    return project


def uc_governance_change(project: Path, principals: int) -> None:
    """One changed grant: the first group also gets MODIFY on the first table."""
    with (project / "seeds" / "policy" / "grants.csv").open("a") as handle:
        handle.write(f"TABLE,bench.s.t0001,{principal_names(principals)[0]},MODIFY,false,bench\n")


def measure(
    tool: str, tables: int, principals: int, scenario: str, run: HarnessRun, seconds: float
) -> Measurement:
    run.assert_ok()
    governance = [s for s in run.statements if s.kind in GOVERNANCE_KINDS]
    # a SQL script is one round trip for the statements it carries
    carriers = [s for s in run.statements if s.kind == "script"]
    carriers += [s for s in governance if not s.in_script]
    return Measurement(
        tool=tool,
        tables=tables,
        principals=principals,
        scenario=scenario,
        reads=len(run.reads),
        writes=len(governance),
        dbt_object_writes=len(run.writes) - len(governance),
        governance_round_trips=len(carriers),
        round_trips=run.round_trips,
        seconds=round(seconds, 1),
    )


def _timed(call):
    start = time.perf_counter()
    result = call()
    return result, time.perf_counter() - start


UC_GOVERNANCE_VARIANTS = {"uc_governance": "auto", "uc_governance_unbatched": "1"}


def bench_uc_governance(
    work: Path,
    tables: int,
    principals: int,
    tool: str = "uc_governance",
    scenarios: tuple[str, ...] = SCENARIOS,
) -> list[Measurement]:
    """The scenarios (in SCENARIOS order) of this project; `tool` names the apply batch size
    (UC_GOVERNANCE_VARIANTS)."""
    batch = UC_GOVERNANCE_VARIANTS[tool]
    project = write_uc_governance_project(work / "uc_governance", tables, principals)
    workspace = Workspace(RUNNER)
    for group in principal_names(principals):
        workspace.add_group(group)
    # the same objects the baseline builds: a catalog, a schema and the tables, no grants yet
    workspace.add_catalog("bench", owner=RUNNER)
    workspace.add_schema(("bench", "s"), owner=RUNNER)
    pregranted = "first_apply" not in scenarios
    for table in table_names(tables):
        workspace.add_table(("bench", "s", table), owner=RUNNER)
        for group in principal_names(principals) if pregranted else ():
            workspace.grant("TABLE", ("bench", "s", table), group, "SELECT")
    results = []
    # Each scenario starts from the state the one before it left: a no-op (or one change) is
    # measured after a first build. When first_apply is not asked for, the grants are made by
    # hand above and that first build (the project's first in the workspace, sending no
    # GRANT) is run but not recorded.
    last = max(SCENARIOS.index(s) for s in scenarios)
    for scenario in SCENARIOS[: last + 1]:
        if scenario == "one_change":
            uc_governance_change(project, principals)
        run, seconds = _timed(
            lambda scenario=scenario: run_dbt(
                [*UC_GOVERNANCE_BUILD, "--vars", f"{{uc_governance_apply_batch_size: {batch}}}"],
                workspace=workspace,
                project_dir=project,
                schema=PROJECT_SCHEMA,
                work_dir=work / f"ucg-{scenario}",
            )
        )
        if scenario in scenarios:
            results.append(measure(tool, tables, principals, scenario, run, seconds))
        else:
            run.assert_ok()
    return results


def bench_adopted(work: Path, tables: int, principals: int) -> list[Measurement]:
    """An estate that already holds the shape's grants (made outside uc_governance): adopt it
    into policy seeds, then measure the first build of that policy (`adopted_first_plan`)."""
    project = write_uc_governance_project(work / "uc_governance", tables, principals)
    workspace = Workspace(RUNNER)
    groups = principal_names(principals)
    for group in groups:
        workspace.add_group(group)
    workspace.add_catalog("bench", owner=RUNNER)
    workspace.add_schema(("bench", "s"), owner=RUNNER)
    for table in table_names(tables):
        workspace.add_table(("bench", "s", table), owner=RUNNER)
        for group in groups:
            workspace.grant("TABLE", ("bench", "s", table), group, "SELECT")
    adopt = run_dbt(
        ["run-operation", "adopt_policy", "--args", "{catalogs: [bench]}"],
        workspace=workspace,
        project_dir=project,
        schema=PROJECT_SCHEMA,
        work_dir=work / "adopt",
    ).assert_ok()
    write_seeds(parse_adopt_log(adopt.logs), project / "seeds" / "policy")
    run, seconds = _timed(
        lambda: run_dbt(
            list(UC_GOVERNANCE_BUILD),
            workspace=workspace,
            project_dir=project,
            schema=PROJECT_SCHEMA,
            work_dir=work / "ucg-adopted",
        )
    )
    return [
        measure("uc_governance_adopted", tables, principals, "adopted_first_plan", run, seconds)
    ]


def grants_config_change(project: Path, model: str, principals: list[str]) -> None:
    """One changed grant: the first group also gets MODIFY on the first model's table."""
    grants = {"select": principals, "modify": [principals[0]]}
    (project / "models" / f"{model}.sql").write_text(
        f"{{{{ config(materialized='table', grants={grants!r}) }}}}\nselect 1 as id\n"
    )


def bench_grants_config(work: Path, tables: int, principals: int) -> list[Measurement]:
    generated = write_grants_config_project(work / "grants_config", tables, principals)
    workspace = Workspace(RUNNER)
    generated.register_principals(workspace)
    results = []
    for scenario in SCENARIOS:
        if scenario == "one_change":
            grants_config_change(generated.path, generated.models[0], list(generated.principals))
        run, seconds = _timed(
            lambda scenario=scenario: run_dbt(
                ["build"],
                workspace=workspace,
                project_dir=generated.path,
                schema=PROJECT_SCHEMA,
                work_dir=work / f"cfg-{scenario}",
            )
        )
        results.append(measure("dbt_grants_config", tables, principals, scenario, run, seconds))
    return results


def markdown(results: list[Measurement]) -> str:
    lines = [
        "| tool | tables | principals | scenario | reads | writes | dbt object writes "
        "| governance round trips | round trips | seconds |",
        "|---|---:|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    for m in results:
        lines.append(
            f"| {m.tool} | {m.tables} | {m.principals} | {m.scenario} | {m.reads} | {m.writes} "
            f"| {m.dbt_object_writes} | {m.governance_round_trips} | {m.round_trips} "
            f"| {m.seconds} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    """Run the benchmark and write target/bench/results.json and results.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--grants-config-max", type=int, default=1000)
    parser.add_argument("--scenarios", nargs="+", default=list(SCENARIOS), choices=SCENARIOS)
    parser.add_argument(
        "--tools",
        nargs="+",
        default=[*UC_GOVERNANCE_VARIANTS, "uc_governance_adopted", "dbt_grants_config"],
    )
    parser.add_argument("--principals", type=int, default=5)
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "target" / "bench")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    results: list[Measurement] = []
    work = Path(tempfile.mkdtemp(prefix="uc-governance-bench-"))
    try:
        for tables in args.tables:
            for tool in args.tools:
                if tool == "uc_governance_adopted":
                    rows = bench_adopted(work / f"adopted-{tables}", tables, args.principals)
                elif tool == "dbt_grants_config":
                    if tables > args.grants_config_max:
                        continue
                    rows = bench_grants_config(work / f"cfg-{tables}", tables, args.principals)
                else:
                    rows = bench_uc_governance(
                        work / f"{tool}-{tables}",
                        tables,
                        args.principals,
                        tool,
                        tuple(args.scenarios),
                    )
                results.extend(rows)
                for row in rows:
                    print(json.dumps(asdict(row)), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    (args.out / "results.json").write_text(json.dumps([asdict(r) for r in results], indent=2))
    (args.out / "results.md").write_text(markdown(results))
    print(markdown(results))


if __name__ == "__main__":
    main()
