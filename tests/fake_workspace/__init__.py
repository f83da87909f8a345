"""A fake Databricks workspace (and account) REST server on 127.0.0.1 for the real databricks-sdk.

Public API::

    from tests.fake_workspace import FakeWorkspace

    with FakeWorkspace() as fake:             # ephemeral port, threaded
        w = fake.workspace_client()           # real WorkspaceClient, PAT auth
        w.ip_access_lists.list()
        fake.requests                         # every request: method, path, query, body
        fake.writes                           # the non-GET ones
        fake.fail("POST", "/api/2.0/ip-access-lists", status=429, retry_after=1)

Unknown endpoints answer 404 and malformed bodies 400, as Databricks does; nothing is a default
success. SCIM groups and service principals land in a principal store (by default a fresh
``tests.harness.Workspace``) so that a GRANT through the SQL harness can name them.
"""

from .server import ACCOUNT_ID, TOKEN, WORKSPACE_ID, FakeWorkspace, Recorded

__all__ = ["ACCOUNT_ID", "TOKEN", "WORKSPACE_ID", "FakeWorkspace", "Recorded"]
