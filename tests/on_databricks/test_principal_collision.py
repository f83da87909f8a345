"""On Databricks, where the unique test on int_access__declared_principals.principal_key no
longer runs (docs/decisions/0041), a group named like a declared service principal's
application id still stops the build (rule int_rule__principal_collision) before anything is
applied. Expected message written from the rule's reading of Unity Catalog: application ids
match without regard to case, group names exactly."""

from __future__ import annotations

from tests.harness import GOVERNANCE_KINDS
from tests.support.harnessed import Harnessed
from tests.support.project import append_seed_lines

GROUPS = "seeds/policy/groups.csv"
SERVICE_PRINCIPALS = "seeds/policy/service_principals.csv"
# production-etl-pipeline in the shipped service_principals.csv
APPLICATION_ID = "6f1c9a52-2b1e-4c3d-9a7e-5d2f1b0c8e47"
UPPER = APPLICATION_ID.upper()
# Cyrillic small e (U+0435) in place of the Latin `e` that ends the fourth group
LOOKALIKE = "6f1c9a52-2b1e-4c3d-9a7\u0435-5d2f1b0c8e47"


def test_group_named_like_an_application_id_stops_the_build(harnessed: Harnessed):
    append_seed_lines(harnessed.project, "groups", f"{UPPER},x,x,", f"{LOOKALIKE},x,x,")
    # the lookalike exists in the account, as SCIM would have provisioned it (the harness's
    # account refuses a group under the upper-cased id: its principal names are one namespace)
    harnessed.workspace.add_group(LOOKALIKE)
    run = harnessed.dbt("build")
    assert not run.dbt_success
    # stopped by the rule, not by a statement the warehouse could not run
    assert run.unanswered == [] and run.grammar_errors == []
    for fragment in [
        "the policy seeds have 2 violation(s); nothing was applied",
        f"{GROUPS} row [{UPPER}] column group_name, value '{UPPER}': is also the application id "
        f"of service principal production-etl-pipeline ({SERVICE_PRINCIPALS} row "
        f"[{APPLICATION_ID}]); Unity Catalog matches application ids without regard to case, "
        "so a grant to this name could reach either principal: rename the group "
        "(rule principal_collision)",
        f"{GROUPS} row [{LOOKALIKE}] column group_name, value '{LOOKALIKE}': differs in only 1 "
        "character(s) from the application id of service principal production-etl-pipeline "
        f"({SERVICE_PRINCIPALS} row [{APPLICATION_ID}])",
        "(rule principal_lookalike)",
    ]:
        assert fragment in run.logs, f"{fragment!r} missing from:\n{run.logs[-4000:]}"
    assert run.texts(*GOVERNANCE_KINDS) == []
    assert harnessed.workspace.find("CATALOG", "production") is None
