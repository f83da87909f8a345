"""`make preview` (`python -m tests.tools.preview`): the demo organisation applied to an empty
(offline) workspace.

Runs `dbt build` three times with the real dbt-databricks adapter against the harness: a first
apply on the empty workspace, the apply that follows once the pipelines have built the tables the
policy declares (their grants and owners wait for them until then), and a no-op re-run. Writes,
for reviewers:

- target/preview/statements.sql: every statement the two applies sent, in order, each under a
  comment with its kind and dbt node, each apply under a header;
- target/preview/governance.sql: only the governance statements of both applies (what changes
  Unity Catalog), each apply under a header comment;
- target/preview/summary.json: counts per kind for the three runs.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from pathlib import Path

from tests.harness import GOVERNANCE_KINDS, HarnessRun
from tests.support.harnessed import Harnessed
from tests.support.project import REPO_ROOT

APPLIES = (
    ("first_apply", "first apply, on an empty workspace"),
    ("tables_built", "the next apply, once the pipelines have built the declared tables"),
)


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
        runs = {"first_apply": harnessed.dbt("build").assert_ok()}
        harnessed.pipelines_build_tables()
        runs["tables_built"] = harnessed.dbt("build").assert_ok()
        runs["noop"] = harnessed.dbt("build").assert_ok()
    log, governance = [], []
    for key, title in APPLIES:
        log.append(f"-- ===== {title} =====\n\n{statement_log(runs[key])}")
        governance.append(f"-- {title}")
        governance += [
            s.normalized + ";" for s in runs[key].statements if s.kind in GOVERNANCE_KINDS
        ]
    (out / "statements.sql").write_text("\n".join(log))
    (out / "governance.sql").write_text("\n".join(governance) + "\n")
    summary = {key: dict(Counter(s.kind for s in run.statements)) for key, run in runs.items()}
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
