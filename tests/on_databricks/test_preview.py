"""`make preview` writes the demo organisation's full statement log: the first apply on an empty
workspace and the apply that follows once the pipelines have built the declared tables."""

from __future__ import annotations

from tests.support.demo_plan import AFTER_TABLES, FIRST_APPLY
from tests.tools.preview import write_preview


def test_preview_writes_the_statement_log_of_both_applies(tmp_path):
    summary = write_preview(tmp_path)
    governance = (tmp_path / "governance.sql").read_text().splitlines()
    assert governance == [
        "-- first apply, on an empty workspace",
        *(statement + ";" for statement in FIRST_APPLY),
        "-- the next apply, once the pipelines have built the declared tables",
        *(statement + ";" for statement in AFTER_TABLES),
    ]
    log = (tmp_path / "statements.sql").read_text()
    for statement in [*FIRST_APPLY, *AFTER_TABLES]:
        assert statement in log
    # the two table grants wait for the tables, the six view grants for the dynamic views,
    # which wait for their base tables
    assert summary["first_apply"]["grant"] == 28 - 2 - 6
    assert summary["tables_built"]["grant"] == 2 + 6
    assert summary["tables_built"]["create_securable"] == 2
    assert "grant" not in summary["noop"] and "revoke" not in summary["noop"]
