"""`make bench` (tests/tools/bench.py) measures what it claims, on a tiny shape."""

from __future__ import annotations

from pathlib import Path

from tests.tools.bench import SCENARIOS, bench_grants_config, markdown


def test_grants_config_bench_counts_grants_and_dbt_writes(tmp_path: Path) -> None:
    rows = bench_grants_config(tmp_path, tables=2, principals=1)
    assert [(r.tool, r.tables, r.principals, r.scenario) for r in rows] == [
        ("dbt_grants_config", 2, 1, scenario) for scenario in SCENARIOS
    ]
    first, noop, change = rows
    # first apply: one GRANT per table and principal; CREATE TABLE x2 and CREATE SCHEMA
    assert (first.writes, first.dbt_object_writes) == (2, 3)
    assert noop.writes == 0  # grants already held: dbt-databricks sends none
    assert change.writes == 1  # the one MODIFY added to the first model
    table = markdown(rows).splitlines()
    assert len(table) == 2 + len(SCENARIOS)
    assert table[2].startswith("| dbt_grants_config | 2 | 1 | first_apply | ")
