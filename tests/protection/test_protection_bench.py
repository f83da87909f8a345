"""`make bench`'s native protection benchmark (tests/tools/protection_bench.py) measures what it
claims, on one table: the first apply sends every native statement once, the no-op re-run
sends no write, and the local build computes the same plan."""

from __future__ import annotations

from pathlib import Path

from tests.tools.protection_bench import COLUMNS, bench_harness, bench_local, markdown


def test_one_protected_table_first_apply_then_no_op(tmp_path: Path) -> None:
    first, noop = bench_harness(tmp_path, tables=1)
    assert (first.scenario, noop.scenario) == ("first_apply", "noop")
    # 6 mask functions (one per masked column: each rule, type and cleared groups differ) and
    # 1 row filter function; EXECUTE to the cleared groups of 5 of the masks (nobody is cleared
    # for `confidential`) and to the 2 row access groups; 6 SET MASK, 1 SET ROW FILTER and a
    # classification tag on each of the 10 columns
    assert first.writes == 7 + 7 + 6 + 1 + 10
    assert (noop.writes, noop.governance_round_trips) == (0, 0)
    assert noop.reads > 0 and noop.round_trips >= noop.reads


def test_local_compile_and_build_of_one_table(tmp_path: Path) -> None:
    timing = bench_local(tmp_path, tables=1)
    assert timing.classified_columns == len(COLUMNS) == 10
    # the same 31 statements as the harness's first apply, plus creating the bench catalog and
    # its two schemas (step 10: on target local nothing exists yet)
    assert timing.plan_rows == 31 + 3
    assert timing.compile_seconds > 0 and timing.build_seconds > 0
    table = markdown([timing], [], "0 / 0 / 0").splitlines()
    assert table[4].startswith("| 1 | 10 | ")
