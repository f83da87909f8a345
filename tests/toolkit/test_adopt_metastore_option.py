"""`python -m ucgov.adopt --metastore`: the option reaches the dbt operation as
`metastore: true`, with or without catalogs; without either the command refuses to run. A
stand-in `dbt` executable records the arguments it is given (a real process, as the CLI runs)."""

from __future__ import annotations

import json
import stat
import sys

from click.testing import CliRunner
from ucgov.adopt import main

ROW = {
    "file": "grants",
    "row": {
        "allow_all_privileges": "false",
        "principal": "data-admins",
        "privilege": "CREATE CATALOG",
        "reason": "adopted",
        "securable_name": "metastore",
        "securable_type": "METASTORE",
    },
}


def fake_dbt(tmp_path):
    """An executable that saves its argv and logs one adopt row, like the operation."""
    script = tmp_path / "dbt"
    script.write_text(
        f"#!{sys.executable}\n"
        "import json, sys, pathlib\n"
        f"pathlib.Path({str(tmp_path / 'argv.json')!r}).write_text(json.dumps(sys.argv[1:]))\n"
        f"print('08:00:00  uc_governance adopt ' + {json.dumps(ROW)!r})\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def test_metastore_option_reaches_the_operation(tmp_path):
    dbt = fake_dbt(tmp_path)
    out = tmp_path / "seeds"
    result = CliRunner().invoke(
        main, ["--metastore", "--dbt", str(dbt), "--out-dir", str(out)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    argv = json.loads((tmp_path / "argv.json").read_text())
    assert argv[:2] == ["run-operation", "adopt_policy"]
    assert json.loads(argv[argv.index("--args") + 1]) == {"catalogs": [], "metastore": True}
    assert (out / "grants.csv").read_text().splitlines()[1] == (
        "METASTORE,metastore,data-admins,CREATE CATALOG,false,adopted"
    )


def test_catalogs_without_metastore_keep_the_default(tmp_path):
    dbt = fake_dbt(tmp_path)
    args = ["--catalogs", "sales, finance", "--dbt", str(dbt), "--out-dir", str(tmp_path / "s")]
    assert CliRunner().invoke(main, args).exit_code == 0
    argv = json.loads((tmp_path / "argv.json").read_text())
    sent = json.loads(argv[argv.index("--args") + 1])
    assert sent == {"catalogs": ["sales", "finance"], "metastore": False}


def test_neither_catalogs_nor_metastore_is_refused(tmp_path):
    result = CliRunner().invoke(main, ["--dbt", str(fake_dbt(tmp_path))])
    assert result.exit_code == 2
    assert "names no catalog" in result.output
    assert not (tmp_path / "argv.json").exists()
