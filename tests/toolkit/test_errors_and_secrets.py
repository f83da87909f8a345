"""Error answers from Databricks end in one clear line and leave nothing the next plan would not
show; secret values never appear in output, JSON plans, errors or the SDK's debug log."""

from __future__ import annotations

import json
import logging

import pytest

from tests.fake_workspace import TOKEN, FakeWorkspace
from tests.fake_workspace.cli import EXAMPLE, run_ucgov, seed_policy_groups

DB_PASSWORD = "pa55-Example-Database-Value"  # noqa: S105 - a test secret, must never be printed
SECRET_ENV = {"UCGOV_SECRET_DATABASE_PASSWORD": DB_PASSWORD}


def _targets(fake: FakeWorkspace) -> list[tuple[str, str]]:
    plan = run_ucgov(fake, "settings", "plan", "--json", str(EXAMPLE), env=SECRET_ENV)
    return [(c["action"], c["target"]) for c in json.loads(plan.stdout)["changes"]]


def test_wrong_token_is_a_clear_authentication_error(fake: FakeWorkspace) -> None:
    result = run_ucgov(
        fake, "settings", "plan", str(EXAMPLE), env={"DATABRICKS_TOKEN": "dapi-wrong"}
    )
    assert result.exit_code == 2
    assert "authentication failed" in result.stderr and "Invalid access token" in result.stderr
    assert "Traceback" not in result.output and "dapi-wrong" not in result.output


def test_a_403_on_a_read_names_what_was_read(fake: FakeWorkspace) -> None:
    fake.fail("GET", "/api/2.0/ip-access-lists", 403, message="User is not a workspace admin")
    result = run_ucgov(fake, "settings", "plan", str(EXAMPLE))
    assert result.exit_code == 2
    (line,) = [x for x in result.stderr.splitlines() if x.startswith("error: ")]
    assert line.startswith(
        "error: reading the workspace failed: permission denied: the identity in use lacks "
        "the rights this needs (User is not a workspace admin"
    )
    assert TOKEN not in result.output


@pytest.mark.parametrize(
    ("status", "hint"),
    [
        (403, "permission denied"),
        (404, "not found: the object changed since the plan was made"),
        (500, "Databricks server error"),
    ],
)
def test_a_failed_write_stops_and_the_next_plan_shows_the_rest(
    fake: FakeWorkspace, status: int, hint: str
) -> None:
    seed_policy_groups(fake)
    before = _targets(fake)
    fake.fail("POST", "/api/2.0/policies/clusters/create", status, message="refused by the fake")
    result = run_ucgov(fake, "settings", "apply", "--yes", str(EXAMPLE), env=SECRET_ENV)
    assert result.exit_code == 2
    failed_at = before.index(("create", "production-secure-policy"))
    assert (
        f"apply stopped at change {failed_at + 1} of {len(before)} "
        "(cluster_policies create 'production-secure-policy')"
    ) in result.stderr
    assert hint in result.stderr and "refused by the fake" in result.stderr
    assert f"{failed_at} change(s) were applied before it" in result.stderr
    assert _targets(fake) == before[failed_at:]  # nothing half-applied that the plan hides


def test_a_429_with_retry_after_is_retried_by_the_sdk(fake: FakeWorkspace, tmp_path) -> None:
    settings = tmp_path / "s.yml"
    settings.write_text("version: 1\nworkspace_settings: {disable_legacy_dbfs: true}\n")
    path = "/api/2.0/settings/types/disable_legacy_dbfs/names/default"
    fake.fail("PATCH", path, 429, retry_after=1)
    result = run_ucgov(fake, "settings", "apply", "--yes", str(settings))
    assert result.exit_code == 0, result.output
    assert [r.status for r in fake.calls("PATCH", path)] == [429, 200]
    assert fake.workspace.settings["disable_legacy_dbfs"] == {"value": True}


