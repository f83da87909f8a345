"""`ucgov groups sync`: the policy's groups seed against the account's groups (SCIM drift).

``compare`` is pure: missing groups (created unless ``--check``), account groups the seed does
not know (reported only), and the members of groups whose membership the IdP owns (reported:
ucgov never changes membership).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from ucgov.errors import InputError
from ucgov.state import GroupNow

GROUP_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 _.\-]{0,127}$")


@dataclass(frozen=True)
class SeedGroup:
    """One row of seeds/policy/groups.csv."""

    name: str
    idp_group: str


@dataclass(frozen=True)
class GroupDrift:
    """One line of the report: the group, its status and a detail."""

    group: str
    status: str  # missing | extra | idp-owned | in sync
    detail: str


def read_seed(path: Path) -> list[SeedGroup]:
    """The seed's groups; a bad row raises ``InputError`` naming the row and value."""
    source = str(path)
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as error:
        raise InputError(source, "", f"cannot read the seed: {error}") from None
    with handle:
        reader = csv.DictReader(handle)
        if "group_name" not in (reader.fieldnames or ()):
            raise InputError(source, "header", "needs a group_name column", reader.fieldnames)
        out: list[SeedGroup] = []
        for number, row in enumerate(reader, start=2):
            name = (row.get("group_name") or "").strip()
            if not GROUP_NAME.match(name):
                raise InputError(
                    source, f"row {number}, group_name", "not a valid group name", name
                )
            if any(g.name.lower() == name.lower() for g in out):
                raise InputError(source, f"row {number}, group_name", "duplicate group", name)
            out.append(SeedGroup(name, (row.get("idp_group") or "").strip()))
    return out


def compare(seed: list[SeedGroup], account: tuple[GroupNow, ...]) -> list[GroupDrift]:
    """The drift between the seed and the account's groups (names compared case-insensitively)."""
    existing = {g.name.lower(): g for g in account}
    declared = {g.name.lower() for g in seed}
    out = []
    for group in seed:
        have = existing.get(group.name.lower())
        if have is None:
            out.append(GroupDrift(group.name, "missing", "in the seed, not in the account"))
        elif group.idp_group:
            out.append(
                GroupDrift(
                    group.name,
                    "idp-owned",
                    f"{len(have.member_ids)} member(s); membership belongs to IdP group "
                    f"{group.idp_group} (SCIM), never changed here",
                )
            )
        else:
            out.append(GroupDrift(group.name, "in sync", f"{len(have.member_ids)} member(s)"))
    for group in account:
        if group.name.lower() not in declared:
            out.append(GroupDrift(group.name, "extra", "in the account, not in the seed (kept)"))
    return out
