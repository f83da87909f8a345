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


def _audit_models(project) -> set[str]:
    """The audit area's models (disabled on Databricks while audit is off)."""
    return {path.stem for path in project.glob("models/*/audit/*.sql")}


def _area(statement, audit_models: set[str]) -> str:
    node = statement.node_id or ""
    name = node.split(".")[2] if node.count(".") >= 2 else node
    if not node and statement.normalized.startswith("insert overwrite"):
        return "seed rows"  # dbt-databricks loads a seed's rows outside the seed's node
    if node.startswith("list_"):
        return "relation listing"
    if node == "master":
        return "run start"  # dbt runs the on-run-start hooks on its "master" connection
    if node.startswith("seed."):
        return "seeds"
    # audit models, and tests on them or named after the audit (singular tests)
    if "audit" in name or any(model in name for model in audit_models):
        return "audit"
    if node.startswith("test."):
        return "tests"
    return name


def test_no_op_build_round_trips_by_area(harnessed: Harnessed):
    """Every round trip of a no-op build of the demo policy, by area. Expected counts written
    from the breakdown in docs/decisions/0041: a change here is a change of the fixed cost."""
    harnessed.dbt("build").assert_ok()
    run = harnessed.dbt("build").assert_ok()
    assert run.texts(*GOVERNANCE_KINDS) == []
    audit_models = _audit_models(harnessed.project)
    counts: dict[str, int] = {}
    for statement in run.statements:
        if not statement.in_script:
            area = _area(statement, audit_models)
            counts[area] = counts.get(area, 0) + 1
    # the audit area is disabled while uc_governance_audit_source is 'none' (its default here)
    assert "audit" not in counts
    assert counts == {
        # one read: no row filter or column mask on the project's own tables (none here)
        "run start": 1,
        # 13 policy and vocabulary seeds: dbt reloads each on every build
        "seeds": 13,
        "seed rows": 13,
        # show schemas, and the tables of the working schema (dbt's relation cache)
        "relation listing": 2,
        # live state: the managed catalogs that exist, create (the adapter's row-filter read
        # before each table is replaced by the run-start read)
        "stg_uc__privileges": 2,
        "stg_uc__securables": 2,
        "stg_uc__protection_state": 2,
        # create, and the post-hook's read of the violations
        "policy_violations": 2,
        "governance_plan": 1,
        "protection_catalog": 1,
        # the plan read of apply (which also checks the plan's keys); nothing to log, so no
        # insert; the table is kept as is
        "governance_apply_log": 1,
        # is_empty on policy_violations, the safety rail, the drift test (the managed catalogs
        # that exist, the test) and the 2 demo assertions (each: the managed catalogs that
        # exist, whether the runner sees the securable only in part, then the test query).
        # The marts' key and accepted-values tests run on target local only.
        "tests": 2 + 2 + 2 * 3,
    }, counts
    governance = sum(counts.values())
    assert governance == 50
    # no staging view, no intermediate relation, no staging/intermediate data test
    assert not any(name.startswith(("stg_policy", "stg_vocabulary", "int_")) for name in counts)
    assert run.round_trips == governance
