"""`make preview` writes the demo organisation's full statement log against an empty workspace."""

from __future__ import annotations

from tests.support.demo_plan import FIRST_APPLY
from tests.tools.preview import write_preview


def test_preview_writes_the_statement_log(tmp_path):
    summary = write_preview(tmp_path)
    governance = (tmp_path / "governance.sql").read_text().splitlines()
    assert governance == [statement + ";" for statement in FIRST_APPLY]
    log = (tmp_path / "statements.sql").read_text()
    for statement in FIRST_APPLY:
        assert statement in log
    # the two table grants wait for the tables, the six view grants for the dynamic views
    assert summary["first_apply"]["grant"] == 28 - 2 - 6
    assert "grant" not in summary["noop"] and "revoke" not in summary["noop"]