def test_apply_uses_a_fresh_etag_and_a_409_is_a_clear_conflict(
    fake: FakeWorkspace, tmp_path
) -> None:
    settings = tmp_path / "s.yml"
    settings.write_text("version: 1\nworkspace_settings: {disable_legacy_access: true}\n")
    saved = run_ucgov(fake, "settings", "plan", "--json", str(settings)).stdout
    assert json.loads(saved)["changes"][0]["args"]["etag"] == "1"
    fake.workspace.etags["disable_legacy_access"] += 1  # changed by someone else meanwhile
    path = "/api/2.0/settings/types/disable_legacy_access/names/default"
    fake.fail("PATCH", path, 409, message="etag does not match")
    conflict = run_ucgov(fake, "settings", "apply", "--yes", str(settings))
    assert conflict.exit_code == 2
    assert (
        "conflict: the object changed since the plan was made (etag does not match)"
        in conflict.stderr
    )
    result = run_ucgov(fake, "settings", "apply", "--yes", str(settings))
    assert result.exit_code == 0  # apply re-reads, so it sends the fresh etag
    assert fake.calls("PATCH", path)[-1].body["setting"]["etag"] == "2"
    assert fake.workspace.settings["disable_legacy_access"] == {"value": True}


def test_secrets_never_appear_in_output_json_errors_or_debug_logs(
    fake: FakeWorkspace, caplog: pytest.LogCaptureFixture
) -> None:
    seed_policy_groups(fake)
    caplog.set_level(logging.DEBUG, logger="databricks")
    outputs = []
    # First attempt: storing the database password fails (error path).
    fake.fail("POST", "/api/2.0/secrets/put", 500, times=1, message="storage hiccup")
    failing = run_ucgov(fake, "settings", "apply", "--yes", str(EXAMPLE), env=SECRET_ENV)
    assert failing.exit_code == 2
    outputs += [failing.output]
    fake.workspace.secret_values.clear()
    for _ in range(2):
        outputs += [
            run_ucgov(fake, "settings", "plan", "--json", str(EXAMPLE), env=SECRET_ENV).output
        ]
        outputs += [
            run_ucgov(fake, "settings", "apply", "--yes", str(EXAMPLE), env=SECRET_ENV).output
        ]
    created = [r for r in fake.calls("POST") if r.path.endswith("/credentials/secrets")]
    assert len(created) == 1
    stored = set(fake.workspace.secret_values.values())
    assert DB_PASSWORD in stored and len(stored) == 2  # the password and the OAuth secret
    everything = "\n".join(outputs) + caplog.text
    for value in stored:
        assert value not in everything
    assert (
        "stored straight into production-secrets/production-etl-pipeline-oauth-secret" in everything
    )


def test_an_oauth_secret_whose_store_fails_is_not_printed_and_is_replanned(
    fake: FakeWorkspace, tmp_path, caplog: pytest.LogCaptureFixture
) -> None:
    seed_policy_groups(fake)
    caplog.set_level(logging.DEBUG, logger="databricks")
    settings = tmp_path / "s.yml"
    settings.write_text(
        "version: 1\nsecret_scopes: [{name: ci}]\n"
        "service_principals: [{name: deployer, oauth_secret: {scope: ci, key: deployer-secret}}]\n"
    )
    run_ucgov(fake, "settings", "apply", "--yes", str(settings))  # scope, SP, secret stored
    fake.workspace.scopes["ci"]["keys"].clear()  # the stored secret was removed meanwhile
    fake.fail("POST", "/api/2.0/secrets/put", 500, message="storage hiccup")
    failed = run_ucgov(fake, "settings", "apply", "--yes", str(settings))
    assert failed.exit_code == 2
    assert "(service_principals create 'deployer OAuth secret')" in failed.stderr
    (sp_id,) = fake.identity.sp_secrets
    assert len(fake.identity.sp_secrets[sp_id]) == 2  # created, but its store failed
    answers = [r for r in fake.calls("POST") if r.path.endswith("/credentials/secrets")]
    assert len(answers) == 2
    plan = run_ucgov(fake, "settings", "plan", "--json", str(settings))
    changes = json.loads(plan.stdout)["changes"]
    assert [(c["action"], c["target"]) for c in changes] == [("create", "deployer OAuth secret")]
    everything = failed.output + plan.output + caplog.text
    assert len(fake.identity.sp_secret_values) == 2
    for value in fake.identity.sp_secret_values:
        assert value not in everything
    # the SDK's debug log of the creation answer shows the field redacted (plain, or escaped
    # inside a JSON log line when ucgov's JSON formatter handled the record)
    assert '"secret": "***"' in caplog.text.replace('\\"', '"')
