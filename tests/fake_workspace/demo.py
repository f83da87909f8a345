"""`make toolkit-demo`: a plan and a token audit of the shipped example, against a fake
workspace on 127.0.0.1 that looks like a half-hardened real one. Offline; nothing is applied.

    python -m tests.fake_workspace.demo
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from databricks.sdk.service.settings import ListType

from .cli import EXAMPLE, REPO, seed_policy_groups
from .server import FakeWorkspace


def half_hardened(fake: FakeWorkspace) -> None:
    """Some of the example already applied by hand, some drifted, some never done."""
    seed_policy_groups(fake, **{"data-engineers": ["erin@example.com"]})
    w = fake.workspace_client()
    w.ip_access_lists.create(
        label="Corporate Office IPs", list_type=ListType.ALLOW, ip_addresses=["203.0.113.0/24"]
    )
    w.ip_access_lists.create(
        label="Old VPN", list_type=ListType.ALLOW, ip_addresses=["192.0.2.0/24"]
    )
    w.workspace_conf.set_status({"maxTokenLifetimeDays": "365"})
    w.cluster_policies.create(
        name="production-secure-policy",
        definition='{"data_security_mode": {"type": "fixed", "value": "USER_ISOLATION"}}',
    )
    add = fake.workspace.add_token
    add("erin@example.com", "CI/CD pipeline - data engineering", 20, 70)
    add("erin@example.com", None, 12, 9)
    add("frank@example.com", "legacy export job", 420, None)
    add("grace@example.com", "quarterly compliance report", 120, 40)
    fake.clear_requests()


def run(fake: FakeWorkspace, *args: str) -> int:
    """Run the installed console script, as a user would, and echo what it prints."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DATABRICKS_")}
    env.update(fake.env(), DATABRICKS_CONFIG_FILE=str(REPO / "target" / "no-databrickscfg"))
    env.pop("COLUMNS", None)
    ucgov = Path(sys.executable).with_name("ucgov")
    print(f"$ ucgov {' '.join(args)}", flush=True)
    done = subprocess.run([str(ucgov), *args], env=env, cwd=REPO, timeout=120, check=False)
    print(f"(exit code {done.returncode})\n", flush=True)
    return done.returncode


def main() -> None:
    """Start the fake, show the plan and the token audit, stop."""
    with FakeWorkspace(caller_address="203.0.113.10") as fake:
        half_hardened(fake)
        example = str(EXAMPLE.relative_to(REPO))
        codes = [
            run(fake, "settings", "plan", example),
            run(fake, "tokens", "audit", "--settings", example),
        ]
        writes = len(fake.writes)
    print(f"writes sent to the fake workspace: {writes}")
    if codes != [1, 1] or writes:
        sys.exit(f"unexpected result: exit codes {codes}, {writes} writes")


if __name__ == "__main__":
    main()
