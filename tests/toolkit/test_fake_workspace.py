"""The fake workspace is as strict as Databricks, and its principals are the SQL harness's."""

from __future__ import annotations

import re

import pytest
from databricks.sdk.errors import BadRequest, NotFound
from databricks.sdk.service.settings import ListType

from tests.fake_workspace import ACCOUNT_ID, WORKSPACE_ID, FakeWorkspace
from tests.harness import DatabricksSqlError, Workspace


def test_host_metadata_is_what_the_sdk_resolves(fake: FakeWorkspace) -> None:
    w = fake.workspace_client()
    assert w.config.workspace_id == WORKSPACE_ID
    assert w.config.account_id == ACCOUNT_ID
    assert fake.requests[0].path == "/.well-known/databricks-config"


def test_unknown_endpoints_and_bad_bodies_fail_loudly(fake: FakeWorkspace) -> None:
    w = fake.workspace_client()
    with pytest.raises(NotFound, match=re.escape("No API found for 'GET /api/2.0/no-such-api'")):
        w.api_client.do("GET", "/api/2.0/no-such-api")
    with pytest.raises(BadRequest, match="Unknown field in request body: colour"):
        w.api_client.do(
            "POST", "/api/2.0/secrets/scopes/create", body={"scope": "s", "colour": "red"}
        )
    with pytest.raises(BadRequest, match="Missing required field: scope"):
        w.api_client.do("POST", "/api/2.0/secrets/scopes/create", body={})
    with pytest.raises(BadRequest, match=re.escape("Invalid IP address or CIDR: 10.0.0.1/8")):
        w.ip_access_lists.create(label="x", list_type=ListType.ALLOW, ip_addresses=["10.0.0.1/8"])
    with pytest.raises(BadRequest, match="Invalid keys"):
        w.workspace_conf.get_status(keys="enableEverything")
    assert [r.status for r in fake.api_requests()] == [404, 400, 400, 400, 400]
    assert fake.workspace.scopes == {} and fake.workspace.ip_lists == {}


def test_enforcement_answers_403_to_a_caller_outside_the_allow_lists(fake: FakeWorkspace) -> None:
    w = fake.workspace_client()
    w.ip_access_lists.create(
        label="office", list_type=ListType.ALLOW, ip_addresses=["198.51.100.0/24"]
    )
    w.workspace_conf.set_status({"enableIpAccessLists": "true"})
    with pytest.raises(Exception, match=re.escape("Source IP address: 203.0.113.10 is blocked")):
        list(w.ip_access_lists.list())


def test_a_group_created_over_scim_is_a_principal_a_grant_can_name() -> None:
    uc = Workspace()
    with FakeWorkspace(uc) as fake:
        account = fake.account_client()
        account.groups.create(display_name="fraud-analysts")
        workspace_local = fake.workspace_client().groups.create(display_name="notebook-club")
        sp = fake.workspace_client().service_principals.create(display_name="nightly-job")
    uc.grant("CATALOG", "main", "fraud-analysts", ["USE CATALOG"])
    uc.query(f"GRANT USE CATALOG ON CATALOG main TO `{sp.application_id}`")
    rows = uc.query(
        "select grantee, privilege_type from main.information_schema.catalog_privileges "
        "order by grantee"
    )
    granted = {(r["grantee"], r["privilege_type"]) for r in rows}
    assert {("fraud-analysts", "USE_CATALOG"), (sp.application_id, "USE_CATALOG")} <= granted
    with pytest.raises(DatabricksSqlError, match="PRINCIPAL_DOES_NOT_EXIST"):
        uc.query(f"GRANT USE CATALOG ON CATALOG main TO `{workspace_local.display_name}`")
