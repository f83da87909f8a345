"""Every model, column, seed, source and macro of the project is documented, and the docs
generate cleanly (no warnings)."""

from __future__ import annotations

import json


def test_docs_generate_is_clean_and_everything_is_documented(built_demo):
    project, _ = built_demo
    run = project.dbt("docs", "generate")
    assert run.success, run.text
    assert run.warnings == []

    manifest = json.loads((project.root / "target/manifest.json").read_text())
    catalog = json.loads((project.root / "target/catalog.json").read_text())
    undocumented = []
    for unique_id, node in manifest["nodes"].items():
        if node["package_name"] != "uc_governance" or node["resource_type"] not in (
            "model",
            "seed",
        ):
            continue
        if not node["description"].strip():
            undocumented.append(unique_id)
        built_columns = {name.lower() for name in catalog["nodes"][unique_id]["columns"]}
        documented = {
            name.lower() for name, column in node["columns"].items() if column["description"]
        }
        undocumented.extend(f"{unique_id}.{name}" for name in sorted(built_columns - documented))
    for unique_id, macro in manifest["macros"].items():
        if macro["package_name"] == "uc_governance" and not macro["description"].strip():
            undocumented.append(unique_id)
    for unique_id, source in manifest["sources"].items():
        if not source["description"].strip():
            undocumented.append(unique_id)
    assert undocumented == []
