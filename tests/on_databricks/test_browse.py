"""What a runner with only BROWSE sees (issue 6; tests/harness/authz.py, docs/decisions/0043):
information_schema lists only the objects the caller has a privilege on, BROWSE being the least
that shows an object's metadata (SQL reference, "Information schema": results are filtered "to
include only the objects you have Unity Catalog privileges to access"; "Explore database
objects": BROWSE to view an object's metadata). The privilege views still show such a caller
only its own grants. The plan marks every securable it sees that way `partial_view` and revokes
nothing there. Expected rows and statements are written by hand from the demo policy."""

from __future__ import annotations

from tests.harness import GOVERNANCE_KINDS, Workspace, WorkspaceOptions
from tests.support.demo_plan import FIRST_APPLY
from tests.support.harnessed import RUNNER, Harnessed

NOT_ADMIN = WorkspaceOptions(metastore_owner="metastore-admins", list_visible_only=True)
SCHEMAS = ("analytics", "etl", "security", "sensitive_data")
# the demo's privilege tests would error (cannot verify) on a partial view: not run here
BUILD = (
    "build",
    "--exclude",
    "test_name:principal_has_privilege",
    "test_name:principal_lacks_privilege",
)


def estate(harnessed: Harnessed, *, browse: bool) -> Workspace:
    """The demo's catalog and schemas, created and owned as the policy declares by someone
    else; the runner is a non-admin member of `auditors`, which holds BROWSE on the catalog
    when `browse`, else only USE CATALOG."""
    ws = harnessed.workspace
    ws.add_group("metastore-admins", members=["someone-else@example.com"])
    ws.add_group("auditors", members=[RUNNER])
    ws.add_catalog("production", owner="data-admins", managed_location="s3://uc-governance-demo/p")
    for schema in SCHEMAS:
        owner = "security-team" if schema == "security" else "data-admins"
        ws.add_schema(("production", schema), owner=owner)
    ws.grant("CATALOG", "production", "auditors", "BROWSE" if browse else "USE CATALOG")
    ws.grant("SCHEMA", ("production", "etl"), "data-scientists", "MODIFY")  # undeclared
    return ws


def listed(ws: Workspace) -> tuple[list[str], list[str]]:
    """(catalogs, schemas of production but default and information_schema) the runner sees
    in information_schema."""
    catalogs = ws.query("select catalog_name from system.information_schema.catalogs")
    schemas = ws.query(
        "select schema_name from system.information_schema.schemata"
        " where catalog_name = 'production'"
        " and schema_name not in ('default', 'information_schema') order by schema_name"
    )
    return sorted(r["catalog_name"] for r in catalogs), [r["schema_name"] for r in schemas]


def test_browse_lists_the_objects_but_not_the_grants_of_others(tmp_path):
    harnessed = Harnessed(tmp_path, options=NOT_ADMIN)
    ws = estate(harnessed, browse=True)
    # the runner owns main (its working catalog); BROWSE on production lists every schema
    assert listed(ws) == (["main", "production", "system"], list(SCHEMAS))
    grants = ws.query(
        "select grantee, privilege_type from system.information_schema.schema_privileges"
        " where catalog_name = 'production'"
    )
    assert grants == []  # data-scientists' MODIFY on etl is not the runner's to see


def test_use_catalog_alone_lists_the_catalog_but_not_its_schemas(tmp_path):
    harnessed = Harnessed(tmp_path, options=NOT_ADMIN)
    ws = estate(harnessed, browse=False)
    assert listed(ws) == (["main", "production", "system"], [])
    ws.grant("SCHEMA", ("production", "security"), "auditors", "USE SCHEMA")
    assert listed(ws) == (["main", "production", "system"], ["security"])


def test_plan_on_a_browse_only_view_reports_partial_view_and_revokes_nothing(tmp_path):
    harnessed = Harnessed(tmp_path, options=NOT_ADMIN)
    estate(harnessed, browse=True)

    run = harnessed.dbt(*BUILD).assert_ok()
    sent = run.texts(*GOVERNANCE_KINDS)
    assert not [s for s in sent if not s.startswith("GRANT ")]  # no REVOKE, CREATE or OWNER
    assert sorted(sent) == sorted(s for s in FIRST_APPLY if s.startswith("GRANT "))
    partial = harnessed.workspace.query(
        "select securable_type, securable_name, reason from main.uc_governance.governance_plan"
        " where action = 'partial_view' order by securable_name"
    )
    assert [(r["securable_type"], r["securable_name"]) for r in partial] == [
        ("CATALOG", "production"),
        *(("SCHEMA", f"production.{schema}") for schema in SCHEMAS),
    ]
    assert all("undeclared grants are not revoked" in r["reason"] for r in partial)
    # the undeclared grant it cannot see stays, and so does the one it can (its own group's)
    assert ("data-scientists", "MODIFY") in harnessed.grants("SCHEMA", ("production", "etl"))
    assert ("auditors", "BROWSE") in harnessed.grants("CATALOG", "production")
    keeps = harnessed.workspace.query(
        "select principal, reason from main.uc_governance.governance_plan"
        " where action = 'keep' and securable_name = 'production'"
    )
    assert keeps == [
        {
            "principal": "auditors",
            "reason": "not declared, but never revoked: the runner sees only part of the grants "
            "here (uc_governance_revoke_on_partial_view is false)",
        }
    ]
