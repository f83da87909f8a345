"""What the runner cannot see (issue 6): a runner that is not the metastore admin sees, in the
information_schema privilege views, every grant only on what it owns (directly or through a
group, itself or a parent); elsewhere only its own grants and its groups'
(tests/harness/authz.py, docs/decisions/0043-partial-view.md). The plan marks such securables
`partial_view`, sends their declared grants, and revokes nothing there unless
`uc_governance_revoke_on_partial_view` is true. Expected statements are written by hand from the
demo policy (seeds/policy/)."""

from __future__ import annotations

from pathlib import Path

from tests.harness import GOVERNANCE_KINDS, Workspace, WorkspaceOptions
from tests.support.demo_plan import FIRST_APPLY
from tests.support.harnessed import RUNNER, Harnessed
from tests.support.project import append_seed_lines

NOT_ADMIN = WorkspaceOptions(metastore_owner="metastore-admins")
REVOKE_ON_PARTIAL = ("--vars", "{uc_governance_revoke_on_partial_view: true}")
# The demo's principal_has_privilege / principal_lacks_privilege tests read information_schema
# too and cannot see other principals' grants on a partial securable (0043, "Limits").
BUILD = (
    "build",
    "--exclude",
    "test_name:principal_has_privilege",
    "test_name:principal_lacks_privilege",
)


def governance(run) -> list[str]:
    """The governance statements a run sent, whitespace-normalized, in order."""
    return run.texts(*GOVERNANCE_KINDS)


def non_admin(root: Path, *groups: str) -> Harnessed:
    """The demo project on a workspace whose metastore admin is a group the runner is not in;
    the runner is a member of `groups`."""
    harnessed = Harnessed(root, options=NOT_ADMIN)
    harnessed.workspace.add_group("metastore-admins", members=["someone-else@example.com"])
    for group in groups:
        harnessed.workspace.add_members(group, [RUNNER])
    return harnessed


def plan_rows(harnessed: Harnessed, action: str) -> list[tuple[str, str, str | None, str]]:
    """(securable_type, securable_name, principal, reason) of one action's plan rows, sorted."""
    rows = harnessed.workspace.query(
        "select securable_type, securable_name, principal, reason"
        " from main.uc_governance.governance_plan"
        f" where action = '{action}' order by securable_name, principal"
    )
    return [(r["securable_type"], r["securable_name"], r["principal"], r["reason"]) for r in rows]


# --------------------------------------------------------------- the harness's authorization model


def _privilege_rows(ws: Workspace, view: str) -> set[tuple[str, str]]:
    return {
        (r["grantee"], r["privilege_type"])
        for r in ws.query(f"select grantee, privilege_type from sales.information_schema.{view}")
    }


def _sales(options: WorkspaceOptions) -> Workspace:
    ws = Workspace(RUNNER, options=options)
    ws.add_group("readers")
    ws.add_group("writers")
    ws.add_catalog("sales", owner="writers")
    ws.add_schema("sales.raw", owner="writers")
    ws.grant("CATALOG", "sales", "readers", ["USE CATALOG", "SELECT"])
    ws.grant("SCHEMA", "sales.raw", "writers", ["USE SCHEMA", "MODIFY"])
    return ws


def test_metastore_admin_sees_every_grant_by_default():
    ws = _sales(WorkspaceOptions())
    assert ws.query("select metastore_owner from system.information_schema.metastores") == [
        {"metastore_owner": RUNNER}
    ]
    assert _privilege_rows(ws, "schema_privileges") == {
        ("readers", "SELECT"),  # inherited from the catalog
        ("writers", "USE_SCHEMA"),
        ("writers", "MODIFY"),
    }


def test_non_admin_sees_only_its_own_and_its_groups_grants():
    ws = _sales(NOT_ADMIN)
    assert ws.query("select metastore_owner from system.information_schema.metastores") == [
        {"metastore_owner": "metastore-admins"}
    ]
    assert _privilege_rows(ws, "catalog_privileges") == set()
    ws.add_members("readers", [RUNNER])
    assert _privilege_rows(ws, "catalog_privileges") == {
        ("readers", "USE_CATALOG"),
        ("readers", "SELECT"),
    }
    assert _privilege_rows(ws, "schema_privileges") == {("readers", "SELECT")}


