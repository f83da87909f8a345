"""Adopt an existing workspace: write policy seed files that describe the live grants, owners
and securables of named catalogs as they are.

`python -m ucgov.adopt --catalogs sales,finance` (or `make adopt CATALOGS=sales,finance`) runs
the dbt operation `adopt_policy` on the Databricks target, reads the rows it logs and writes
groups.csv, service_principals.csv, securables.csv and grants.csv (sorted, stable, every row's
reason 'adopted') into the output directory (default seeds/policy/, overwritten: review the diff
before committing). The next plan on that workspace is empty. With `--metastore` (make adopt
METASTORE=true) the metastore-level securables (the metastore, external locations, storage and
service credentials, connections) and their grants are adopted too (docs/decisions/0042).
"""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import click

# Column order of each policy seed (the files in seeds/policy/) and the columns rows sort by.
SEED_COLUMNS: dict[str, tuple[str, ...]] = {
    "groups": ("group_name", "description", "purpose", "idp_group"),
    "service_principals": ("display_name", "application_id", "description", "purpose"),
    "securables": ("securable_type", "securable_name", "owner", "comment", "managed_location"),
    "grants": (
        "securable_type",
        "securable_name",
        "principal",
        "privilege",
        "allow_all_privileges",
        "reason",
    ),
}
SORT_KEYS: dict[str, tuple[str, ...]] = {
    "groups": ("group_name",),
    "service_principals": ("application_id",),
    "securables": ("securable_name", "securable_type"),
    "grants": ("securable_name", "securable_type", "principal", "privilege"),
}
_LINE = re.compile(r"uc_governance adopt (\{.*\})\s*$")


class AdoptError(Exception):
    """The adopt operation's output could not be turned into seed files."""


def parse_adopt_log(text: str) -> dict[str, list[dict[str, str]]]:
    """The seed rows that the `adopt_policy` operation logged, per seed file, deduplicated."""
    rows: dict[str, dict[tuple[str, ...], dict[str, str]]] = {name: {} for name in SEED_COLUMNS}
    for number, line in enumerate(text.splitlines(), start=1):
        match = _LINE.search(line)
        if not match:
            continue
        try:
            item = json.loads(match.group(1))
            file, row = item["file"], item["row"]
            columns = SEED_COLUMNS[file]
            values = {column: str(row[column]) for column in columns}
        except (ValueError, KeyError, TypeError) as error:
            raise AdoptError(f"adopt output line {number} is not a seed row: {line!r}") from error
        rows[file][tuple(values[c] for c in columns)] = values
    return {name: list(found.values()) for name, found in rows.items()}


def write_seeds(rows: dict[str, list[dict[str, str]]], out_dir: Path) -> dict[str, int]:
    """Write one CSV per seed into `out_dir`, rows sorted by their key; returns rows per file."""
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name, columns in SEED_COLUMNS.items():
        ordered = sorted(rows.get(name, []), key=lambda r: tuple(r[k] for k in SORT_KEYS[name]))
        with (out_dir / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
            writer.writeheader()
            writer.writerows(ordered)
        counts[name] = len(ordered)
    return counts


def run_adopt_operation(
    catalogs: Iterable[str], dbt: str, target: str, *, metastore: bool = False
) -> str:
    """Run `dbt run-operation adopt_policy` and return its output (raises if dbt fails);
    `metastore` adopts the metastore-level securables too."""
    args = json.dumps({"catalogs": list(catalogs), "metastore": metastore})
    command = [dbt, "run-operation", "adopt_policy", "--args", args, "--target", target]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.stderr.write(done.stdout[-4000:] + done.stderr[-4000:])
        raise AdoptError(f"dbt run-operation adopt_policy failed (exit {done.returncode})")
    return done.stdout


@click.command()
@click.option("--catalogs", default="", help="Comma-separated catalog names to adopt.")
@click.option(
    "--metastore/--no-metastore",
    default=False,
    show_default=True,
    help="Also adopt the metastore, external locations, credentials and connections.",
)
@click.option(
    "--out-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("seeds/policy"),
    show_default=True,
    help="Where the seed files are written (overwritten).",
)
@click.option("--dbt", default="dbt", show_default=True, help="The dbt executable.")
@click.option("--target", default="databricks", show_default=True, help="The dbt target.")
def main(catalogs: str, metastore: bool, out_dir: Path, dbt: str, target: str) -> None:
    """Write policy seeds describing the named catalogs' live grants, owners and securables
    (and, with --metastore, those of the metastore-level securables)."""
    names = [name.strip() for name in catalogs.split(",") if name.strip()]
    if not names and not metastore:
        raise click.UsageError("--catalogs names no catalog (or pass --metastore)")
    try:
        output = run_adopt_operation(names, dbt, target, metastore=metastore)
        counts = write_seeds(parse_adopt_log(output), out_dir)
    except AdoptError as error:
        raise click.ClickException(str(error)) from error
    for name, count in counts.items():
        click.echo(f"{out_dir / (name + '.csv')}: {count} row(s) adopted")


if __name__ == "__main__":
    main()
