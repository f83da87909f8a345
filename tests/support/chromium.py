"""Headless Chromium (Debian's `chromium` package) for tests that look at rendered pages.

`make test` installs the package when /usr/bin/chromium is missing. The browser runs with no
network access to anything but the local file it is given, and a timeout.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

FLAGS = (
    "--headless",
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox cannot start
    "--disable-gpu",
    "--hide-scrollbars",
    "--no-first-run",
    "--disable-extensions",
    "--disable-background-networking",
)


def chromium_binary() -> str:
    """Path of the chromium executable; a clear failure when it is not installed."""
    found = shutil.which("chromium") or (
        "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
    )
    if not found:
        raise AssertionError(
            "chromium is not installed: run `make chromium` (apt-get install -y chromium)"
        )
    return found


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [chromium_binary(), *FLAGS, *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


def dump_dom(page: Path) -> str:
    """The DOM of a local page after Chromium rendered it."""
    return _run("--dump-dom", page.resolve().as_uri()).stdout


def screenshot(page: Path, out: Path, width: int = 1400, height: int = 1000) -> Path:
    """A PNG screenshot of a local page."""
    out.parent.mkdir(parents=True, exist_ok=True)
    _run(
        f"--screenshot={out.resolve()}", f"--window-size={width},{height}", page.resolve().as_uri()
    )
    return out
