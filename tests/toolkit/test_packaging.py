"""The `ucgov` wheel holds every module under scripts/ucgov (ucgov.audit included) and works
when installed: built from a clean copy of the files the build reads, with pip's PEP 517 build
(the pinned setuptools of pyproject.toml, as `make install` uses), never in the work tree."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PYTHON = Path(sys.executable)


def _modules_under_scripts() -> set[str]:
    scripts = REPO / "scripts"
    return {
        path.relative_to(scripts).as_posix()
        for path in (scripts / "ucgov").rglob("*.py")
        if "__pycache__" not in path.parts
    }


def _build_wheel(tmp_path: Path) -> Path:
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copyfile(REPO / name, source / name)
    shutil.copytree(
        REPO / "scripts",
        source / "scripts",
        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"),
    )
    dist = tmp_path / "dist"
    subprocess.run(
        [PYTHON, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", dist, source],
        check=True, capture_output=True, text=True, timeout=300, cwd=source,
    )  # fmt: skip
    (wheel,) = dist.glob("*.whl")
    return wheel


def test_the_wheel_holds_every_module_and_installs_a_working_ucgov(tmp_path: Path) -> None:
    wheel = _build_wheel(tmp_path)
    modules = _modules_under_scripts()
    assert {"ucgov/cli.py", "ucgov/audit/samples.py", "ucgov/audit/dashboard.py"} <= modules
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        assert "ucgov = ucgov.cli:main" in archive.read(entry_points).decode()
    packaged = {name for name in names if name.startswith("ucgov/")}
    assert packaged == modules

    # Installed from the wheel alone (not the editable checkout), the audit commands run.
    target = tmp_path / "installed"
    subprocess.run(
        [PYTHON, "-m", "pip", "install", "--no-deps", "--quiet", "--target", target, wheel],
        check=True, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    env = dict(os.environ, PYTHONPATH=str(target))
    probe = "import ucgov.audit.samples as m; print(m.__file__)"
    where = subprocess.run(
        [PYTHON, "-c", probe], check=True, capture_output=True, text=True, env=env, cwd=tmp_path
    )
    assert Path(where.stdout.strip()) == target / "ucgov" / "audit" / "samples.py"
    logs = tmp_path / "logs"
    run = subprocess.run(
        [PYTHON, "-m", "ucgov", "audit", "samples", "--out", logs],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(f"wrote 1534 audit events to {logs}")
