"""Pre-flight check of the seed files, before dbt parses the project (`ucgov seeds check`).

dbt reads a seed CSV only when it loads it, and some faults end there in a traceback or an
obscure message: a file that is not UTF-8, an empty (0-byte) file, a row with more fields than
the header names, a header cell that is not a declared column (it would become a column name
in the seed's CREATE TABLE). This check reads every CSV under ``seeds/policy`` and
``seeds/vocabulary`` with the standard library only and reports each fault with the file, the
line and the value shown escaped (``\\u200b`` for a zero-width space), so the reader sees
what is there. The declared columns of each seed come from the ``_*.yml`` beside it. Nothing
is loaded, sent or changed. `make` targets and pre-commit run it before dbt.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import click
import yaml

SEED_FOLDERS = ("seeds/policy", "seeds/vocabulary")
BOM = "\ufeff"


@dataclass(frozen=True)
class Problem:
    """One fault in one seed file: where it is and what is wrong."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f" line {self.line}" if self.line is not None else ""
        return f"{self.path}{where}: {self.message}"


def shown(value: str) -> str:
    """``value`` quoted, each character that does not print escaped (``'a\\u200bb'``)."""
    return "'" + "".join(c if c.isprintable() else _escape(c) for c in value) + "'"


def _escape(character: str) -> str:
    return character.encode("unicode_escape").decode("ascii")


def declared_columns(folder: Path) -> dict[str, list[str]]:
    """Seed name -> declared column names, from the ``_*.yml`` files of ``folder``."""
    declared: dict[str, list[str]] = {}
    for properties in sorted(folder.glob("_*.yml")):
        document = yaml.safe_load(properties.read_text(encoding="utf-8")) or {}
        for seed in document.get("seeds") or []:
            declared[seed["name"]] = [column["name"] for column in seed.get("columns") or []]
    return declared


def check_file(path: Path, columns: list[str] | None, shown_path: str) -> list[Problem]:
    """Every fault of one seed CSV (``columns``: its declared columns, None if undeclared)."""
    if columns is None:
        return [Problem(shown_path, None, "is not declared in a _*.yml beside it")]
    raw = path.read_bytes()
    if not raw:
        return [
            Problem(
                shown_path, None, "is empty (0 bytes); it needs the header " + ",".join(columns)
            )
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        byte = raw[error.start : error.start + 1].hex()
        return [
            Problem(
                shown_path,
                line,
                f"is not UTF-8: byte 0x{byte} at column {column} cannot be decoded;"
                " save the file as UTF-8",
            )
        ]
    if text.startswith(BOM):
        return [Problem(shown_path, 1, "starts with a byte order mark (\\ufeff); remove it")]
    return _check_rows(text, columns, shown_path)


def _check_rows(text: str, columns: list[str], shown_path: str) -> list[Problem]:
    problems: list[Problem] = []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    start = 1
    try:
        for record in reader:
            line, start = start, reader.line_num + 1
            if line == 1:
                header = record
                problems += _check_header(header, columns, shown_path)
                continue
            if not record:
                continue  # a blank line: dbt skips it
            if len(record) > len(header):
                problems.append(
                    Problem(
                        shown_path,
                        line,
                        f"has {len(record)} fields, the header names {len(header)}; extra "
                        f"field(s) {', '.join(shown(v) for v in record[len(header) :])}",
                    )
                )
            elif len(record) < len(header):
                problems.append(
                    Problem(
                        shown_path,
                        line,
                        f"has {len(record)} fields, the header names {len(header)}",
                    )
                )
    except csv.Error as error:
        # `start`: the line the broken record begins on (an unclosed quote runs to the end)
        problems.append(Problem(shown_path, start, f"is not valid CSV from here: {error}"))
    return problems


def _check_header(header: list[str], columns: list[str], shown_path: str) -> list[Problem]:
    problems = []
    missing = [c for c in columns if c not in header]
    unexpected = [c for c in header if c not in columns]
    repeated = sorted({c for c in header if header.count(c) > 1})
    if missing:
        problems.append(Problem(shown_path, 1, "header: missing column(s) " + ", ".join(missing)))
    if unexpected:
        problems.append(
            Problem(
                shown_path,
                1,
                "header: unexpected column(s) "
                + ", ".join(shown(c) for c in unexpected)
                + "; the columns are "
                + ", ".join(columns),
            )
        )
    if repeated:
        problems.append(
            Problem(shown_path, 1, "header: repeated column(s) " + ", ".join(map(shown, repeated)))
        )
    return problems


def check_seeds(project_dir: Path) -> list[Problem]:
    """Every fault of every seed CSV under the policy and vocabulary folders of a project."""
    problems: list[Problem] = []
    for folder_name in SEED_FOLDERS:
        folder = project_dir / folder_name
        declared = declared_columns(folder)
        for path in sorted(folder.glob("*.csv")):
            shown_path = f"{folder_name}/{path.name}"
            problems += check_file(path, declared.get(path.stem), shown_path)
    return problems


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def seeds() -> None:
    """The dbt project's seed files (policy and vocabulary CSVs)."""


@seeds.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--project-dir",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=Path("."),
    show_default=True,
    help="The dbt project (holds seeds/policy and seeds/vocabulary).",
)
def check(project_dir: Path) -> None:
    """Check every seed CSV before dbt parses it: UTF-8, not empty, header equal to the declared
    columns, no row with more or fewer fields than the header. Prints one line per fault
    (file, line, value escaped) and exits 2 if there is any, 0 otherwise. Sends nothing."""
    problems = check_seeds(project_dir)
    for problem in problems:
        click.echo(f"error: {problem}", err=True)
    if problems:
        click.echo(
            f"error: {len(problems)} problem(s) in the seed files; nothing was loaded or applied",
            err=True,
        )
        raise SystemExit(2)
    click.echo("seed files: ok")
