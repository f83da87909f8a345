"""`ucgov.adopt`: the adopt operation's log lines become sorted, stable seed files; anything
else in the log is ignored, and a malformed adopt line is refused with its line number."""

from __future__ import annotations

import pytest
from ucgov.adopt import AdoptError, parse_adopt_log, write_seeds

LOG = "\n".join(
    [
        "05:00:00  Running with dbt=1.11.16",
        '05:00:01  uc_governance adopt {"file": "grants", "row": {"allow_all_privileges": "false",'
        ' "principal": "b,\\"quoted\\" group", "privilege": "SELECT", "reason": "adopted",'
        ' "securable_name": "z-cat", "securable_type": "CATALOG"}}',
        '05:00:01  uc_governance adopt {"file": "grants", "row": {"allow_all_privileges": "false",'
        ' "principal": "a", "privilege": "USE CATALOG", "reason": "adopted",'
        ' "securable_name": "z-cat", "securable_type": "CATALOG"}}',
        '05:00:01  uc_governance adopt {"file": "grants", "row": {"allow_all_privileges": "false",'
        ' "principal": "a", "privilege": "USE CATALOG", "reason": "adopted",'
        ' "securable_name": "z-cat", "securable_type": "CATALOG"}}',
        '05:00:02  uc_governance adopt {"file": "groups", "row": {"description": "adopted",'
        ' "group_name": "\\u00e9quipe", "idp_group": "", "purpose": "adopted"}}',
        "05:00:03  uc_governance adopt: 2 securable and grant row(s) read from z-cat",
    ]
)


def test_rows_are_deduplicated_sorted_and_csv_quoted(tmp_path):
    counts = write_seeds(parse_adopt_log(LOG), tmp_path)
    assert counts == {"groups": 1, "service_principals": 0, "securables": 0, "grants": 2}
    assert (tmp_path / "grants.csv").read_text(encoding="utf-8") == (
        "securable_type,securable_name,principal,privilege,allow_all_privileges,reason\n"
        "CATALOG,z-cat,a,USE CATALOG,false,adopted\n"
        'CATALOG,z-cat,"b,""quoted"" group",SELECT,false,adopted\n'
    )
    assert (tmp_path / "groups.csv").read_text(encoding="utf-8") == (
        "group_name,description,purpose,idp_group\n\u00e9quipe,adopted,adopted,\n"
    )
    assert (tmp_path / "securables.csv").read_text() == (
        "securable_type,securable_name,owner,comment,managed_location\n"
    )


@pytest.mark.parametrize(
    "line",
    [
        "uc_governance adopt {not json}",
        'uc_governance adopt {"file": "owners", "row": {}}',
        'uc_governance adopt {"file": "groups", "row": {"group_name": "g"}}',
    ],
)
def test_a_malformed_adopt_line_is_refused_with_its_line_number(line):
    with pytest.raises(AdoptError, match=r"adopt output line 2 is not a seed row"):
        parse_adopt_log("05:00:00  Running\n" + line)
