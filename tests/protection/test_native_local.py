"""Native protection on target local (DuckDB): the mask rules it renders are the vocabulary's,
an undeclared governance schema stops the build naming the file, row and value (before any
plan), and a malformed schema setting is refused showing the value."""

from __future__ import annotations

import csv

from tests.support.native import switch_to_native
from tests.support.project import REPO_ROOT


def test_mask_rule_names_lists_the_vocabulary(project):
    run = project.dbt("compile", "--inline", "{{ uc_governance.mask_rule_names() | join(',') }}")
    assert run.success, run.text
    compiled = run.result.result.results[0].node.compiled_code.strip()
    with (REPO_ROOT / "seeds" / "vocabulary" / "mask_rules.csv").open(newline="") as handle:
        vocabulary = [row["mask_rule"] for row in csv.DictReader(handle)]
    assert compiled.split(",") == vocabulary


def test_an_undeclared_function_schema_stops_the_build(project):
    switch_to_native(project.root)
    run = project.dbt(
        "build", "--vars", "{uc_governance_protection_function_schema: production.nowhere}"
    )
    assert not run.success
    assert "seeds/policy/protected_tables.csv" in run.text
    assert "production.sensitive_data.customers" in run.text
    assert "native protection creates its functions in schema production.nowhere" in run.text
    assert run.node_status("governance_plan") == "skipped"


def test_a_malformed_function_schema_setting_is_refused(project):
    run = project.dbt(
        "build", "--vars", '{uc_governance_protection_function_schema: "prod\'; drop"}'
    )
    assert not run.success
    assert "uc_governance_protection_function_schema must be catalog.schema" in run.text
    assert "prod'; drop" in run.text
