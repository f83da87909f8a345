"""API calls of `ucgov settings plan` and of a no-op `apply`, against the fake workspace.

Shapes: the shipped example (seeds/workspace/workspace_settings.yml) on a fresh and on an
already-applied workspace; and a large workspace with 100 IP access lists, 50 cluster policies
(declared with and without `can_use`) and 200 tokens. The aim: one list call per area, no write
on a no-op. Calls are counted from the fake's request log (the SDK's host-metadata discovery,
one per client, is shown apart). Prints a Markdown table (copied into docs/benchmark.md by hand).

    python -m tests.tools.bench_toolkit
"""

from __future__ import annotations

import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from tests.fake_workspace import FakeWorkspace, Recorded
from tests.fake_workspace.cli import EXAMPLE, run_ucgov, seed_policy_groups

SECRET_ENV = {"UCGOV_SECRET_DATABASE_PASSWORD": "bench-only-value"}
AREAS = (
    ("/api/2.0/ip-access-lists", "ip lists"),
    ("/api/2.0/workspace-conf", "workspace-conf"),
    ("/api/2.0/settings/types/", "settings"),
    ("/api/2.0/permissions/authorization/tokens", "token perms"),
    ("/api/2.0/token-management/", "tokens"),
    ("/api/2.0/policies/clusters/", "policies"),
    ("/api/2.0/permissions/cluster-policies/", "policy perms"),
    ("/api/2.0/secrets/", "secrets"),
    ("/api/2.0/preview/scim/v2/ServicePrincipals", "service principals"),
    ("/api/2.0/accounts/servicePrincipals/", "OAuth secrets"),
    ("/api/2.0/alerts", "alerts"),
)


def area_of(request: Recorded) -> str:
    """The area a request belongs to (account groups and log delivery by their path)."""
    if "/scim/v2/Groups" in request.path:
        return "account groups"
    if "/log-delivery" in request.path:
        return "log delivery"
    return next((name for prefix, name in AREAS if request.path.startswith(prefix)), request.path)


@dataclass(frozen=True)
class Measure:
    """The calls of one command."""

    shape: str
    command: str
    exit_code: int
    reads: int
    writes: int
    discovery: int
    per_area: str


def measure(fake: FakeWorkspace, shape: str, *args: str) -> Measure:
    """Run one ucgov command and count its calls."""
    fake.clear_requests()
    result = run_ucgov(fake, *args, env=SECRET_ENV)
    api = fake.api_requests()
    per_area = Counter(area_of(r) for r in api if r.method == "GET")
    return Measure(
        shape,
        " ".join(a for a in args if not a.endswith((".yml", ".yaml"))),
        result.exit_code,
        sum(per_area.values()),
        len([r for r in api if r.method != "GET"]),
        len(fake.requests) - len(api),
        ", ".join(f"{area} {n}" for area, n in sorted(per_area.items())),
    )


def example(rows: list[Measure]) -> None:
    """The shipped example: plan on a fresh workspace, then apply, then a no-op apply."""
    with FakeWorkspace(caller_address="203.0.113.10") as fake:
        seed_policy_groups(fake)
        path = str(EXAMPLE)
        rows.append(measure(fake, "example, fresh workspace", "settings", "plan", path))
        rows.append(measure(fake, "example, fresh workspace", "settings", "apply", "--yes", path))
        rows.append(measure(fake, "example, applied", "settings", "plan", path))
        rows.append(measure(fake, "example, applied", "settings", "apply", "--yes", path))


def large_file(can_use: bool) -> dict[str, Any]:
    """100 IP lists (1,000 entries in all) and 50 cluster policies."""
    lists = [
        {
            "label": f"list-{i:03d}",
            "type": "allow",
            "addresses": [f"10.{i}.{j}.0/24" for j in range(10)],
        }
        for i in range(100)
    ]
    policies = []
    for i in range(50):
        policy: dict[str, Any] = {
            "name": f"policy-{i:02d}",
            "definition": {"autotermination_minutes": {"type": "range", "maxValue": 60 + i}},
        }
        if can_use:
            policy["can_use"] = ["data-engineers"]
        policies.append(policy)
    return {
        "version": 1,
        "ip_access_lists": {"lists": lists},
        "token_policy": {"max_lifetime_days": 90},
        "cluster_policies": policies,
    }


def large(rows: list[Measure], tmp: Path) -> None:
    """100 IP lists, 50 cluster policies and 200 tokens, already as the file says."""
    for can_use in (False, True):
        path = tmp / f"large-{can_use}.yml"
        path.write_text(yaml.safe_dump(large_file(can_use)))
        shape = "100 lists, 50 policies" + (" with can_use" if can_use else "")
        with FakeWorkspace() as fake:
            seed_policy_groups(fake)
            for i in range(200):
                fake.workspace.add_token(
                    f"user{i % 40}@example.com", f"token {i}", i % 120, 90 - i % 100
                )
            assert run_ucgov(fake, "settings", "apply", "--yes", str(path)).exit_code == 0
            rows.append(measure(fake, shape, "settings", "plan", str(path)))
            rows.append(measure(fake, shape, "settings", "apply", "--yes", str(path)))
            if not can_use:
                rows.append(measure(fake, "200 tokens", "tokens", "audit"))


def main() -> None:
    """Run every shape and print the Markdown table."""
    rows: list[Measure] = []
    example(rows)
    with tempfile.TemporaryDirectory() as tmp:
        large(rows, Path(tmp))
    print("| shape | command | exit | reads | writes | host discovery | reads per area |")
    print("|---|---|---:|---:|---:|---:|---|")
    for r in rows:
        cells = (
            r.shape,
            f"`ucgov {r.command}`",
            r.exit_code,
            r.reads,
            r.writes,
            r.discovery,
            r.per_area,
        )
        print("| " + " | ".join(str(c) for c in cells) + " |")


if __name__ == "__main__":
    main()
