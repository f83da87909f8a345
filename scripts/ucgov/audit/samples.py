"""Deterministic sample audit logs for the demo organisation (JSON lines, delivery format).

    ucgov audit samples [--out target/sample_audit_logs] [--days 28] [--events N]
    (or python -m ucgov.audit.samples with the same options)

Writes one file per day, `<out>/workspaceId=<id>/date=<yyyy-mm-dd>/auditlogs_<n>.json`, in the
layout and record shape of Databricks audit-log delivery (`version, auditLevel, timestamp` in
epoch milliseconds, `userIdentity.email`, `serviceName, actionName, requestParams{...},
response{statusCode, errorMessage}`). The same seed and options always give byte-identical files.

Background traffic (no detection may fire on it): the people of seeds/policy/groups.csv log in
on weekdays from their own office or home address (at most two per person), read the tables
their groups are granted (readers of `production.sensitive_data.customers` only in business
hours, from the first week on), the ETL service principal works at night on `production.etl`,
the deploying principal (`local-user@example.com`, the project's `uc_governance_local_user`)
applies grants on Mondays, engineers create 30-day tokens, analysts download a preview on
Fridays, an administrator adds a member to `data-analysts`, and about one login in fifty fails
once before succeeding.

Planted incidents, with the counts every detection must find exactly (business hours are
08:00-18:00 UTC, Monday to Friday; the sample spans 2026-10-26 to 2026-11-22 by default):

- brute force: 25 failed `login` for gina.rossi from 203.0.113.50, 2026-11-12 03:05-03:29
  (25 events) -> failed_login_alerts brute_force: 1 row;
- password spraying: 1 failed `login` each for 15 user names from 198.51.100.23, 2026-11-18
  04:10-04:24 (15) -> failed_login_alerts password_spraying: 1;
- one user, many addresses: erin.walsh logs in and reads from 12 new addresses on 2026-11-16
  (24) -> unusual_access_events: 1;
- failed privilege escalation by hugo.bernard, 2026-11-19 14:00-14:20: 2 updatePermissions,
  2 addPrincipalToGroup, 1 setPermissions, all refused with 403 (5) ->
  privilege_escalation_events: 5;
- after-hours reads of production.sensitive_data.customers: mia.kowalski 3 on 2026-11-10 from
  22:40 UTC, dave.okafor 2 on Sunday 2026-11-22 (5) -> after_hours_sensitive_access_alerts: 2;
- dave.okafor's reads are his first of that table -> first_sensitive_access_events: 1;
- bulk export by jon.park, 2026-11-19 16:00-16:34: 30 downloadLargeResults, 5 workspaceExport
  (35) -> data_export_events with is_bulk: 35;
- a token with a 365-day lifetime, carol.singh, 2026-11-17 (1) -> long_lived_token_events: 1;
- a grant changed outside this project: leo.garcia gives data-scientists SELECT on customers,
  2026-11-20 (1) -> permission_change_events: 1;
- leo.garcia adds erin.walsh to workspace-admins, 2026-11-13 (1) ->
  admin_group_change_events: 1.

Bad input, in `date=<last day>/auditlogs_bad.json` (audit_quarantine_events: 7 rows): 2 malformed
JSON lines, 1 event without `actionName`, 1 without `timestamp`, 1 unknown action, 1 timestamp in
the future, 1 unparseable timestamp string. Two events there are valid and kept: one with an ISO
8601 string timestamp and one with epoch milliseconds as a string.

`--days N` (more than 28) delivers further days of background traffic after the four weeks; the
files of the first 28 days stay byte-identical. `--events N` adds routine reads of non-sensitive
tables in business hours until about N events are written (for the benchmark); the planted
incidents and their counts do not change.
"""

from __future__ import annotations

import json
import random
import sys
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