def test_manage_is_not_enough_to_see_every_grant():
    # docs: "users with the MANAGE privilege on an object cannot view all grants for that
    # object in the INFORMATION_SCHEMA" (information_schema TABLE_PRIVILEGES page)
    ws = _sales(NOT_ADMIN)
    ws.grant("SCHEMA", "sales.raw", RUNNER, ["MANAGE"])
    assert _privilege_rows(ws, "schema_privileges") == {(RUNNER, "MANAGE")}


def test_owner_of_a_parent_sees_every_grant_below_it():
    ws = _sales(NOT_ADMIN)
    ws.add_members("writers", [RUNNER])  # writers own the catalog and the schema
    assert _privilege_rows(ws, "schema_privileges") == {
        ("readers", "SELECT"),
        ("writers", "USE_SCHEMA"),
        ("writers", "MODIFY"),
    }
    ws.set_owner("SCHEMA", "sales.raw", "readers")  # still owner of the catalog above it
    assert len(_privilege_rows(ws, "schema_privileges")) == 3


def test_an_account_group_member_test_takes_a_column():
    ws = _sales(NOT_ADMIN)
    ws.add_members("writers", [RUNNER])
    rows = ws.query(
        "select catalog_name, is_account_group_member(catalog_owner) as mine"
        " from system.information_schema.catalogs where catalog_name in ('main', 'sales')"
        " order by catalog_name"
    )
    assert rows == [
        {"catalog_name": "main", "mine": False},  # owned by the runner itself, not a group
        {"catalog_name": "sales", "mine": True},
    ]


# --------------------------------------------------------------- the project on that model


def test_non_admin_runner_in_the_owner_group_sees_everything_and_revokes(tmp_path):
    harnessed = non_admin(tmp_path, "data-admins")
    assert governance(harnessed.dbt("build").assert_ok()) == FIRST_APPLY
    harnessed.workspace.grant("SCHEMA", "production.sensitive_data", "data-scientists", "SELECT")

    run = harnessed.dbt("build").assert_ok()
    assert governance(run) == [
        "REVOKE SELECT ON SCHEMA `production`.`sensitive_data` FROM `data-scientists`"
    ]
    assert plan_rows(harnessed, "partial_view") == []
    assert "partial view" not in run.logs
    assert governance(harnessed.dbt("build").assert_ok()) == []


# information_schema lists a securable only to a caller with a privilege on it or a parent
# (BROWSE the least; tests/harness/authz.py). Once the first apply hands production and three of
# its schemas to data-admins, a runner in security-team only would no longer list those schemas
# (USE CATALOG does not list them) and would take them as missing. A platform team running
# uc_governance as a non-admin declares BROWSE on each managed catalog for the runner's group
# (docs/decisions/0043, "BROWSE"), as this policy row does; the grant lands at step 40, before
# the owner changes of step 70.
RUNNER_BROWSE_ROW = (
    "CATALOG,production,security-team,BROWSE,false,the runner's group lists the managed catalog"
)
FIRST_APPLY_WITH_BROWSE = [
    "GRANT BROWSE, USE CATALOG ON CATALOG `production` TO `security-team`"
    if s == "GRANT USE CATALOG ON CATALOG `production` TO `security-team`"
    else s
    for s in FIRST_APPLY
]


# Declared grants on production, production.etl and production.analytics that a runner in
# security-team only cannot see: sent again. It sees security-team's own grants and every grant
# on production.security (it owns that schema through security-team).
_UNSEEN_DECLARED_GRANTS = [
    s
    for s in FIRST_APPLY_WITH_BROWSE
    if s.startswith("GRANT ")
    and not s.endswith(" TO `security-team`")
    and "`production`.`security`" not in s
]
_PARTIAL = [
    ("CATALOG", "production"),
    ("SCHEMA", "production.analytics"),
    ("SCHEMA", "production.etl"),
    ("SCHEMA", "production.sensitive_data"),
]


def _runner_owning_only_the_security_schema(root: Path) -> Harnessed:
    """Non-admin runner in security-team (owner of production.security, BROWSE on production
    by policy), not in data-admins (owner of the catalog and the other schemas), holding MANAGE
    on production.sensitive_data; first apply done, then out-of-band grants: one it cannot
    see, one on the schema it owns, one to its own group."""
    harnessed = non_admin(root, "security-team")
    append_seed_lines(harnessed.project, "grants", RUNNER_BROWSE_ROW)
    assert governance(harnessed.dbt(*BUILD).assert_ok()) == FIRST_APPLY_WITH_BROWSE
    ws = harnessed.workspace
    ws.grant("SCHEMA", "production.sensitive_data", RUNNER, "MANAGE")
    ws.grant("SCHEMA", "production.sensitive_data", "data-scientists", "SELECT")  # unseen
    ws.grant("SCHEMA", "production.security", "data-scientists", "SELECT")  # seen: owner
    ws.grant("CATALOG", "production", "security-team", "CREATE SCHEMA")  # seen: its group's
    return harnessed


