"""Audit-log test support: point a project copy at a folder of sample logs."""

from __future__ import annotations

import json
from pathlib import Path


def audit_vars(log_path: Path, **extra: object) -> str:
    """--vars JSON pointing the project at `log_path`, with any other var in `extra`."""
    return json.dumps({"uc_governance_audit_log_path": str(log_path), **extra})
