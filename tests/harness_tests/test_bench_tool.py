"""`make bench` (tests/tools/bench.py) measures what it claims, on a tiny shape."""

from __future__ import annotations

from pathlib import Path

from tests.tools.bench import (
    SCENARIOS,
    bench_adopted,
    bench_grants_config,
    bench_uc_governance,
    markdown,
)


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


def test_uc_governance_bench_counts_scripts_as_one_round_trip(tmp_path: Path) -> None:
    rows = bench_uc_governance(tmp_path, tables=2, principals=1)
    first, noop, change = rows
    # 2 tables x 1 group: two GRANT SELECT, carried by one script (batch size 'auto')
    assert (first.writes, first.governance_round_trips) == (2, 1)
    assert (noop.writes, noop.governance_round_trips) == (0, 0)
    assert (change.writes, change.governance_round_trips) == (1, 1)  # the added MODIFY
    # the same statements unbatched: one round trip each
    first_unbatched = bench_uc_governance(
        tmp_path / "unbatched", tables=2, principals=1, tool="uc_governance_unbatched"
    )[0]
    assert (first_unbatched.writes, first_unbatched.governance_round_trips) == (2, 2)
    assert first_unbatched.round_trips == first.round_trips + 1


def test_adopted_estate_bench_measures_a_first_plan_with_no_write(tmp_path: Path) -> None:
    (adopted,) = bench_adopted(tmp_path, tables=2, principals=1)
    assert (adopted.tool, adopted.tables, adopted.scenario) == (
        "uc_governance_adopted",
        2,
        "adopted_first_plan",
    )
    # the 2 grants are live already and adopted into the seeds: nothing to send
    assert (adopted.writes, adopted.governance_round_trips) == (0, 0)
    assert adopted.round_trips > 0


def test_a_noop_asked_alone_is_measured_after_an_unrecorded_first_build(tmp_path: Path) -> None:
    (noop,) = bench_uc_governance(tmp_path, tables=2, principals=1, scenarios=("noop",))
    assert noop.scenario == "noop"
    # the 2 grants were made by hand and a first build ran before it: the no-op sends none
    assert (noop.writes, noop.governance_round_trips) == (0, 0)
    assert noop.dbt_object_writes > 0  # a build was measured, not an empty run
