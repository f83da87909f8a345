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

# a runner that is not the metastore admin; the harness lists objects by the BROWSE rule by default
NOT_ADMIN = WorkspaceOptions(metastore_owner="metastore-admins")
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


# The catalog-level and schema-level statements of the demo's first apply the runner still
# sends when it lists production but none of its schemas: the schemas are taken as missing
# (CREATE ... IF NOT EXISTS, harmless on an existing schema), their declared grants and owners
# are sent again, the catalog is listed (nothing to create, its owner is right).
_WITHOUT_CATALOG_CREATE_AND_OWNER = [
    s for s in FIRST_APPLY if not s.startswith(("CREATE CATALOG ", "ALTER CATALOG "))
]


def test_the_strict_default_hides_unlisted_schemas_and_nothing_is_revoked_there(tmp_path):
    harnessed = Harnessed(tmp_path, options=NOT_ADMIN)
    ws = estate(harnessed, browse=False)
    # USE CATALOG lists the catalog; no schema is listed and no grant row on them is shown,
    # though data-scientists hold an (undeclared) MODIFY on production.etl
    assert listed(ws) == (["main", "production", "system"], [])
    assert (
        ws.query(
            "select grantee, privilege_type from production.information_schema.schema_privileges"
        )
        == []
    )

    run = harnessed.dbt(*BUILD)
    sent = run.texts(*GOVERNANCE_KINDS)
    assert [s for s in sent if s.startswith("REVOKE ")] == []
    assert sorted(sent) == sorted(_WITHOUT_CATALOG_CREATE_AND_OWNER)
    assert sent[:4] == [
        "CREATE SCHEMA IF NOT EXISTS `production`.`analytics` "
        "COMMENT 'Curated analytics tables and masked views'",
        "CREATE SCHEMA IF NOT EXISTS `production`.`etl` "
        "COMMENT 'Raw and staged data written by the ETL pipeline'",
        "CREATE SCHEMA IF NOT EXISTS `production`.`security` "
        "COMMENT 'Audit logs and security reports'",
        "CREATE SCHEMA IF NOT EXISTS `production`.`sensitive_data` "
        "COMMENT 'Personal data; read through masked views only'",
    ]
    plan = harnessed.workspace.query(
        "select action, securable_name from main.uc_governance.governance_plan"
        " where action in ('partial_view', 'revoke', 'revoke_all', 'keep', 'create_schema')"
        " order by action, securable_name"
    )
    assert [(r["action"], r["securable_name"]) for r in plan] == [
        ("create_schema", "production.analytics"),
        ("create_schema", "production.etl"),
        ("create_schema", "production.security"),
        ("create_schema", "production.sensitive_data"),
        ("keep", "production"),  # auditors' USE CATALOG: its own group's, on a partial view
        ("partial_view", "production"),
    ]
    # the grant it cannot see is untouched, and so are the owners
    assert ("data-scientists", "MODIFY") in harnessed.grants("SCHEMA", ("production", "etl"))
    assert ws.get("SCHEMA", ("production", "security")).owner == "security-team"
    # after apply the schemas are still not listed: the drift test cannot see them and says so
    assert not run.dbt_success
    failed = {r.node.name for r in run.results.result.results if str(r.status) == "fail"}
    assert failed == {"uc_governance_live_grants_match_policy_governance_apply_log_"}

    # BROWSE on the catalog (what 0043 asks of a non-admin runner) lists them again: the plan
    # then sees the schemas, reports each a partial view, and sends only the grants it cannot see
    ws.grant("CATALOG", "production", "auditors", "BROWSE")
    again = harnessed.dbt(*BUILD).assert_ok()
    assert sorted(again.texts(*GOVERNANCE_KINDS)) == sorted(
        s for s in FIRST_APPLY if s.startswith("GRANT ")
    )
    assert ("data-scientists", "MODIFY") in harnessed.grants("SCHEMA", ("production", "etl"))