WORKSPACE_ID = "1234567890123456"
ACCOUNT_ID = "7d3b1e2a-0c4f-4a8e-9b6d-1f2e3a4b5c6d"
DEFAULT_START = date(2026, 10, 26)  # a Monday
DEFAULT_DAYS = 28
DEFAULT_SEED = 20261128
DEPLOYER = "local-user@example.com"
ETL_SP = "6f1c9a52-2b1e-4c3d-9a7e-5d2f1b0c8e47"
SENSITIVE_TABLE = "production.sensitive_data.customers"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0"
SDK_AGENT = "databricks-sdk-py/0.117.0 python/3.11"

ETL_TABLES = ("production.etl.orders", "production.etl.order_lines", "production.etl.customers_raw")
ANALYTICS_TABLES = ("production.analytics.sales_summary", "production.analytics.customer_segments")


@dataclass(frozen=True)
class Person:
    """A member of the demo organisation and the tables their groups read."""

    email: str
    group: str
    office_ip: str
    home_ip: str
    tables: tuple[str, ...]


def _people() -> tuple[Person, ...]:
    rows = [
        ("alice.chen", "data-engineers", ETL_TABLES + ANALYTICS_TABLES),
        ("bob.martin", "data-engineers", ETL_TABLES + ANALYTICS_TABLES),
        ("carol.singh", "data-engineers", ETL_TABLES + ANALYTICS_TABLES),
        ("dave.okafor", "data-scientists", ANALYTICS_TABLES),
        ("erin.walsh", "data-scientists", ANALYTICS_TABLES),
        ("femi.adeyemi", "data-scientists", ANALYTICS_TABLES),
        ("gina.rossi", "data-analysts", ANALYTICS_TABLES),
        ("hugo.bernard", "data-analysts", ANALYTICS_TABLES),
        ("ivy.tanaka", "data-analysts", ANALYTICS_TABLES),
        ("jon.park", "data-analysts", ANALYTICS_TABLES),
        ("kate.murphy", "security-team", ("production.security.audit_logs",)),
        ("leo.garcia", "workspace-admins", ANALYTICS_TABLES),
        ("mia.kowalski", "compliance-team", (SENSITIVE_TABLE,)),
        ("nina.petrov", "pii-authorized", (SENSITIVE_TABLE, *ANALYTICS_TABLES)),
    ]
    return tuple(
        Person(
            email=f"{name}@example.com",
            group=group,
            office_ip=f"10.20.0.{11 + index}",
            home_ip=f"172.16.{5 + index}.20",
            tables=tables,
        )
        for index, (name, group, tables) in enumerate(rows)
    )


PEOPLE = _people()
BY_NAME = {person.email.split("@")[0]: person for person in PEOPLE}


class Writer:
    """Collects the events of each day, then writes them sorted by time, one file per day."""

    def __init__(self, seed: int) -> None:
        # Sample data, not secrets: a seeded generator makes the files reproducible.
        self.random = random.Random(seed)  # noqa: S311
        self.days: dict[date, list[tuple[int, int, str]]] = {}
        self.sequence = 0
        self.bad: dict[date, list[str]] = {}

    def event(
        self,
        when: datetime,
        email: str | None,
        service: str,
        action: str,
        params: dict[str, object],
        *,
        ip: str,
        status: int = 200,
        error: str | None = None,
        agent: str = BROWSER,
    ) -> None:
        """Record one audit event at `when` (UTC)."""
        self.sequence += 1
        millis = int(when.replace(tzinfo=UTC).timestamp() * 1000)
        record = {
            "version": "2.0",
            "auditLevel": "WORKSPACE_LEVEL",
            "timestamp": millis,
            "orgId": WORKSPACE_ID,
            "accountId": ACCOUNT_ID,
            "sourceIPAddress": ip,
            "userAgent": agent,
            "sessionId": f"session-{self.random.getrandbits(48):012x}",
            "userIdentity": {"email": email},
            "serviceName": service,
            "actionName": action,
            "requestId": f"{self.sequence:08d}-{self.random.getrandbits(64):016x}",
            "requestParams": params,
            "response": {"statusCode": status, "errorMessage": error, "result": None},
        }
        line = json.dumps(record, separators=(",", ":"))
        self.days.setdefault(when.date(), []).append((millis, self.sequence, line))

    def raw(self, day: date, line: str) -> None:
        """Record a raw line (possibly malformed) in the bad-input file of `day`."""
        self.days.setdefault(day, [])
        self.bad.setdefault(day, []).append(line)

    def write(self, out: Path) -> int:
        """Write every day's file under `out`; return the number of lines written."""
        written = 0
        for day, events in sorted(self.days.items()):
            folder = out / f"workspaceId={WORKSPACE_ID}" / f"date={day.isoformat()}"
            folder.mkdir(parents=True, exist_ok=True)
            lines = [line for _, _, line in sorted(events)]
            (folder / "auditlogs_0.json").write_text("".join(f"{x}\n" for x in lines))
            written += len(lines)
            bad = self.bad.get(day)
            if bad:
                (folder / "auditlogs_bad.json").write_text("".join(f"{x}\n" for x in bad))
                written += len(bad)
        return written


