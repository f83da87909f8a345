"""Duplicate rows in a seed (policy_violations rule int_rule__duplicate_row): the check the
staging models' unique tests made before they became local-only (docs/decisions/0041)."""

from __future__ import annotations

from tests.support.project import REPO_ROOT

PRIVILEGES = "seeds/vocabulary/privileges.csv"


def test_duplicate_vocabulary_row_stops_before_the_plan(project):
    # the vocabulary files have no pre-hook: 'TABLE,select' is 'TABLE,SELECT' once staged
    path = project.root / PRIVILEGES
    assert (REPO_ROOT / PRIVILEGES).read_text() == path.read_text()
    path.write_text(path.read_text() + "table, select ,false\n")
    assert project.dbt("seed").success
    # `run`: on target local the staging models' own unique tests would fail first
    run = project.dbt("run", "--select", "+policy_violations+")
    run.assert_stopped_by_violations(
        [
            PRIVILEGES,
            "row [TABLE SELECT]",
            "column securable_type, privilege",
            "value 'TABLE SELECT'",
            "2 rows share these values of securable_type, privilege; keep one row per key",
        ]
    )
