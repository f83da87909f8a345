"""The `ucgov` console script that `make install` puts into the venv."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import ucgov

UCGOV = Path(sys.executable).with_name("ucgov")
REPO = Path(__file__).resolve().parents[2]


def run_ucgov(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the installed console script, as a user would."""
    return subprocess.run([str(UCGOV), *args], capture_output=True, text=True, timeout=60, cwd=REPO)


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


COMMANDS = [
    ("settings",),
    ("settings", "validate"),
    ("settings", "plan"),
    ("settings", "apply"),
    ("tokens",),
    ("tokens", "audit"),
    ("groups",),
    ("groups", "sync"),
    ("audit",),
    ("audit", "samples"),
    ("audit", "dashboard"),
]


def test_every_command_has_help() -> None:
    from click.testing import CliRunner
    from ucgov.cli import main

    for command in COMMANDS:
        result = CliRunner().invoke(main, [*command, "--help"])
        assert result.exit_code == 0, (command, result.output)
        assert result.output.startswith(f"Usage: main {' '.join(command)}")
        body = result.output.split("\n\n", 2)[1].strip()
        assert len(body) > 20, (command, body)  # the docstring, not an empty help


def test_no_option_takes_a_secret() -> None:
    result = run_ucgov("--help")
    for word in ("--token", "--password", "--client-secret", "--secret"):
        assert word not in result.stdout


def test_validate_the_shipped_example_with_the_console_script() -> None:
    result = run_ucgov("settings", "validate", "seeds/workspace/workspace_settings.yml")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "seeds/workspace/workspace_settings.yml: valid\n"


def test_a_usage_error_exits_2() -> None:
    result = run_ucgov("settings", "plan")
    assert result.returncode == 2
    assert "Missing argument 'FILE'" in result.stderr
