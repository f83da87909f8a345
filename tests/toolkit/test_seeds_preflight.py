"""`ucgov seeds check`: the pre-flight check that `make` and pre-commit run before dbt parses the
project. Each kind of broken seed file, as an attacker or a careless editor would make it,
is named with its file, line and value shown escaped; the real command runs in a subprocess."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.project import copy_project

GRANTS_HEADER = "securable_type,securable_name,principal,privilege,allow_all_privileges,reason"


def ucgov_seeds_check(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ucgov", "seeds", "check", "--project-dir", str(project)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("pristine") / "project")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def test_the_shipped_seeds_pass(pristine: Path) -> None:
    result = ucgov_seeds_check(pristine)
    assert (result.returncode, result.stdout, result.stderr) == (0, "seed files: ok\n", "")


def _append_bytes(project: Path, seed: str, data: bytes) -> None:
    path = project / "seeds" / "policy" / f"{seed}.csv"
    path.write_bytes(path.read_bytes() + data)


def _set_header(project: Path, seed: str, header: str, pad: str = "") -> None:
    path = project / "seeds" / "policy" / f"{seed}.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([header, *(line + pad for line in lines[1:])]) + "\n")


# Each case: how to break the project, and the exact lines expected on stderr (written by hand).
# grants.csv ships 35 data rows (an appended row is line 37), groups.csv 11 (line 13).
CASES = {
    "empty file": (
        lambda p: (p / "seeds/policy/grants.csv").write_bytes(b""),
        [f"seeds/policy/grants.csv: is empty (0 bytes); it needs the header {GRANTS_HEADER}"],
    ),
    "not UTF-8 (Latin-1 e acute)": (
        lambda p: _append_bytes(p, "groups", b"caf\xe9-team,x,x,\n"),
        [
            "seeds/policy/groups.csv line 13: is not UTF-8: byte 0xe9 at column 4 cannot be "
            "decoded; save the file as UTF-8"
        ],
    ),
    "row with more fields than the header": (
        lambda p: _append_bytes(
            p, "grants", b"SCHEMA,production.etl,data-engineers,SELECT,false,x,DROP TABLE t\n"
        ),
        [
            "seeds/policy/grants.csv line 37: has 7 fields, the header names 6; extra field(s) "
            "'DROP TABLE t'"
        ],
    ),
    "row with fewer fields than the header": (
        lambda p: _append_bytes(p, "grants", b"SCHEMA,production.etl,data-engineers\n"),
        ["seeds/policy/grants.csv line 37: has 3 fields, the header names 6"],
    ),
    "SQL in an extra header cell": (
        lambda p: _set_header(p, "grants", GRANTS_HEADER + ',"x int); drop catalog c; --"', ","),
        [
            "seeds/policy/grants.csv line 1: header: unexpected column(s) "
            f"'x int); drop catalog c; --'; the columns are {GRANTS_HEADER.replace(',', ', ')}"
        ],
    ),
    "zero-width space in a header cell": (
        lambda p: _set_header(p, "grants", GRANTS_HEADER.replace("principal", "princ\u200bipal")),
        [
            "seeds/policy/grants.csv line 1: header: missing column(s) principal",
            "seeds/policy/grants.csv line 1: header: unexpected column(s) 'princ\\u200bipal'; "
            f"the columns are {GRANTS_HEADER.replace(',', ', ')}",
        ],
    ),
    "repeated header cell": (
        lambda p: _set_header(p, "grants", GRANTS_HEADER + ",reason", ","),
        ["seeds/policy/grants.csv line 1: header: repeated column(s) 'reason'"],
    ),
    "byte order mark": (
        lambda p: (p / "seeds/policy/groups.csv").write_bytes(
            b"\xef\xbb\xbf" + (p / "seeds/policy/groups.csv").read_bytes()
        ),
        ["seeds/policy/groups.csv line 1: starts with a byte order mark (\\ufeff); remove it"],
    ),
    "unterminated quote": (
        lambda p: _append_bytes(p, "grants", b'SCHEMA,production.etl,"data-engineers,SELECT\n'),
        ["seeds/policy/grants.csv line 37: is not valid CSV from here: unexpected end of data"],
    ),
    "a CSV nobody declared": (
        lambda p: (p / "seeds/policy/extra.csv").write_text("a,b\n1,2\n"),
        ["seeds/policy/extra.csv: is not declared in a _*.yml beside it"],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_broken_file_is_named_with_line_and_escaped_value(project: Path, case: str) -> None:
    breaks, expected = CASES[case]
    breaks(project)
    result = ucgov_seeds_check(project)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        *(f"error: {line}" for line in expected),
        f"error: {len(expected)} problem(s) in the seed files; nothing was loaded or applied",
    ]
