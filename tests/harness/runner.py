"""Run the real dbt-databricks adapter in-process against the fake warehouse.

``run_dbt(["build"], workspace=ws, project_dir=path)`` writes a harness ``profiles.yml``
(or uses ``profiles_dir``), patches ``databricks.sql.connect`` with the fake connector,
stubs dbt-databricks' host discovery probe, blocks the network, captures dbt's stdout and
returns a ``HarnessRun`` with every statement sent.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from unittest import mock

import yaml

from . import statements as kinds
from .connector import make_connect
from .errors import CannotAnswerError, GrammarError
from .network import block_network
from .server import StatementLog
from .statements import Statement
from .workspace import Workspace

HARNESS_HOST = "harness.databricks.invalid"
HARNESS_HTTP_PATH = "/sql/1.0/warehouses/harness"
HARNESS_TOKEN = "dapi-harness-dummy"  # noqa: S105 - a dummy, never sent anywhere
HARNESS_ENV = {"DBT_SEND_ANONYMOUS_USAGE_STATS": "false", "DO_NOT_TRACK": "1"}


@dataclass
class HarnessRun:
    """Outcome of one ``run_dbt`` call.

    ``success`` is dbt's verdict AND no harness refusal (unanswered statement or grammar
    error) happened, even if dbt swallowed the error. ``round_trips`` counts statements plus
    metadata calls sent to the warehouse.
    """

    success: bool
    exception: BaseException | None
    statements: list[Statement]
    results: Any
    logs: str
    dbt_success: bool
    unanswered: list[CannotAnswerError] = field(default_factory=list)
    grammar_errors: list[GrammarError] = field(default_factory=list)
    target_path: Path | None = None
    log_path: Path | None = None

    def statements_of(self, *kind: str) -> list[Statement]:
        """Statements of the given kind(s), in order."""
        return [s for s in self.statements if s.kind in kind]

    def governance_statements(self) -> list[Statement]:
        """GRANT/REVOKE/CREATE securable/OWNER/TAG/POLICY statements, in order."""
        return [s for s in self.statements if s.kind in kinds.GOVERNANCE_KINDS]

    @property
    def reads(self) -> list[Statement]:
        """Read statements and metadata calls."""
        return self.statements_of(kinds.READ)

    @property
    def writes(self) -> list[Statement]:
        """Everything that changes state (all kinds except read and session)."""
        return [s for s in self.statements if s.kind in kinds.WRITE_KINDS]

    @property
    def round_trips(self) -> int:
        """Number of statements + metadata calls sent (a SQL script is one, whatever it
        carries)."""
        return sum(1 for s in self.statements if not s.in_script)

    @property
    def errors(self) -> list[Statement]:
        """Statements the warehouse answered with an error."""
        return [s for s in self.statements if s.error is not None]

    def texts(self, *kind: str) -> list[str]:
        """Whitespace-normalized text of the statements (optionally of some kinds)."""
        chosen = self.statements_of(*kind) if kind else self.statements
        return [s.normalized for s in chosen]

    def for_node(self, node_id_suffix: str) -> list[Statement]:
        """Statements whose dbt node id ends with ``node_id_suffix`` (e.g. ``.my_model``)."""
        return [s for s in self.statements if s.node_id and s.node_id.endswith(node_id_suffix)]

    def assert_ok(self) -> HarnessRun:
        """Raise AssertionError with the useful context when the run did not succeed."""
        if not self.success:
            problems = [str(e) for e in (*self.unanswered, *self.grammar_errors)]
            raise AssertionError(
                "dbt run under the harness failed\n"
                + "\n".join(problems[:5])
                + f"\n--- dbt exception ---\n{self.exception}\n--- log tail ---\n"
                + "\n".join(self.logs.splitlines()[-40:])
            )
        return self


def profile_name(project_dir: Path) -> str:
    """The ``profile:`` key of the project's dbt_project.yml."""
    data = yaml.safe_load((project_dir / "dbt_project.yml").read_text())
    return str(data.get("profile") or data["name"])


