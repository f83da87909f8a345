"""A group named like a declared service principal's application id (policy_violations rule
int_rule__principal_collision): the case the unique test on
int_access__declared_principals.principal_key caught before it became local-only
(docs/decisions/0041). Expected messages written from the rule's reading of Unity Catalog:
application ids match without regard to case, group names exactly."""

from __future__ import annotations

from tests.support.project import append_seed_lines

GROUPS = "seeds/policy/groups.csv"
SERVICE_PRINCIPALS = "seeds/policy/service_principals.csv"
# production-etl-pipeline in the shipped service_principals.csv
APPLICATION_ID = "6f1c9a52-2b1e-4c3d-9a7e-5d2f1b0c8e47"
# The same id upper-cased: another group name to Unity Catalog, the same service principal.
UPPER = APPLICATION_ID.upper()
# Cyrillic small a (U+0430) in place of the first Latin `a`, and a Unicode hyphen (U+2010)
# in place of the last `-`: printable, so the seed pre-hook lets them through.
LOOKALIKE = "6f1c9\u043052-2b1e-4c3d-9a7e\u20105d2f1b0c8e47"


def test_group_named_like_an_application_id_stops_before_the_plan(project):
    append_seed_lines(project.root, "groups", f"{UPPER},x,x,", f"{LOOKALIKE},x,x,")
    assert project.dbt("seed").success
    # `run`: on target local the unique test on principal_key would fail first
    run = project.dbt("run", "--select", "+policy_violations+")
    expected = [
        f"{GROUPS} row [{UPPER}] column group_name, value '{UPPER}': is also the application id "
        f"of service principal production-etl-pipeline ({SERVICE_PRINCIPALS} row "
        f"[{APPLICATION_ID}]); Unity Catalog matches application ids without regard to case, "
        "so a grant to this name could reach either principal: rename the group "
        "(rule principal_collision)",
        f"{GROUPS} row [{LOOKALIKE}] column group_name, value '{LOOKALIKE}': differs in only 2 "
        "character(s) from the application id of service principal production-etl-pipeline "
        f"({SERVICE_PRINCIPALS} row [{APPLICATION_ID}]); a reader of grants cannot tell them "
        "apart: rename the group (rule principal_lookalike)",
        # exactly these two: no other group of the demo is near an application id
        "the policy seeds have 2 violation(s)",
    ]
    run.assert_stopped_by_violations(expected)


def test_spaced_or_invisible_application_id_is_refused_by_the_seed_pre_hook(project):
    # CSV quoting keeps the spaces; U+200B is a zero-width space after the id
    append_seed_lines(
        project.root, "groups", f'" {APPLICATION_ID}",x,x,', f"{APPLICATION_ID}\u200b,x,x,"
    )
    run = project.dbt("seed", "--select", "groups")
    assert not run.success
    for fragment in [
        f"{GROUPS} line 13, column group_name, value ' {APPLICATION_ID}': has leading or "
        "trailing spaces",
        f"{GROUPS} line 14, column group_name, value '{APPLICATION_ID}\\u200b': contains an "
        "invisible or direction-changing character",
        "nothing was loaded or applied",
    ]:
        assert fragment in run.text, f"{fragment!r} missing from:\n{run.text}"
