"""The dbt lineage is the same on every target: adapter differences stay inside the
`adapter.dispatch` shims, never in which models, seeds and sources a model depends on."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.support.project import REPO_ROOT, LocalProject

# Offline: parsing the databricks target opens no connection, so dummy values suffice.
DUMMY_DATABRICKS_ENV = {
    "DATABRICKS_HOST": "example.cloud.databricks.com",
    "DATABRICKS_HTTP_PATH": "/sql/1.0/warehouses/0000000000000000",
    "DATABRICKS_TOKEN": "dummy-token-for-parse-only",
    "DATABRICKS_CATALOG": "main",
}


# Opt-in features default by target (audit is off on Databricks until a source is named);
# with the same switches the graph must be the same.
SAME_SWITCHES = json.dumps(
    {"uc_governance_dynamic_views": True, "uc_governance_audit_source": "system_table"}
)

# The one declared local-only substitution: with no pipelines on the embedded default, the demo
# seeds stand in for the protected base tables (shim protected_base_relation), and the mask-rule
# samples feed the rule unit tests. Nothing else may differ.
SOURCE = "source.uc_governance."
DEMO_STAND_INS = {
    "seed.uc_governance.demo_customers": SOURCE + "production__sensitive_data.customers",
    "seed.uc_governance.demo_sales": SOURCE + "production__analytics.sales",
}
LOCAL_ONLY = {
    # on Databricks the plan creates the dynamic views (docs/decisions/0051); dbt builds them
    # on local only, from the same SQL-rendered definitions
    "model.uc_governance.customers_masked_v",
    "model.uc_governance.regional_sales_v",
    "seed.uc_governance.mask_rule_samples",
    "model.uc_governance.int_protection__mask_rule_samples",
    *DEMO_STAND_INS,
}


def lineage(project: LocalProject, target: str) -> dict[str, list[str]]:
    """Parent nodes of every model, seed and analysis in the parsed manifest of `target`."""
    run = project.dbt("parse", "--target", target, "--vars", SAME_SWITCHES)
    assert run.success, run.text
    manifest = json.loads((project.root / "target" / "manifest.json").read_text())
    return {
        unique_id: sorted(node["depends_on"].get("nodes", []))
        for unique_id, node in manifest["nodes"].items()
        if node["resource_type"] in ("model", "seed", "analysis")
    }


def test_models_have_the_same_parents_on_local_and_databricks(tmp_path, monkeypatch):
    for name, value in DUMMY_DATABRICKS_ENV.items():
        monkeypatch.setenv(name, value)
    project = LocalProject(tmp_path)
    shutil.copy(REPO_ROOT / "profiles.example.yml", project.profiles_dir / "profiles.yml")
    (project.root / "target" / "local").mkdir(parents=True, exist_ok=True)

    on_local = {
        unique_id: sorted(DEMO_STAND_INS.get(parent, parent) for parent in parents)
        for unique_id, parents in lineage(project, "local").items()
        if unique_id not in LOCAL_ONLY
    }
    on_databricks = lineage(project, "databricks")

    differing = {
        unique_id: {"local": on_local.get(unique_id), "databricks": on_databricks.get(unique_id)}
        for unique_id in on_local.keys() | on_databricks.keys()
        if on_local.get(unique_id) != on_databricks.get(unique_id)
    }
    assert differing == {}
    # the live-state reads name the declared catalogs on both targets, not only on Databricks
    assert (
        "model.uc_governance.stg_policy__securables"
        in (on_local["model.uc_governance.stg_uc__privileges"])
    )


@pytest.mark.parametrize("target", ["local", "databricks"])
def test_plan_unions_one_model_per_action(tmp_path, monkeypatch, target):
    for name, value in DUMMY_DATABRICKS_ENV.items():
        monkeypatch.setenv(name, value)
    project = LocalProject(tmp_path)
    shutil.copy(REPO_ROOT / "profiles.example.yml", project.profiles_dir / "profiles.yml")
    (project.root / "target" / "local").mkdir(parents=True, exist_ok=True)

    parents = lineage(project, target)["model.uc_governance.governance_plan"]

    assert parents == sorted(
        [
            "model.uc_governance.policy_violations",
            "model.uc_governance.int_plan__missing_securables",
            "model.uc_governance.int_plan__keeps",
            "model.uc_governance.int_plan__partial_view",
            "model.uc_governance.int_plan__create_securables",
            "model.uc_governance.int_plan__revokes",
            "model.uc_governance.int_plan__grants",
            "model.uc_governance.int_plan__set_owners",
            # native protection (docs/decisions/0050)
            "model.uc_governance.int_plan__create_functions",
            "model.uc_governance.int_plan__create_views",
            "model.uc_governance.int_plan__replace_views",
            "model.uc_governance.int_plan__drop_masks",
            "model.uc_governance.int_plan__drop_row_filters",
            "model.uc_governance.int_plan__unset_tags",
            "model.uc_governance.int_plan__drop_functions",
            "model.uc_governance.int_plan__set_masks",
            "model.uc_governance.int_plan__set_row_filters",
            "model.uc_governance.int_plan__set_tags",
        ]
    )
