"""The harness's modules import one way (the layer order in tests/harness/README.md), the
Unity Catalog state imports no SQL engine, and no module imports a test module or conftest."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.support.import_graph import cycles, external_imports, import_graph, imported_modules

TESTS = Path(__file__).resolve().parents[1]
HARNESS = TESTS / "harness"

# Bottom to top; a module may import only modules of lower layers (README "Layers").
LAYERS: tuple[tuple[str, ...], ...] = (
    ("sqltext", "session", "storage", "state.errors", "state.privileges"),
    ("state.model",),
    ("state.principals", "state.grants"),
    ("state.uc",),
    ("state",),
    ("errors", "authz"),
    ("grammar", "dcl", "network", "scripting"),
    ("statements", "backend"),
    ("infoschema", "metadata", "governance"),
    ("engine",),
    ("server",),
    ("connector", "workspace"),
    ("runner",),
    ("fixtures",),
    ("",),
)


def test_every_module_is_in_one_layer() -> None:
    listed = [m for layer in LAYERS for m in layer]
    assert sorted(listed) == sorted(import_graph(HARNESS))


def test_imports_flow_down_the_layers_only() -> None:
    graph = import_graph(HARNESS)
    rank = {m: i for i, layer in enumerate(LAYERS) for m in layer}
    upward = sorted(
        (module, imported)
        for module, imports in graph.items()
        for imported in imports
        if rank[imported] >= rank[module]
    )
    assert upward == []
    assert cycles(graph) == []


def test_state_imports_no_sql_engine() -> None:
    state_files = sorted((HARNESS / "state").glob("*.py"))
    assert state_files
    external = set().union(*(external_imports(f) for f in state_files))
    assert external <= {
        "__future__",
        "collections",
        "dataclasses",
        "datetime",
        "threading",
        "typing",
    }
    graph = import_graph(HARNESS)
    state = {m for m in graph if m == "state" or m.startswith("state.")}
    assert set().union(*(graph[m] for m in state)) - state == {"sqltext"}


def test_importing_the_state_loads_no_sql_engine() -> None:
    """What a REST fake imports: the state alone, without DuckDB, sqlglot, connector or dbt."""
    probe = (
        "import sys, tests.harness.state; "
        "print(sorted(m for m in ('duckdb', 'sqlglot', 'databricks', 'dbt', 'sqlfluff') "
        "if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=TESTS.parent, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_cycle_finder_finds_a_cycle(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("from .b import x\n")
    (tmp_path / "b.py").write_text("def f():\n    from .a import y\n")
    (tmp_path / "c.py").write_text("from . import a\n")
    graph = import_graph(tmp_path)
    assert graph == {"a": {"b"}, "b": {"a"}, "c": {"a"}}
    assert cycles(graph) == [["a", "b"]]


def test_nothing_imports_a_test_module_or_a_conftest() -> None:
    """Shared test code lives outside the test packages (tests/support/, tests/harness/ ...)."""
    assert offending_imports(TESTS) == []


def offending_imports(tests: Path) -> list[tuple[str, str]]:
    """(file, import) pairs under ``tests`` that import a conftest, a ``test_`` module or any
    module of a test package (a folder holding ``test_*.py`` files)."""

    def package_of(path: Path, name: str) -> Path | None:
        if name.startswith("."):
            return path.parent
        parts = name.split(".")
        return tests / parts[1] if parts[0] == "tests" and len(parts) > 1 else None

    def is_test_package(folder: Path | None) -> bool:
        return folder is not None and any(folder.glob("test_*.py"))

    return sorted(
        (str(path.relative_to(tests)), name)
        for path in tests.rglob("*.py")
        for name in imported_modules(path)
        if name.rsplit(".", 1)[-1] == "conftest"
        or name.rsplit(".", 1)[-1].startswith("test_")
        or is_test_package(package_of(path, name))
    )
