"""The fixed cost of a run on Databricks (docs/decisions/0041-fixed-cost-of-a-no-op-run.md):
the checks that left the Databricks build still stop bad input there, and a no-op build stays
inside its round-trip budget, counted statement by statement."""

from __future__ import annotations

from tests.harness import GOVERNANCE_KINDS
from tests.support.harnessed import Harnessed

PRIVILEGES = "seeds/vocabulary/privileges.csv"


def test_duplicate_vocabulary_row_stops_the_build_and_nothing_is_applied(harnessed: Harnessed):
    path = harnessed.project / PRIVILEGES
    path.write_text(path.read_text() + "table, select ,false\n")
    run = harnessed.dbt("build")
    assert not run.dbt_success
    assert (
        f"{PRIVILEGES} row [TABLE SELECT] column securable_type, privilege, value 'TABLE SELECT': "
        "2 rows share these values of securable_type, privilege; keep one row per key"
    ) in run.logs
    assert run.texts(*GOVERNANCE_KINDS) == []
    assert harnessed.workspace.find("CATALOG", "production") is None