def _at(day: date, hour: int, minute: int, second: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, second)


def _login(w: Writer, when: datetime, email: str, ip: str, *, ok: bool, action: str) -> None:
    w.event(
        when,
        email,
        "accounts",
        action,
        {"user": email},
        ip=ip,
        status=200 if ok else 401,
        error=None if ok else "Invalid credentials",
    )


def _group_change(
    w: Writer, when: datetime, actor: Person, group: str, member: str, **kwargs
) -> None:
    params = {"targetGroupName": group, "targetUserName": member}
    w.event(
        when, actor.email, "accounts", "addPrincipalToGroup", params, ip=actor.office_ip, **kwargs
    )


def _permission_change(
    w: Writer, when: datetime, actor: str, securable: tuple[str, str], change: str, **kwargs
) -> None:
    params = {
        "securable_type": securable[0],
        "securable_full_name": securable[1],
        "changes": change,
    }
    w.event(when, actor, "unityCatalog", "updatePermissions", params, **kwargs)


def _read(w: Writer, when: datetime, email: str, table: str, ip: str, **kwargs) -> None:
    w.event(when, email, "unityCatalog", "getTable", {"full_name_arg": table}, ip=ip, **kwargs)


def _background_day(w: Writer, day: date, extra_reads: int) -> None:
    rnd = w.random
    weekday = day.weekday() < 5
    # The ETL service principal, every night, on production.etl only.
    for index, table in enumerate(ETL_TABLES):
        when = _at(day, 2, 10 + index * 7, rnd.randrange(60))
        w.event(
            when,
            ETL_SP,
            "unityCatalog",
            "generateTemporaryTableCredential",
            {"table_full_name": table, "operation": "READ_WRITE"},
            ip="10.30.0.5",
            agent=SDK_AGENT,
        )
    if not weekday:
        return
    for person in PEOPLE:
        ip = person.home_ip if rnd.random() < 0.3 else person.office_ip
        start = _at(day, 8, rnd.randrange(50), rnd.randrange(60))
        if rnd.random() < 0.02:
            _login(w, start - timedelta(minutes=1), person.email, ip, ok=False, action="samlLogin")
        _login(w, start, person.email, ip, ok=True, action="samlLogin")
        reads = rnd.randint(2, 5) + extra_reads
        for _ in range(reads):
            minute = rnd.randrange(60 * 9)  # 09:00-17:59
            when = _at(day, 9 + minute // 60, minute % 60, rnd.randrange(60))
            _read(w, when, person.email, rnd.choice(person.tables), ip)
    if day.weekday() == 0:
        # The deploying principal applies the policy (grants) every Monday morning.
        for securable in ("production.etl", "production.analytics", "production.security"):
            _permission_change(
                w,
                _at(day, 7, 30, 0),
                DEPLOYER,
                ("schema", securable),
                '[{"principal":"data-engineers","add":["USE SCHEMA"]}]',
                ip="10.30.0.9",
                agent="dbt/1.11.16 dbt-databricks/1.12.7",
            )
        for name in ("alice.chen", "bob.martin", "carol.singh"):
            person = BY_NAME[name]
            w.event(
                _at(day, 9, 5, rnd.randrange(60)),
                person.email,
                "accounts",
                "generateDbToken",
                {"lifetime_seconds": "2592000", "comment": "notebook work"},
                ip=person.office_ip,
            )
    if day.weekday() == 4:
        for name in ("gina.rossi", "hugo.bernard", "ivy.tanaka", "jon.park"):
            person = BY_NAME[name]
            w.event(
                _at(day, 15, rnd.randrange(60), rnd.randrange(60)),
                person.email,
                "notebook",
                "downloadPreviewResults",
                {"notebookId": "1001", "format": "csv"},
                ip=person.office_ip,
            )


def _planted(w: Writer, start: date) -> None:
    offset = {d: start + timedelta(days=d) for d in range(28)}
    gina, erin, hugo = BY_NAME["gina.rossi"], BY_NAME["erin.walsh"], BY_NAME["hugo.bernard"]
    # Brute force: 25 failures within one hour, one user, one address.
    for index in range(25):
        when = _at(offset[17], 3, 5 + index)
        _login(w, when, gina.email, "203.0.113.50", ok=False, action="login")
    # Password spraying: one address, 15 user names, one failure each.
    names = [p.email for p in PEOPLE[:12]] + [
        "admin@example.com",
        "root@example.com",
        "test@example.com",
    ]
    for index, email in enumerate(names):
        _login(w, _at(offset[23], 4, 10 + index), email, "198.51.100.23", ok=False, action="login")
    # One user from 12 new addresses in one day (a login and a read from each).
    for index in range(12):
        ip = f"100.64.{index + 1}.{200 + index}"
        when = _at(offset[21], 10 + index // 2, (index % 2) * 30)
        _login(w, when, erin.email, ip, ok=True, action="samlLogin")
        _read(w, when + timedelta(minutes=2), erin.email, ANALYTICS_TABLES[0], ip)
    # Failed privilege escalation attempts.
    refused = {"status": 403, "error": "PERMISSION_DENIED: User does not have MANAGE"}
    for minute in (0, 4):
        _permission_change(
            w,
            _at(offset[24], 14, minute),
            hugo.email,
            ("table", SENSITIVE_TABLE),
            f'[{{"principal":"{hugo.email}","add":["ALL PRIVILEGES"]}}]',
            ip=hugo.office_ip,
            **refused,
        )
    for minute, group in ((8, "workspace-admins"), (12, "data-admins")):
        _group_change(w, _at(offset[24], 14, minute), hugo, group, hugo.email, **refused)
    w.event(
        _at(offset[24], 14, 20),
        hugo.email,
        "permissions",
        "setPermissions",
        {"objectType": "cluster", "objectId": "0101-prod", "level": "CAN_MANAGE"},
        ip=hugo.office_ip,
        **refused,
    )
    # After-hours reads of the sensitive table.
    mia, dave = BY_NAME["mia.kowalski"], BY_NAME["dave.okafor"]
    for minute in (40, 45, 52):
        _read(w, _at(offset[15], 22, minute), mia.email, SENSITIVE_TABLE, mia.home_ip)
    for minute in (0, 7):
        _read(w, _at(offset[27], 13, minute), dave.email, SENSITIVE_TABLE, dave.home_ip)
    # Bulk export.
    jon = BY_NAME["jon.park"]
    for index in range(35):
        action = "downloadLargeResults" if index < 30 else "workspaceExport"
        params = (
            {"notebookId": "2002", "format": "csv"}
            if index < 30
            else {"path": f"/Users/{jon.email}/export_{index}", "format": "SOURCE"}
        )
        w.event(_at(offset[24], 16, index), jon.email, "notebook", action, params, ip=jon.office_ip)
    # A long-lived token.
    carol = BY_NAME["carol.singh"]
    w.event(
        _at(offset[22], 11, 0),
        carol.email,
        "accounts",
        "generateDbToken",
        {"lifetime_seconds": "31536000", "comment": "integration"},
        ip=carol.office_ip,
    )
    # A grant changed outside this project, and a change to an admin group.
    leo = BY_NAME["leo.garcia"]
    _permission_change(
        w,
        _at(offset[25], 11, 15),
        leo.email,
        ("table", SENSITIVE_TABLE),
        '[{"principal":"data-scientists","add":["SELECT"]}]',
        ip=leo.office_ip,
    )
    _group_change(w, _at(offset[18], 10, 0), leo, "workspace-admins", erin.email)
    # Routine group change (not an admin group): never an alarm.
    _group_change(w, _at(offset[1], 10, 0), leo, "data-analysts", jon.email)


def _bad_input(w: Writer, day: date) -> None:
    ok = {
        "version": "2.0",
        "auditLevel": "WORKSPACE_LEVEL",
        "orgId": WORKSPACE_ID,
        "sourceIPAddress": "10.20.0.24",
        "userAgent": BROWSER,
        "userIdentity": {"email": "nina.petrov@example.com"},
        "serviceName": "unityCatalog",
        "actionName": "getTable",
        "requestParams": {"full_name_arg": ANALYTICS_TABLES[1]},
        "response": {"statusCode": 200},
    }
    noon = int(_at(day, 12, 0).replace(tzinfo=UTC).timestamp() * 1000)

    def line(**changes: object) -> str:
        record = {**ok, "timestamp": noon, **changes}
        record = {k: v for k, v in record.items() if v is not ...}
        return json.dumps(record, separators=(",", ":"))

    w.raw(day, '{"version":"2.0","timestamp":17638')  # truncated
    w.raw(day, "this is not json")
    w.raw(day, line(requestId="bad-1", actionName=...))
    w.raw(day, line(requestId="bad-2", timestamp=...))
    w.raw(day, line(requestId="bad-3", actionName="frobnicateWidget"))
    w.raw(day, line(requestId="bad-4", timestamp=4102444800000))  # 2100-01-01
    w.raw(day, line(requestId="bad-5", timestamp="yesterday"))
    w.raw(day, line(requestId="ok-iso", timestamp=f"{day.isoformat()}T09:30:00Z"))
    w.raw(day, line(requestId="ok-ms-string", timestamp=str(noon + 60_000)))


def generate(
    out: Path,
    *,
    start: date = DEFAULT_START,
    days: int = DEFAULT_DAYS,
    seed: int = DEFAULT_SEED,
    events: int = 0,
) -> int:
    """Write the sample logs under `out` and return the number of lines written."""
    if days < 28:
        raise ValueError(
            f"--days must be at least 28 (the planted incidents span 4 weeks); got {days}"
        )
    # Sized on the first four weeks, so that delivering more days never changes earlier files.
    weekdays = sum(1 for d in range(DEFAULT_DAYS) if (start + timedelta(days=d)).weekday() < 5)
    base_per_person_day = 6
    extra = 0
    if events:
        extra = max(0, events // max(1, weekdays * len(PEOPLE)) - base_per_person_day)
    writer = Writer(seed)
    for index in range(DEFAULT_DAYS):
        _background_day(writer, start + timedelta(days=index), extra)
    _planted(writer, start)
    _bad_input(writer, start + timedelta(days=27))
    for index in range(DEFAULT_DAYS, days):
        _background_day(writer, start + timedelta(days=index), extra)
    return writer.write(out)


def main(argv: list[str] | None = None) -> int:
    """`python -m ucgov.audit.samples`: the command `ucgov audit samples`; its exit code."""
    from ucgov.cli import audit_samples, standalone

    return standalone(audit_samples, argv, "python -m ucgov.audit.samples")


if __name__ == "__main__":
    sys.exit(main())
