"""Every model, column, seed, source and public macro of the project is documented, and the docs
generate cleanly (no warnings). Public macros are documented in YAML; private `_` helpers and
adapter implementations (`default__`, `databricks__`, `duckdb__`) carry a header comment."""

from __future__ import annotations

import json
import re
from pathlib import Path

IMPLEMENTATION = re.compile(r"^(_|default__|databricks__|duckdb__)")


def has_header_comment(path: Path, macro_name: str) -> bool:
    """The macro's definition is directly preceded by a Jinja comment."""
    text = path.read_text()
    match = re.search(r"\{%-?\s*macro\s+" + re.escape(macro_name) + r"\s*\(", text)
    return match is not None and text[: match.start()].rstrip().endswith("#}")


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
        if node["config"]["materialized"] == "ephemeral":
            continue  # inlined into its consumers: no relation, so no built columns to compare
        built_columns = {name.lower() for name in catalog["nodes"][unique_id]["columns"]}
        documented = {
            name.lower() for name, column in node["columns"].items() if column["description"]
        }
        undocumented.extend(f"{unique_id}.{name}" for name in sorted(built_columns - documented))
    for unique_id, macro in manifest["macros"].items():
        if macro["package_name"] != "uc_governance":
            continue
        if IMPLEMENTATION.match(macro["name"]):
            if not has_header_comment(project.root / macro["original_file_path"], macro["name"]):
                undocumented.append(f"{unique_id} (no header comment)")
        elif not macro["description"].strip():
            undocumented.append(unique_id)
    for unique_id, source in manifest["sources"].items():
        if not source["description"].strip():
            undocumented.append(unique_id)
    assert undocumented == []
