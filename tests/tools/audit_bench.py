"""Audit models: local build time on 100k and 1M sample events, and what an incremental re-run
after one new day reads.

    python -m tests.tools.audit_bench [--events 100000 1000000]

For each size: the sample logs (ucgov.audit.samples, --events N, 28 days) are written to a
temporary folder, a fresh copy of the project is built with `dbt run --select
+models/marts/audit` on target local (DuckDB, 2 threads), and the wall clock of the run and of
each audit model (dbt's run_results) is recorded. Then a 29th day is delivered and
`stg_audit__events` alone re-runs: the files and lines it reads (the new day plus the look-back)
are recorded beside the whole history. Results: target/bench/audit_results.json and
audit_results.md (copied into docs/benchmark.md by hand when they change).
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
import time
from pathlib import Path

from ucgov.audit.samples import generate

from tests.support.audit import audit_vars
from tests.support.project import REPO_ROOT, LocalProject

OUT = REPO_ROOT / "target/bench"


def _lines(files: list[Path]) -> int:
    return sum(1 for path in files for line in path.read_text().splitlines() if line)


def measure(events: int) -> dict:
    """One size: full build, then an incremental re-run after one new day."""
    with tempfile.TemporaryDirectory(prefix="audit_bench_") as folder:
        root = Path(folder)
        logs = root / "logs"
        began = time.monotonic()
        written = generate(logs, events=events)
        generate_seconds = time.monotonic() - began
        project = LocalProject(root)
        # Profile threads as on target local (2 cores).
        profile = project.profiles_dir / "profiles.yml"
        profile.write_text(profile.read_text().replace("threads: 1", "threads: 2"))
        seeds = project.dbt("seed")
        assert seeds.success, seeds.text
        began = time.monotonic()
        run = project.dbt("run", "--select", "+models/marts/audit", "--vars", audit_vars(logs))
        build_seconds = time.monotonic() - began
        assert run.success, run.text
        models = {
            item.node.name: round(item.execution_time, 2)
            for item in run.result.result.results
            if "audit" in item.node.original_file_path
        }
        generate(logs, events=events, days=29)
        everything = sorted(logs.rglob("*.json"))
        began = time.monotonic()
        rerun = project.dbt("run", "--select", "stg_audit__events", "--vars", audit_vars(logs))
        rerun_seconds = time.monotonic() - began
        assert rerun.success, rerun.text
        message = next(line for line in rerun.logs if "stg_audit__events: reading" in line)
        cutoff = re.search(r"dates from (\d{4}-\d{2}-\d{2})", message).group(1)
        read = [
            path
            for path in everything
            if (found := re.search(r"date=(\d{4}-\d{2}-\d{2})", str(path)))
            and found.group(1) >= cutoff
        ]
        new_day = [path for path in everything if "date=2026-11-23" in str(path)]
        return {
            "events": written,
            "generate_seconds": round(generate_seconds, 1),
            "build_seconds": round(build_seconds, 1),
            "model_seconds": models,
            "rerun_seconds": round(rerun_seconds, 1),
            "rerun_cutoff": cutoff,
            "rerun_files_read": len(read),
            "files_total": len(everything),
            "rerun_lines_read": _lines(read),
            "new_day_lines": _lines(new_day),
            "lines_total": _lines(everything),
        }


def to_markdown(results: list[dict]) -> str:
    lines = [
        "| events | generate s | build s (all audit models) | slowest model s | re-run s "
        "| re-run reads (lines) | of which the new day | whole history (lines) |",
        "|---:|---:|---:|---|---:|---:|---:|---:|",
    ]
    for row in results:
        slowest = max(row["model_seconds"].items(), key=lambda item: item[1])
        lines.append(
            f"| {row['events']:,} | {row['generate_seconds']} | {row['build_seconds']} "
            f"| {slowest[0]} {slowest[1]} | {row['rerun_seconds']} | {row['rerun_lines_read']:,} "
            f"| {row['new_day_lines']:,} | {row['lines_total']:,} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    """Run the audit benchmark and write target/bench/audit_results.{json,md}."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, nargs="+", default=[100_000, 1_000_000])
    args = parser.parse_args()
    results = [measure(events) for events in args.events]
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "audit_results.json").write_text(json.dumps(results, indent=2) + "\n")
    (OUT / "audit_results.md").write_text(to_markdown(results))
    print(to_markdown(results))


if __name__ == "__main__":
    main()
