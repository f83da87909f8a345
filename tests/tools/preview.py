"""`make preview` (`python -m tests.tools.preview`): the demo organisation applied to an empty
(offline) workspace.

Runs `dbt build` twice with the real dbt-databricks adapter against the harness (a first apply,
then a no-op re-run) and writes, for reviewers:

- target/preview/statements.sql: every statement the first run sent, in order, each under a
  comment with its kind and dbt node;
- target/preview/governance.sql: only the governance statements (what changes Unity Catalog);
- target/preview/summary.json: counts per kind for both runs.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from pathlib import Path

from tests.harness import GOVERNANCE_KINDS, HarnessRun
from tests.support.harnessed import Harnessed
from tests.support.project import REPO_ROOT


def statement_log(run: HarnessRun) -> str:
    """Every statement of a run as an annotated SQL script."""
    blocks = []
    for number, statement in enumerate(run.statements, start=1):
        where = f" [{statement.node_id}]" if statement.node_id else ""
        blocks.append(f"-- {number}. {statement.kind}{where}\n{statement.text.strip()};")
    return "\n\n".join(blocks) + "\n"


def write_preview(out: Path) -> dict[str, dict[str, int]]:
    """Run the preview and write its files into `out`; returns the counts per kind."""
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="uc-governance-preview-") as tmp:
        harnessed = Harnessed(Path(tmp))
        first = harnessed.dbt("build").assert_ok()
        second = harnessed.dbt("build").assert_ok()
    (out / "statements.sql").write_text(statement_log(first))
    governance = [s.normalized + ";" for s in first.statements if s.kind in GOVERNANCE_KINDS]
    (out / "governance.sql").write_text("\n".join(governance) + "\n")
    summary = {
        "first_apply": dict(Counter(s.kind for s in first.statements)),
        "noop": dict(Counter(s.kind for s in second.statements)),
    }
    (out / "summary.json").write_text(json.dumps(summary, indent=2, sort_keys=True) + "\n")
    return summary


def main() -> None:
    """Write target/preview/ and print where."""
    out = REPO_ROOT / "target" / "preview"
    summary = write_preview(out)
    print(json.dumps(summary, indent=2, sort_keys=True))
    print(f"statement log written to {out}/statements.sql, governance.sql, summary.json")


if __name__ == "__main__":
    main()