def write_profiles(directory: Path, profile: str, *, catalog: str, schema: str) -> Path:
    """Write the harness profiles.yml (target ``databricks``, threads 1) into ``directory``:
    profile ``profile`` working in ``catalog``.``schema``."""
    directory.mkdir(parents=True, exist_ok=True)
    content = {
        profile: {
            "target": "databricks",
            "outputs": {
                "databricks": {
                    "type": "databricks",
                    "host": HARNESS_HOST,
                    "http_path": HARNESS_HTTP_PATH,
                    "catalog": catalog,
                    "schema": schema,
                    "token": HARNESS_TOKEN,
                    "threads": 1,
                    "connect_retries": 0,
                }
            },
        }
    }
    path = directory / "profiles.yml"
    path.write_text(yaml.safe_dump(content, sort_keys=False))
    return directory


@contextlib.contextmanager
def _environment(extra: Mapping[str, str]) -> Iterator[None]:
    saved = {k: os.environ.get(k) for k in extra}
    os.environ.update(extra)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@contextlib.contextmanager
def harness_patches(workspace: Workspace, log: StatementLog) -> Iterator[None]:
    """Patch the connector and the SPOG host probe; block the network."""
    from dbt.adapters.databricks.spog import probe

    offline = probe.HostMetadata(host_type=None)
    with (
        block_network(),
        mock.patch("databricks.sql.connect", make_connect(workspace, log)),
        mock.patch.object(probe, "probe_host", lambda host: offline),
    ):
        yield


def run_dbt(
    args: Sequence[str],
    *,
    workspace: Workspace,
    project_dir: Path,
    target: str = "databricks",
    profiles_dir: Path | None = None,
    schema: str | None = None,
    work_dir: Path | None = None,
    keep_artifacts: bool = False,
    env: Mapping[str, str] | None = None,
) -> HarnessRun:
    """Invoke dbt in-process under the harness; the workspace persists across calls.

    ``args`` is the dbt command line without project/profile/target/path flags, e.g.
    ``["build", "--vars", "{a: 1}"]``. Each call gets its own target and log path under
    ``work_dir``. Without ``work_dir`` a temporary directory is used and removed after the
    run unless ``keep_artifacts`` (then ``HarnessRun.target_path``/``log_path`` stay readable).
    Without ``profiles_dir`` a harness profile is written: catalog = the workspace's working
    catalog, schema = ``schema`` (then required: the harness has no project of its own).
    """
    from dbt.cli.main import dbtRunner

    project_dir = Path(project_dir).resolve()
    temporary = work_dir is None and not keep_artifacts
    work = Path(work_dir) if work_dir else Path(tempfile.mkdtemp(prefix="dbt-harness-"))
    work.mkdir(parents=True, exist_ok=True)
    target_path, log_path = work / "target", work / "logs"
    if profiles_dir is None:
        if schema is None:
            raise ValueError("run_dbt: pass schema= (the dbt schema to work in) or profiles_dir=")
        profiles_dir = write_profiles(
            work / "profiles",
            profile_name(project_dir),
            catalog=workspace.working_catalog,
            schema=schema,
        )
    full_args = [
        *args,
        "--project-dir",
        str(project_dir),
        "--profiles-dir",
        str(profiles_dir),
        "--target",
        target,
    ]
    # Paths and colours go through dbt's environment variables: every command reads them,
    # while some commands (debug, deps) reject the equivalent flags.
    dbt_env = {
        **HARNESS_ENV,
        "DBT_TARGET_PATH": str(target_path),
        "DBT_LOG_PATH": str(log_path),
        "DBT_USE_COLORS": "false",
        **(env or {}),
    }
    log = StatementLog()
    stdout = io.StringIO()
    with (
        _environment(dbt_env),
        harness_patches(workspace, log),
        contextlib.redirect_stdout(stdout),
    ):
        result = dbtRunner().invoke(full_args)
    if temporary:
        shutil.rmtree(work, ignore_errors=True)
    harness_ok = not log.unanswered and not log.grammar_errors
    return HarnessRun(
        success=bool(result.success) and harness_ok,
        exception=result.exception,
        statements=list(log.statements),
        results=result,
        logs=stdout.getvalue(),
        dbt_success=bool(result.success),
        unanswered=list(log.unanswered),
        grammar_errors=list(log.grammar_errors),
        target_path=target_path,
        log_path=log_path,
    )
