"""Import graph of a Python package, read with ``ast`` (nothing is imported or executed).

``python -m tests.support.import_graph tests/harness`` prints each module's in-package
imports (module-level and function-level alike) and every import cycle found.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path


def module_name(package_dir: Path, path: Path) -> str:
    """Dotted name of ``path`` relative to ``package_dir`` (``state.uc``; ``__init__`` -> ``.``
    of its folder, the package itself being ``""``)."""
    parts = list(path.relative_to(package_dir).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(current: str, is_package: bool, level: int, target: str | None) -> str:
    base = current.split(".") if current else []
    if not is_package:
        base = base[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join([*base, *([target] if target else [])])


def import_graph(package_dir: Path) -> dict[str, set[str]]:
    """Map each module of the package to the package modules it imports (relative imports)."""
    package_dir = Path(package_dir)
    files = sorted(package_dir.rglob("*.py"))
    modules = {module_name(package_dir, f): f for f in files}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        is_package = path.name == "__init__.py"
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not isinstance(node, ast.ImportFrom) or node.level == 0:
                continue
            base = _resolve(name, is_package, node.level, node.module)
            for alias in node.names:
                candidate = f"{base}.{alias.name}" if base else alias.name
                found.add(candidate if candidate in modules else base)
        graph[name] = {m for m in found if m in modules and m != name}
    return graph


def imported_modules(path: Path) -> set[str]:
    """Modules one file imports: absolute names as written (``tests.support.project``), and a
    relative import as its dots plus module (``.builds``)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(Path(path).read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.add("." * node.level + (node.module or ""))
    return names


def external_imports(path: Path) -> set[str]:
    """Top-level names of the absolute imports in one file (``sqlglot``, ``duckdb`` ...)."""
    return {n.split(".")[0] for n in imported_modules(path) if not n.startswith(".")}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def main(argv: list[str]) -> int:
    """Print the graph and its cycles; exit 1 when there is a cycle."""
    graph = import_graph(Path(argv[0]))
    for name in sorted(graph):
        print(f"{name or '(package)'} -> {', '.join(sorted(graph[name])) or '-'}")
    found = cycles(graph)
    for component in found:
        print("CYCLE:", " <-> ".join(component))
    print(f"{len(found)} cycle(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
