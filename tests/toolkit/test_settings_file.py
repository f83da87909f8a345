"""The settings file: the shipped example matches the guide; every kind of bad input is refused
with the file, the key path and the escaped value, before any call to Databricks."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from ucgov.desired import IpList, load
from ucgov.errors import InputError

from tests.fake_workspace import FakeWorkspace
from tests.fake_workspace.cli import EXAMPLE, run_ucgov


def test_shipped_example_matches_the_guide() -> None:
    desired = load(EXAMPLE)
    lists = desired.ip_access_lists
    assert lists is not None and lists.enforcement is True
    assert (
        IpList(
            "Corporate Office IPs", "ALLOW", ("203.0.113.0/24", "198.51.100.0/24", "192.0.2.10/32")
        )
        in lists.lists
    )  # §4.3
    assert IpList("Blocked IPs", "BLOCK", ("192.168.1.100/32",)) in lists.lists
    assert desired.token_policy is not None
    assert desired.token_policy.max_lifetime_days == 90  # §3.4
    assert desired.token_policy.comment_required is True
    (policy,) = desired.cluster_policies or ()
    assert policy.name == "production-secure-policy"  # §7.2
    assert policy.definition["data_security_mode"] == {"type": "fixed", "value": "USER_ISOLATION"}
    assert policy.definition["autotermination_minutes"] == {
        "type": "range",
        "minValue": 30,
        "maxValue": 120,
        "defaultValue": 60,
    }
    assert policy.definition["spark_version"] == {"type": "regex", "pattern": r"14\.[0-9]+\.x-.*"}
    assert policy.can_use == ("data-engineers",)
    (scope,) = desired.secret_scopes or ()
    assert scope.acls == (("data-engineers", "READ"), ("security-team", "MANAGE"))  # §5.3
    (sp,) = desired.service_principals or ()
    assert (sp.name, sp.groups, sp.secret_scope) == (
        "production-etl-pipeline",
        ("data-engineers",),
        "production-secrets",
    )


def _write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "settings.yml"
    path.write_text(yaml.safe_dump(data) if not isinstance(data, str) else data)
    return path


def _base(**areas: object) -> dict[str, object]:
    return {"version": 1, **areas}


BAD_FILES = [
    pytest.param(
        _base(
            ip_access_lists={
                "lists": [{"label": "x", "type": "allow", "addresses": ["10.0.0.1/8"]}]
            }
        ),
        "ip_access_lists.lists[0].addresses[0]",
        "'10.0.0.1/8'",
        id="cidr-with-host-bits",
    ),
    pytest.param(
        _base(
            ip_access_lists={"lists": [{"label": "x", "type": "allow", "addresses": ["300.1.1.1"]}]}
        ),
        "ip_access_lists.lists[0].addresses[0]",
        "'300.1.1.1'",
        id="not-an-address",
    ),
    pytest.param(
        _base(ip_access_lists={"lists": [{"label": "x", "type": "permit", "addresses": []}]}),
        "ip_access_lists.lists[0].type",
        "'permit'",
        id="unknown-list-type",
    ),
    pytest.param(
        _base(workspace_settings={"results_download": "no"}),
        "workspace_settings.results_download",
        "'no'",
        id="setting-not-boolean",
    ),
    pytest.param(
        _base(workspace_settings={"enable_everything": True}),
        "workspace_settings",
        "enable_everything",
        id="unknown-setting",
    ),
    pytest.param(
        _base(token_policy={"max_lifetime_days": 0}),
        "token_policy.max_lifetime_days",
        "0",
        id="token-lifetime-zero",
    ),
    pytest.param(
        _base(secret_scopes=[{"name": "s", "secrets": [{"key": "k", "value": "hunter2-pass"}]}]),
        "secret_scopes[0].secrets[0]",
        "'value' was unexpected",
        id="secret-value-in-file",
    ),
    pytest.param(
        _base(secret_scopes=[{"name": "s", "secrets": [{"key": "k"}]}]),
        "secret_scopes[0].secrets[0]",
        "exactly one of from_env or from_stdin",
        id="secret-without-source",
    ),
    pytest.param(
        _base(secret_scopes=[{"name": "bad scope;drop", "acls": {}}]),
        "secret_scopes[0].name",
        "'bad scope;drop'",
        id="scope-name-injection",
    ),
    pytest.param(
        _base(
            cluster_policies=[{"name": "p", "definition": {"spark_version": {"type": "anything"}}}]
        ),
        "cluster_policies[0].definition.spark_version.type",
        "'anything'",
        id="policy-rule-type",
    ),
    pytest.param(
        _base(cluster_policies=[{"name": "p\x1b[31m", "definition": {"a": {"type": "fixed"}}}]),
        "cluster_policies[0].name",
        "'p\\x1b[31m'",
        id="control-character-shown-escaped",
    ),
    pytest.param(
        _base(
            cluster_policies=[
                {"name": "p", "definition": {"a": {"type": "fixed"}}},
                {"name": "p", "definition": {"a": {"type": "fixed"}}},
            ]
        ),
        "cluster_policies[1].name",
        "duplicate name",
        id="duplicate-policy",
    ),
    pytest.param(
        _base(
            service_principals=[{"name": "sp", "oauth_secret": {"scope": "nowhere", "key": "k"}}]
        ),
        "service_principals[0].oauth_secret.scope",
        "must be declared under secret_scopes",
        id="secret-into-undeclared-scope",
    ),
    pytest.param(
        {"ip_access_lists": {}}, "(top level)", "'version' is a required property", id="no-version"
    ),
    pytest.param(
        "version: 1\nip_access_lists: [unclosed\n", "line 3", "not valid YAML", id="yaml-syntax"
    ),
]


@pytest.mark.parametrize(("data", "path", "shown"), BAD_FILES)
def test_bad_file_names_path_and_value_and_calls_nothing(
    tmp_path: Path, fake: FakeWorkspace, data: object, path: str, shown: str
) -> None:
    settings = _write(tmp_path, data)
    with pytest.raises(InputError) as raised:
        load(settings)
    message = str(raised.value)
    assert message.startswith(f"{settings}: {path}")
    assert shown in message
    for command in ("validate", "plan", "apply"):
        extra = ["--yes"] if command == "apply" else []
        result = run_ucgov(fake, "settings", command, *extra, str(settings))
        assert result.exit_code == 2, result.output
        assert result.stderr.startswith("error: ") and path in result.stderr
    assert fake.requests == []  # refused before the SDK was even built


def test_the_1000_entry_limit_is_checked_before_any_call(
    tmp_path: Path, fake: FakeWorkspace
) -> None:
    addresses = [f"10.{i // 256}.{i % 256}.0/24" for i in range(1001)]
    lists = [
        {"label": "first", "type": "allow", "addresses": addresses[:600]},
        {"label": "second", "type": "allow", "addresses": addresses[600:]},
    ]
    settings = _write(tmp_path, _base(ip_access_lists={"lists": lists}))
    result = run_ucgov(fake, "settings", "plan", str(settings))
    assert result.exit_code == 2
    assert "1001 addresses and ranges; Databricks allows at most 1000" in result.stderr
    assert fake.requests == []


def test_ipv6_ranges_are_valid(tmp_path: Path) -> None:
    lists = [{"label": "v6", "type": "allow", "addresses": ["2001:db8::/32", "2001:db8:1::1"]}]
    desired = load(_write(tmp_path, _base(ip_access_lists={"lists": lists})))
    assert desired.ip_access_lists is not None
    assert desired.ip_access_lists.lists[0].addresses == ("2001:db8::/32", "2001:db8:1::1")


LOCKOUT_FILES = [
    pytest.param(
        [],
        [{"label": "a", "type": "allow", "addresses": ["10.0.0.0/8"]}],
        "needs operator_addresses",
        id="no-operators",
    ),
    pytest.param(
        ["203.0.113.0/24"],
        [{"label": "a", "type": "allow", "addresses": ["203.0.113.0/25"]}],
        "203.0.113.0/24 is not covered",
        id="allow-list-too-narrow",
    ),
    pytest.param(
        ["203.0.113.7/32"],
        [{"label": "a", "type": "allow", "addresses": ["203.0.113.0/24"], "enabled": False}],
        "not covered by an enabled allow list",
        id="allow-list-disabled",
    ),
    pytest.param(
        ["203.0.113.7/32"],
        [
            {"label": "a", "type": "allow", "addresses": ["203.0.113.0/24"]},
            {"label": "b", "type": "block", "addresses": ["203.0.113.0/28"]},
        ],
        "overlaps an enabled block list",
        id="operator-blocked",
    ),
    pytest.param(
        ["2001:db8::7/128"],
        [{"label": "a", "type": "allow", "addresses": ["0.0.0.0/0"]}],
        "2001:db8::7/128 is not covered",
        id="ipv6-operator-ipv4-lists",
    ),
]


@pytest.mark.parametrize(("operators", "lists", "problem"), LOCKOUT_FILES)
def test_enforcement_is_refused_unless_operators_are_covered(
    tmp_path: Path, operators: list[str], lists: list[object], problem: str
) -> None:
    data = _base(
        operator_addresses=operators, ip_access_lists={"enforcement": True, "lists": lists}
    )
    with pytest.raises(InputError, match=r"ip_access_lists\.enforcement") as raised:
        load(_write(tmp_path, data))
    assert problem in str(raised.value)
