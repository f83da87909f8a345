"""Run the ``ucgov`` command line in-process against a ``FakeWorkspace``."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from .server import FakeWorkspace

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "seeds" / "workspace" / "workspace_settings.yml"
GROUPS_SEED = REPO / "seeds" / "policy" / "groups.csv"


def run_ucgov(
    fake: FakeWorkspace, *args: str, env: dict[str, str] | None = None, stdin: str | None = None
) -> Result:
    """Invoke ``ucgov`` with the SDK configured (env vars only) for the fake."""
    from ucgov.cli import main

    full_env = {
        **fake.env(),
        "DATABRICKS_CONFIG_FILE": str(REPO / "target" / "no-databrickscfg"),
        "COLUMNS": "400",  # tables on one line each, so that tests can search their text
    }
    full_env.update(env or {})
    return CliRunner().invoke(main, list(args), env=full_env, input=stdin, catch_exceptions=False)


def seed_policy_groups(fake: FakeWorkspace, **members: Any) -> None:
    """Create the account groups of seeds/policy/groups.csv (members: group -> user emails)."""
    with GROUPS_SEED.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            name = row["group_name"]
            fake.identity.seed_account_group(name, list(members.get(name, [])))
