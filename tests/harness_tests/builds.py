"""Shared type for the session-scoped build fixture."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tests.harness import HarnessRun, Workspace


@dataclass
class Built:
    """A workspace after two ``dbt build`` runs of the tiny project."""

    ws: Workspace
    project: Path
    first: HarnessRun
    second: HarnessRun
