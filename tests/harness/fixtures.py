"""Generators for small dbt projects used by the harness tests and benchmarks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from .runner import HarnessRun
from .workspace import Workspace

PROFILE = "harness_fixture"

RUN_SQL_MACRO = """\
{% macro harness_run_sql(sql) %}
  {#- Send one statement through the adapter (used by the harness tests). -#}
  {% do run_query(sql) %}
{% endmacro %}
"""


@dataclass(frozen=True)
class GrantsProject:
    """A generated project with ``models`` each granting ``privileges`` to ``principals``."""

    path: Path
    models: tuple[str, ...]
    principals: tuple[str, ...]
    privileges: tuple[str, ...]

    def register_principals(self, ws: Workspace) -> None:
        """Create every principal of the project as an account group in ``ws``."""
        for name in self.principals:
            ws.add_group(name)

    @property
    def expected_grant_count(self) -> int:
        """GRANT statements dbt-databricks sends on a first build (one per model/priv/principal)."""
        return len(self.models) * len(self.principals) * len(self.privileges)


def _write_project_file(path: Path, name: str, extra: dict | None = None) -> None:
    data = {"name": name, "version": "1.0", "profile": PROFILE, "config-version": 2}
    data.update(extra or {})
    (path / "dbt_project.yml").write_text(yaml.safe_dump(data, sort_keys=False))


def principal_names(count: int, prefix: str = "bench-group") -> tuple[str, ...]:
    """``count`` group names that need backtick quoting (they contain ``-``)."""
    return tuple(f"{prefix}-{i:04d}" for i in range(1, count + 1))


def write_grants_config_project(
    path: Path,
    tables: int,
    principals: int | Sequence[str],
    *,
    privileges: Sequence[str] = ("select",),
    name: str = "grants_config_bench",
) -> GrantsProject:
    """Write a project of ``tables`` table models using dbt-databricks' ``grants:`` config.

    Every model is ``select <n> as id`` materialized as a table with
    ``grants: {<privilege>: [<all principals>]}``. ``principals`` is a count (names from
    ``principal_names``) or explicit names. Register them with ``register_principals``.
    """
    path = Path(path)
    (path / "models").mkdir(parents=True, exist_ok=True)
    names = principal_names(principals) if isinstance(principals, int) else tuple(principals)
    _write_project_file(path, name)
    grants = {p: list(names) for p in privileges}
    models = []
    for i in range(1, tables + 1):
        model = f"grants_table_{i:04d}"
        config = {"materialized": "table", "grants": grants}
        (path / "models" / f"{model}.sql").write_text(
            f"{{{{ config(**{config!r}) }}}}\nselect {i} as id\n"
        )
        models.append(model)
    return GrantsProject(path, tuple(models), names, tuple(privileges))


def write_tiny_project(path: Path, readers: Sequence[str] = ("data-readers",)) -> Path:
    """One seed, one table model with ``grants: {select: readers}``, one view, one data test.

    Also ships macro ``harness_run_sql(sql)`` for ``dbt run-operation`` probes.
    """
    path = Path(path)
    for sub in ("models", "seeds", "macros"):
        (path / sub).mkdir(parents=True, exist_ok=True)
    _write_project_file(
        path,
        "harness_tiny",
        {
            "seeds": {
                "harness_tiny": {
                    "people": {
                        "+column_types": {
                            "id": "int",
                            "name": "string",
                            "amount": "decimal(10,2)",
                            "joined": "date",
                        }
                    }
                }
            }
        },
    )
    (path / "seeds" / "people.csv").write_text(
        "id,name,amount,joined\n1,alice,10.50,2024-01-01\n2,bob,3.25,2024-02-03\n"
    )
    grants = {"select": list(readers)}
    (path / "models" / "people_table.sql").write_text(
        f"{{{{ config(materialized='table', grants={grants!r}) }}}}\n"
        "select id, name, amount, joined from {{ ref('people') }}\n"
    )
    (path / "models" / "people_view.sql").write_text(
        "{{ config(materialized='view') }}\n"
        "select id, upper(name) as name from {{ ref('people_table') }} where amount > 1\n"
    )
    (path / "models" / "schema.yml").write_text(
        yaml.safe_dump(
            {
                "version": 2,
                "models": [
                    {
                        "name": "people_table",
                        "columns": [{"name": "id", "data_tests": ["not_null", "unique"]}],
                    }
                ],
            },
            sort_keys=False,
        )
    )
    (path / "macros" / "harness_run_sql.sql").write_text(RUN_SQL_MACRO)
    return path


@dataclass
class Built:
    """A workspace after two ``dbt build`` runs of one project (the self-tests' fixture)."""

    ws: Workspace
    project: Path
    first: HarnessRun
    second: HarnessRun
