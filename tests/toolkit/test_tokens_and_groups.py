"""`ucgov tokens audit` (§3.4) and `ucgov groups sync` (SCIM drift of the policy's groups seed)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.fake_workspace import ACCOUNT_ID, FakeWorkspace
from tests.fake_workspace.cli import GROUPS_SEED, run_ucgov

TOKENS_PATH = "/api/2.0/token-management/tokens"
GROUPS_PATH = f"/api/2.0/accounts/{ACCOUNT_ID}/scim/v2/Groups"


def _seed_tokens(fake: FakeWorkspace) -> dict[str, str]:
    add = fake.workspace.add_token
    return {
        "fine": add("alice@example.com", "CI/CD pipeline - data engineering", 10, 80),
        "soon": add("alice@example.com", None, 5, 10),
        "forever": add("bob@example.com", "legacy export", 400, None),
        "old": add("carol@example.com", "quarterly report", 100, 200),
        "expired": add("dave@example.com", "one-off", 100, -1),
    }


def test_tokens_audit_flags_each_finding_per_owner(fake: FakeWorkspace) -> None:
    ids = _seed_tokens(fake)
    fake.clear_requests()
    result = run_ucgov(fake, "tokens", "audit", "--json")
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    findings = {t["token_id"]: t["findings"] for t in report["tokens"]}
    assert findings == {
        ids["fine"]: [],
        ids["soon"]: ["expires within 30 days", "no comment"],
        ids["forever"]: ["no expiry", "older than 90 days"],
        ids["old"]: ["older than 90 days"],
        ids["expired"]: ["expired", "older than 90 days"],
    }
    assert report["owners"] == {
        "alice@example.com": {"tokens": 2, "with_findings": 1},
        "bob@example.com": {"tokens": 1, "with_findings": 1},
        "carol@example.com": {"tokens": 1, "with_findings": 1},
        "dave@example.com": {"tokens": 1, "with_findings": 1},
    }
    assert [(r.method, r.path) for r in fake.api_requests()] == [("GET", TOKENS_PATH)]


def test_tokens_audit_reads_the_policy_from_the_settings_file(
    tmp_path: Path, fake: FakeWorkspace
) -> None:
    ids = _seed_tokens(fake)
    settings = tmp_path / "s.yml"
    settings.write_text(
        "version: 1\ntoken_policy: {max_lifetime_days: 365, comment_required: false}\n"
    )
    result = run_ucgov(
        fake, "tokens", "audit", "--json", "--within-days", "5", "--settings", str(settings)
    )
    findings = {t["token_id"]: t["findings"] for t in json.loads(result.stdout)["tokens"]}
    assert findings[ids["soon"]] == []  # 10 days left > 5; comments not required
    assert findings[ids["old"]] == []  # 100 days < 365
    assert findings[ids["forever"]] == ["no expiry", "older than 365 days"]


def test_tokens_audit_table_is_plain_when_piped_and_clean_exits_zero(fake: FakeWorkspace) -> None:
    fake.workspace.add_token("alice@example.com", "CI/CD pipeline", 10, 80)
    result = run_ucgov(fake, "tokens", "audit")
    assert result.exit_code == 0, result.output
    assert "Tokens with findings (0 of 1)" in result.stdout
    assert "alice@example.com" in result.stdout
    assert "\x1b[" not in result.output  # no colour codes when not on a terminal


def _seed_some_groups(fake: FakeWorkspace) -> None:
    fake.identity.seed_account_group("data-engineers", ["erin@example.com", "frank@example.com"])
    fake.identity.seed_account_group("data-admins")
    fake.identity.seed_account_group("marketing")  # not in the seed


def test_groups_sync_check_reports_drift_and_writes_nothing(fake: FakeWorkspace) -> None:
    _seed_some_groups(fake)
    fake.clear_requests()
    result = run_ucgov(fake, "groups", "sync", "--check", "--json", "--seed", str(GROUPS_SEED))
    assert result.exit_code == 1
    status = {g["group"]: (g["status"], g["detail"]) for g in json.loads(result.stdout)["groups"]}
    assert status["data-engineers"] == (
        "idp-owned",
        "2 member(s); membership belongs to IdP group DataEngineers (SCIM), never changed here",
    )
    assert status["data-admins"] == ("in sync", "0 member(s)")
    assert status["marketing"] == ("extra", "in the account, not in the seed (kept)")
    missing = sorted(g for g, (s, _) in status.items() if s == "missing")
    assert missing == sorted(
        [
            "data-scientists",
            "data-analysts",
            "workspace-admins",
            "security-team",
            "north-america-team",
            "europe-team",
            "apac-team",
            "pii-authorized",
            "compliance-team",
        ]
    )
    assert fake.writes == []


def test_groups_sync_creates_only_the_missing_groups(fake: FakeWorkspace) -> None:
    _seed_some_groups(fake)
    fake.clear_requests()
    result = run_ucgov(fake, "groups", "sync", "--seed", str(GROUPS_SEED))
    assert result.exit_code == 0, result.output
    created = [r.body["displayName"] for r in fake.writes]
    assert [(r.method, r.path) for r in fake.writes] == [("POST", GROUPS_PATH)] * 9
    assert "data-engineers" not in created and "marketing" not in created
    assert fake.principals.find_principal("pii-authorized") is not None  # a UC principal now
    assert run_ucgov(fake, "groups", "sync", "--check", "--seed", str(GROUPS_SEED)).exit_code == 0


def test_groups_sync_refuses_a_bad_seed_row(tmp_path: Path, fake: FakeWorkspace) -> None:
    seed = tmp_path / "groups.csv"
    seed.write_text("group_name,idp_group\ndata-engineers,X\n`admins`; drop,\n")
    result = run_ucgov(fake, "groups", "sync", "--seed", str(seed))
    assert result.exit_code == 2
    assert (
        f"{seed}: row 3, group_name: not a valid group name (value: '`admins`; drop')"
        in result.stderr
    )
    assert fake.requests == []


def test_tables_are_coloured_on_a_terminal(fake: FakeWorkspace) -> None:
    fake.workspace.add_token("bob@example.com", None, 400, None)
    result = run_ucgov(fake, "tokens", "audit", env={"FORCE_COLOR": "1", "TTY_COMPATIBLE": "1"})
    assert result.exit_code == 1
    assert "\x1b[" in result.stdout  # styled rows
