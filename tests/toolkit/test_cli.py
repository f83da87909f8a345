"""The `ucgov` console script that `make install` puts into the venv."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import ucgov

UCGOV = Path(sys.executable).with_name("ucgov")


def run_ucgov(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the installed console script, as a user would."""
    return subprocess.run([str(UCGOV), *args], capture_output=True, text=True, timeout=60)


def test_console_script_is_installed_into_the_venv() -> None:
    assert UCGOV.is_file(), f"{UCGOV} missing: `make install` installs the package"


def test_version_prints_the_package_version() -> None:
    result = run_ucgov("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"ucgov, version {ucgov.__version__}"


def test_help_describes_the_toolkit() -> None:
    result = run_ucgov("--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Usage: ucgov")
    assert "no secret" in result.stdout and "--version" in result.stdout
