"""Terminal output with rich: coloured tables on a terminal, plain text when piped."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence

from rich.console import Console
from rich.table import Table

from ucgov.errors import REDACT
from ucgov.plan import Plan

ACTION_STYLE = {"create": "green", "update": "yellow", "delete": "red bold"}
PIPE_WIDTH = 120  # piped output: wide enough that most tables do not wrap


def console(stderr: bool = False) -> Console:
    """A console for stdout (results) or stderr (progress and errors); when piped, tables are
    ``COLUMNS`` wide (default 120) instead of rich's 80."""
    probe = Console(stderr=stderr)
    width = None if probe.is_terminal else int(os.environ.get("COLUMNS") or PIPE_WIDTH)
    return Console(stderr=stderr, highlight=False, width=width)


def table(
    title: str, columns: Sequence[str], rows: Iterable[Sequence[str]], styles: Iterable[str] = ()
) -> Table:
    """A table with a title; ``styles`` gives an optional style per row."""
    out = Table(title=title, title_justify="left", show_lines=False)
    for column in columns:
        out.add_column(column, overflow="fold")
    style_list = list(styles)
    for i, row in enumerate(rows):
        out.add_row(
            *(REDACT(str(cell)) for cell in row),
            style=style_list[i] if i < len(style_list) else None,
        )
    return out


def print_plan(out: Console, plan: Plan) -> None:
    """The plan as a table per kind (changes, then what is deliberately left alone)."""
    if plan.changes:
        out.print(
            table(
                f"Plan for {plan.source}",
                ("area", "action", "target", "change"),
                ((c.area, c.action, c.target, c.diff) for c in plan.changes),
                (ACTION_STYLE[c.action] for c in plan.changes),
            )
        )
        counts = {a: sum(c.action == a for c in plan.changes) for a in ACTION_STYLE}
        out.print(", ".join(f"{n} to {action}" for action, n in counts.items()) + ".")
    else:
        out.print(f"No changes: the workspace matches {plan.source}.")
    if plan.notes:
        out.print(
            table(
                "Left alone",
                ("area", "target", "why"),
                ((n.area, n.target, n.text) for n in plan.notes),
                ("yellow" if n.drift else "dim" for n in plan.notes),
            )
        )
