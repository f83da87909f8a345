"""Copies of the uc_governance dbt project for tests, and in-process runs on target local.

A test gets its own copy (so it can edit seeds) and its own DuckDB file; dbt runs in-process
through `dbtRunner`, and every log line it emits is kept so tests can assert on messages.
"""

from __future__ import annotations

import csv
import io
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from dbt.cli.main import dbtRunner, dbtRunnerResult

REPO_ROOT = Path(__file__).resolve().parents[2]
# The project's working schema on Databricks (profiles.example.yml, UC_GOVERNANCE_SCHEMA).
PROJECT_SCHEMA = "uc_governance"
PROJECT_PARTS = (
    "dbt_project.yml",
    ".dbtignore",
    "models",
    "macros",
    "seeds",
    "analyses",
    "tests/dbt",
)

LOCAL_PROFILE = """\
uc_governance:
  target: local
  outputs:
    local:
      type: duckdb
      path: "{path}"
      schema: uc_governance
      threads: 1
"""


def copy_project(dest: Path) -> Path:
    """Copy the dbt project (not its build output) into `dest` and return it."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = REPO_ROOT / part
        target = dest / part
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return dest


def read_seed(project: Path, name: str) -> list[dict[str, str]]:
    """Rows of seeds/policy/<name>.csv as dicts."""
    with (project / "seeds" / "policy" / f"{name}.csv").open(newline="") as handle:
        return list(csv.DictReader(handle))


def write_seed(project: Path, name: str, rows: list[dict[str, str]]) -> None:
    """Rewrite seeds/policy/<name>.csv with `rows` (columns taken from the first row)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0].keys()), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    (project / "seeds" / "policy" / f"{name}.csv").write_text(buffer.getvalue())


def empty_seed(project: Path, name: str) -> None:
    """Keep only the header row of seeds/policy/<name>.csv."""
    path = project / "seeds" / "policy" / f"{name}.csv"
    path.write_text(path.read_text().splitlines()[0] + "\n")


# The policy files of the protection work (dynamic views, masks, row filters), which name the
# demo organisation's tables and groups.
PROTECTION_SEEDS = (
    "protected_tables",
    "column_classifications",
    "clearances",
    "row_access",
    "demo_group_members",
)


def append_seed_lines(project: Path, name: str, *lines: str) -> None:
    """Append raw CSV lines to seeds/policy/<name>.csv."""
    path = project / "seeds" / "policy" / f"{name}.csv"
    text = path.read_text()
    if not text.endswith("\n"):
        text += "\n"
    path.write_text(text + "".join(line + "\n" for line in lines))


@dataclass
class LocalRun:
    """Outcome of one in-process dbt invocation on target local."""

    result: dbtRunnerResult
    logs: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def success(self) -> bool:
        return bool(self.result.success)

    @property
    def text(self) -> str:
        """All log lines and the exception message, if any, as one string."""
        parts = list(self.logs)
        if self.result.exception is not None:
            parts.append(str(self.result.exception))
        return "\n".join(parts)

    def assert_stopped_by_violations(self, fragments: list[str]) -> None:
        """Assert that the run failed at policy_violations, whose post-hook stopped it with a
        message holding every fragment, so that neither the plan nor apply ran."""
        assert not self.success
        for fragment in [*fragments, "nothing was applied"]:
            assert fragment in self.text, f"{fragment!r} missing from:\n{self.text}"
        assert self.node_status("policy_violations") == "error"
        assert self.node_status("governance_plan") == "skipped"
        assert self.node_status("governance_apply_log") == "skipped"

    def node_status(self, name: str) -> str | None:
        """Status of the node called `name` in a build/run result (None if it did not run)."""
        results = getattr(self.result.result, "results", None) or []
        for item in results:
            if item.node.name == name:
                return str(item.status)
        return None


class LocalProject:
    """A project copy with its own profile and DuckDB file."""

    def __init__(self, root: Path) -> None:
        self.root = copy_project(root / "project")
        self.profiles_dir = root / "profiles"
        self.profiles_dir.mkdir(parents=True, exist_ok=True)
        self.database = root / "local.duckdb"
        (self.profiles_dir / "profiles.yml").write_text(LOCAL_PROFILE.format(path=self.database))

    def dbt(self, *args: str) -> LocalRun:
        """Run `dbt <args>` in-process against this copy."""
        logs: list[str] = []
        warnings: list[str] = []

        def collect(event) -> None:  # dbt event callback
            message = event.info.msg
            if message:
                logs.append(str(message))
                if event.info.level in ("warn", "error"):
                    warnings.append(str(message))

        runner = dbtRunner(callbacks=[collect])
        result = runner.invoke(
            [
                *args,
                "--project-dir",
                str(self.root),
                "--profiles-dir",
                str(self.profiles_dir),
                "--target-path",
                str(self.root / "target"),
                "--log-path",
                str(self.root / "logs"),
            ]
        )
        return LocalRun(result=result, logs=logs, warnings=warnings)

    def query(self, sql: str) -> list[tuple]:
        """Run a read-only query against this copy's DuckDB file."""
        import duckdb

        with duckdb.connect(str(self.database)) as connection:
            return connection.sql(sql).fetchall()

    def relation_exists(self, name: str) -> bool:
        """Whether uc_governance.<name> exists in the DuckDB file."""
        if not self.database.exists():
            return False
        rows = self.query(
            "select count(*) from information_schema.tables "
            f"where table_schema = 'uc_governance' and table_name = '{name}'"
        )
        return rows[0][0] > 0
