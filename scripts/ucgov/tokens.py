"""`ucgov tokens audit`: personal access tokens against the §3.4 policy, per owner.

``audit`` is a pure function of the token list, the policy and the current time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

DAY_MS = 86_400_000


@dataclass(frozen=True)
class TokenPolicyCheck:
    """What a token is checked against."""

    within_days: int = 30
    max_lifetime_days: int = 90
    comment_required: bool = True


@dataclass(frozen=True)
class TokenReport:
    """One token and its findings (never the token value, which the API does not return)."""

    token_id: str
    owner: str
    comment: str
    created: str
    expires: str
    age_days: int
    findings: tuple[str, ...]


def _date(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, tz=UTC).strftime("%Y-%m-%d")


def audit(tokens: Iterable[Any], policy: TokenPolicyCheck, now: datetime) -> list[TokenReport]:
    """Findings per token: expiring soon, no expiry, older than the policy, no comment."""
    now_ms = int(now.timestamp() * 1000)
    soon_ms = int((now + timedelta(days=policy.within_days)).timestamp() * 1000)
    reports = []
    for token in tokens:
        findings = []
        expiry = token.expiry_time if token.expiry_time is not None else -1
        created = token.creation_time or now_ms
        age_days = (now_ms - created) // DAY_MS
        if expiry <= 0:
            findings.append("no expiry")
        elif expiry <= now_ms:
            findings.append("expired")
        elif expiry <= soon_ms:
            findings.append(f"expires within {policy.within_days} days")
        if age_days > policy.max_lifetime_days:
            findings.append(f"older than {policy.max_lifetime_days} days")
        if policy.comment_required and not (token.comment or "").strip():
            findings.append("no comment")
        reports.append(
            TokenReport(
                token_id=token.token_id or "",
                owner=token.created_by_username or str(token.owner_id or "unknown"),
                comment=token.comment or "",
                created=_date(created),
                expires="never" if expiry <= 0 else _date(expiry),
                age_days=age_days,
                findings=tuple(findings),
            )
        )
    return sorted(reports, key=lambda r: (r.owner, r.created, r.token_id))


def per_owner(reports: Iterable[TokenReport]) -> dict[str, dict[str, int]]:
    """Per owner: number of tokens and of tokens with findings."""
    reports = list(reports)
    tokens = Counter(r.owner for r in reports)
    flagged = Counter(r.owner for r in reports if r.findings)
    return {
        owner: {"tokens": tokens[owner], "with_findings": flagged[owner]}
        for owner in sorted(tokens)
    }
