"""HTTP plumbing of the fake workspace: routing, authentication, recording, injected failures."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from .account_apis import AccountApis
from .errors import ApiError
from .identity_apis import IdentityApis
from .sql_apis import SqlApis
from .workspace_apis import WorkspaceApis

TOKEN = "dapi-fake-workspace-token"  # noqa: S105 - the fake's only valid bearer token
WORKSPACE_ID = "1234567890123456"
ACCOUNT_ID = "00000000-0000-4000-8000-0000000000aa"
Handler = Callable[..., Any]


@dataclass(frozen=True)
class Recorded:
    """One request as the server saw it, and the status it answered."""

    method: str
    path: str
    query: dict[str, str]
    body: Any
    status: int


@dataclass
class _Injected:
    method: str
    path: re.Pattern[str]
    status: int
    remaining: int
    retry_after: int | None
    message: str


_CODES = {
    400: "INVALID_PARAMETER_VALUE",
    401: "UNAUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "RESOURCE_DOES_NOT_EXIST",
    409: "RESOURCE_CONFLICT",
    429: "REQUEST_LIMIT_EXCEEDED",
    500: "INTERNAL_ERROR",
    503: "TEMPORARILY_UNAVAILABLE",
}


class FakeWorkspace:
    """A strict, stateful fake of the Databricks REST APIs the ``ucgov`` toolkit calls.

    ``principals`` is the shared Unity Catalog principal store (duck-typed like
    ``tests.harness.Workspace``: ``add_group``, ``add_service_principal``, ``add_members``,
    ``find_principal``, ``principals``); account groups and service principals created over
    SCIM are registered there. ``caller_address`` is the source address the fake's IP access
    list enforcement checks (Databricks answers 403 to a blocked address).
    """

    def __init__(self, principals: Any = None, *, caller_address: str = "127.0.0.1") -> None:
        if principals is None:
            from tests.harness import Workspace

            principals = Workspace()
        self.principals = principals
        self.caller_address = caller_address
        self.current_user = "operator@example.com"
        self.current_verb = "GET"
        self.requests: list[Recorded] = []
        self._injected: list[_Injected] = []
        self._lock = threading.RLock()
        self._routes: list[tuple[str, re.Pattern[str], Handler]] = []
        self.workspace = WorkspaceApis(self)
        self.identity = IdentityApis(self)
        self.sql = SqlApis(self)
        self.account = AccountApis(self)
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------------
    def route(self, method: str, pattern: str, handler: Handler) -> None:
        """Register ``handler`` for ``method`` and a path regex (named groups become kwargs)."""
        self._routes.append((method, re.compile(pattern), handler))

    def start(self) -> FakeWorkspace:
        """Listen on an ephemeral 127.0.0.1 port in a background thread."""
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_class(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Shut the server down and close its socket."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeWorkspace:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def host(self) -> str:
        """``http://127.0.0.1:<port>``."""
        assert self._server is not None, "start() the fake first"
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def env(self) -> dict[str, str]:
        """The SDK environment variables that point a client at this fake."""
        return {
            "DATABRICKS_HOST": self.host,
            "DATABRICKS_TOKEN": TOKEN,
            "DATABRICKS_ACCOUNT_ID": ACCOUNT_ID,
            "DATABRICKS_AUTH_TYPE": "pat",
        }

    def workspace_client(self, **config: Any) -> Any:
        """A real ``WorkspaceClient`` on this fake (PAT authentication)."""
        from databricks.sdk import WorkspaceClient

        return WorkspaceClient(host=self.host, token=TOKEN, auth_type="pat", **config)

    def account_client(self, **config: Any) -> Any:
        """A real ``AccountClient`` on this fake (the fake also answers account APIs)."""
        from databricks.sdk import AccountClient

        return AccountClient(
            host=self.host, account_id=ACCOUNT_ID, token=TOKEN, auth_type="pat", **config
        )

    # -- test helpers ----------------------------------------------------------------------
    def fail(
        self,
        method: str,
        path: str,
        status: int,
        *,
        times: int = 1,
        retry_after: int | None = None,
        message: str | None = None,
    ) -> None:
        """Answer the next ``times`` matching requests with an error (path is a regex)."""
        with self._lock:
            self._injected.append(
                _Injected(
                    method,
                    re.compile(path),
                    status,
                    times,
                    retry_after,
                    message or f"injected {status} for {method} {path}",
                )
            )

    @property
    def writes(self) -> list[Recorded]:
        """Requests other than GET (what changed, or tried to change, the workspace)."""
        return [r for r in self.requests if r.method != "GET"]

    def calls(self, method: str | None = None, path: str | None = None) -> list[Recorded]:
        """Recorded requests filtered by method and/or exact path."""
        return [
            r
            for r in self.requests
            if (method is None or r.method == method) and (path is None or r.path == path)
        ]

    def api_requests(self) -> list[Recorded]:
        """Requests other than the SDK's host-metadata discovery."""
        return [r for r in self.requests if not r.path.startswith("/.well-known/")]

    def clear_requests(self) -> None:
        """Forget the recorded requests (state is kept)."""
        with self._lock:
            self.requests.clear()

    # -- dispatch --------------------------------------------------------------------------
    def handle(
        self, method: str, path: str, query: dict[str, str], body: Any, headers: Any
    ) -> tuple[int, dict[str, str], Any]:
        """Answer one request: status, extra headers and JSON body."""
        with self._lock:
            status, extra, payload = self._answer(method, path, query, body, headers)
            self.requests.append(Recorded(method, path, query, body, status))
            return status, extra, payload

    def _answer(
        self, method: str, path: str, query: dict[str, str], body: Any, headers: Any
    ) -> tuple[int, dict[str, str], Any]:
        if method == "GET" and path == "/.well-known/databricks-config":
            return 200, {}, self._host_metadata()
        if headers.get("Authorization") != f"Bearer {TOKEN}":
            return 401, {}, ApiError(401, "UNAUTHENTICATED", "Invalid access token.").body()
        for injected in self._injected:
            if injected.remaining and injected.method == method and injected.path.fullmatch(path):
                injected.remaining -= 1
                extra = {}
                if injected.retry_after is not None:
                    extra["Retry-After"] = str(injected.retry_after)
                code = _CODES.get(injected.status, "UNKNOWN")
                return injected.status, extra, {"error_code": code, "message": injected.message}
        blocked = self.workspace.blocked_reason(self.caller_address, path)
        if blocked:
            return 403, {}, ApiError(403, "PERMISSION_DENIED", blocked).body()
        try:
            if body is _MALFORMED:
                raise ApiError(400, "MALFORMED_REQUEST", "Could not parse request body as JSON")
            self.current_verb = method
            for route_method, pattern, handler in self._routes:
                match = pattern.fullmatch(path)
                if match and route_method == method:
                    result = handler(query=query, body=body, **match.groupdict())
                    return 200, {}, {} if result is None else result
            raise ApiError(404, "ENDPOINT_NOT_FOUND", f"No API found for '{method} {path}'")
        except ApiError as error:
            return error.status, {}, error.body()

    def _host_metadata(self) -> dict[str, Any]:
        return {
            "oidc_endpoint": f"{self.host}/oidc",
            "account_id": ACCOUNT_ID,
            "workspace_id": WORKSPACE_ID,
            "cloud": "aws",
        }


_MALFORMED = object()


def _handler_class(fake: FakeWorkspace) -> type[BaseHTTPRequestHandler]:
    class _Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _serve(self) -> None:
            url = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            body: Any = None
            if raw:
                try:
                    body = json.loads(raw)
                except ValueError:
                    body = _MALFORMED
            query = dict(parse_qsl(url.query, keep_blank_values=True))
            status, extra, payload = fake.handle(self.command, url.path, query, body, self.headers)
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for name, value in extra.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve  # noqa: N815

        def log_message(self, format: str, *args: Any) -> None:
            """Silence the default stderr access log."""

    return _Handler