def test_partial_view_gets_an_info_row_and_no_revoke(tmp_path):
    harnessed = _runner_owning_only_the_security_schema(tmp_path)

    run = harnessed.dbt(*BUILD).assert_ok()
    sent = governance(run)
    assert sent[0] == "REVOKE SELECT ON SCHEMA `production`.`security` FROM `data-scientists`"
    assert sorted(sent[1:]) == sorted(_UNSEEN_DECLARED_GRANTS)
    assert run.statements_of("revoke") and len(run.statements_of("revoke")) == 1

    partial = plan_rows(harnessed, "partial_view")
    assert [(t, n) for t, n, _, _ in partial] == _PARTIAL
    for _, _, principal, reason in partial:
        assert principal is None
        assert "undeclared grants are not revoked" in reason
    for securable_type, name in _PARTIAL:
        assert (
            f"uc_governance plan: partial view of the grants on {securable_type} {name}: "
            "the runner is neither metastore admin nor owner of it or of a parent; "
            "no revoke is planned there (uc_governance_revoke_on_partial_view is false)"
        ) in run.logs
    # the visible undeclared grant on a partial securable is kept, and says why
    keeps = {(t, n, p): reason for t, n, p, reason in plan_rows(harnessed, "keep")}
    assert keeps[("CATALOG", "production", "security-team")] == (
        "not declared, but never revoked: the runner sees only part of the grants here "
        "(uc_governance_revoke_on_partial_view is false)"
    )
    assert keeps[("SCHEMA", "production.sensitive_data", RUNNER)] == (
        "not declared, but never revoked: protected principal"
    )
    # what it could not see stays, and so does what it chose not to revoke
    assert ("data-scientists", "SELECT") in harnessed.grants("SCHEMA", "production.sensitive_data")
    assert ("security-team", "CREATE SCHEMA") in harnessed.grants("CATALOG", "production")
    assert ("data-scientists", "SELECT") not in harnessed.grants("SCHEMA", "production.security")

    # the next run sends the unseen declared grants again (idempotent) and revokes nothing
    again = harnessed.dbt(*BUILD).assert_ok()
    assert sorted(governance(again)) == sorted(_UNSEEN_DECLARED_GRANTS)


def test_revoke_on_partial_view_revokes_what_the_runner_can_see(tmp_path):
    harnessed = _runner_owning_only_the_security_schema(tmp_path)

    run = harnessed.dbt(*BUILD, *REVOKE_ON_PARTIAL).assert_ok()
    assert sorted(governance(run)[:2]) == [
        "REVOKE CREATE SCHEMA ON CATALOG `production` FROM `security-team`",
        "REVOKE SELECT ON SCHEMA `production`.`security` FROM `data-scientists`",
    ]
    assert sorted(governance(run)[2:]) == sorted(_UNSEEN_DECLARED_GRANTS)
    partial = plan_rows(harnessed, "partial_view")
    assert [(t, n) for t, n, _, _ in partial] == _PARTIAL
    revoking = "are revoked (uc_governance_revoke_on_partial_view is true)"
    assert all(revoking in reason for _, _, _, reason in partial)
    assert "no revoke is planned there" not in run.logs
    # an undeclared grant the runner cannot see is still not revoked: the limit of the view
    assert ("data-scientists", "SELECT") in harnessed.grants("SCHEMA", "production.sensitive_data")
    assert ("security-team", "CREATE SCHEMA") not in harnessed.grants("CATALOG", "production")
    # the declared BROWSE that keeps the schemas listed stays
    assert ("security-team", "BROWSE") in harnessed.grants("CATALOG", "production")
    # the runner's own MANAGE is protected whatever the setting
    assert (RUNNER, "MANAGE") in harnessed.grants("SCHEMA", "production.sensitive_data")


def test_revoke_on_partial_view_must_be_a_boolean(tmp_path):
    harnessed = non_admin(tmp_path)
    run = harnessed.dbt("build", "--vars", "{uc_governance_revoke_on_partial_view: 'yes'}")
    assert not run.dbt_success
    assert (
        "uc_governance: var uc_governance_revoke_on_partial_view must be true or false; "
        "got 'yes'. Nothing was applied."
    ) in run.logs
    assert governance(run) == []
