"""The security dashboard as a static HTML page, from the local (DuckDB) build.

    ucgov audit dashboard [--database target/local/uc_governance_local.duckdb]
        [--definition analyses/dashboards/security.lvdash.json] [--out target/dashboard/index.html]
    ucgov audit dashboard --print-alerts [--database ...]
    (or python -m ucgov.audit.dashboard with the same options)

Reads the Lakeview definition kept in the repository, runs each dataset's query on the DuckDB
file that `dbt build --target local` wrote, and renders every widget of the definition (counter,
line, bar, table) with inline SVG: one self-contained page, no script, no network. Each panel is a
`<section class="panel">` carrying `data-panel` (the widget name) and `data-rows` (rows of its
dataset), so a browser test can check that every panel rendered with data. Every value from the
audit logs is HTML-escaped (user names and addresses come from outside).
"""

from __future__ import annotations

import html
import json
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

DEFAULT_DATABASE = Path("target/local/uc_governance_local.duckdb")
DEFAULT_DEFINITION = Path("analyses/dashboards/security.lvdash.json")
DEFAULT_OUT = Path("target/dashboard/index.html")
ALERT_TABLES = (
    "failed_login_alerts",
    "after_hours_sensitive_access_alerts",
    "privilege_escalation_events",
    "permission_change_events",
    "long_lived_token_events",
    "admin_group_change_events",
    "first_sensitive_access_events",
    "unusual_access_events",
    "audit_quarantine_events",
)
CELL = 222  # pixels per grid column of the Lakeview layout (6 columns wide)
ROW = 48  # pixels per grid row


@dataclass(frozen=True)
class Dataset:
    """A dataset's result: column names and rows."""

    columns: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]

    def column(self, name: str) -> list[object]:
        index = self.columns.index(name)
        return [row[index] for row in self.rows]


def load_definition(path: Path) -> dict:
    """The Lakeview dashboard definition (a JSON object with datasets and pages)."""
    try:
        definition = json.loads(path.read_text())
    except json.JSONDecodeError as error:
        raise ValueError(f"{path}: not valid JSON ({error})") from None
    if not isinstance(definition, dict) or "datasets" not in definition:
        raise ValueError(f"{path}: not a Lakeview dashboard definition (no 'datasets')")
    return definition


def dataset_sql(dataset: dict) -> str:
    """The SQL text of a Lakeview dataset (its queryLines joined)."""
    return "".join(dataset["queryLines"])


def run_datasets(definition: dict, database: Path) -> dict[str, Dataset]:
    """Run every dataset's query (SELECT only) on the DuckDB file."""
    import duckdb

    results: dict[str, Dataset] = {}
    with _connect(database) as connection:
        for dataset in definition["datasets"]:
            try:
                relation = connection.sql(dataset_sql(dataset))
                rows = tuple(relation.fetchall())
            except duckdb.Error as error:
                raise ValueError(
                    f"{database}: dataset {dataset.get('name')!r} failed: {error}"
                ) from None
            results[dataset["name"]] = Dataset(columns=tuple(relation.columns), rows=rows)
    return results


def _connect(database: Path):  # type: ignore[no-untyped-def]
    """A DuckDB connection; a file DuckDB cannot open is a ValueError naming it."""
    import duckdb

    try:
        return duckdb.connect(str(database))
    except duckdb.Error as error:
        raise ValueError(f"{database}: DuckDB cannot open it ({error})") from None


def _text(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _number(value: object) -> float:
    return float(value) if isinstance(value, int | float) else 0.0


def _svg_line(data: Dataset, x: str, y: str, width: int, height: int) -> str:
    xs, ys = data.column(x), [_number(v) for v in data.column(y)]
    top = max(ys, default=0) or 1
    pad = 36
    step = (width - 2 * pad) / max(len(ys) - 1, 1)
    points = [
        (pad + index * step, height - pad - (value / top) * (height - 2 * pad))
        for index, value in enumerate(ys)
    ]
    path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
    dots = "".join(
        f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3"><title>{_text(label)}: {_text(value)}</title>'
        "</circle>"
        for (px, py), label, value in zip(points, xs, ys, strict=True)
    )
    first, last = (_text(xs[0]), _text(xs[-1])) if xs else ("", "")
    return (
        f'<svg width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
        'class="chart line">'
        f'<line x1="{pad}" y1="{height - pad}" x2="{width - pad}" y2="{height - pad}" '
        'class="axis"/>'
        f'<text x="{pad}" y="16" class="label">max {_text(int(top))}</text>'
        f'<polyline points="{path}" class="series"/>{dots}'
        f'<text x="{pad}" y="{height - 10}" class="label">{first}</text>'
        f'<text x="{width - pad}" y="{height - 10}" class="label" text-anchor="end">{last}</text>'
        "</svg>"
    )


def _svg_bars(data: Dataset, label: str, value: str, width: int, height: int) -> str:
    labels, values = data.column(label), [_number(v) for v in data.column(value)]
    top = max(values, default=0) or 1
    gap, left = 4, width * 0.45
    bar = max(6, min(18, (height - gap) / max(len(values), 1) - gap))
    parts = [
        f'<svg width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
        'class="chart bar">'
    ]
    for index, (name, amount) in enumerate(zip(labels, values, strict=True)):
        y = round(gap + index * (bar + gap))
        length = (width - left - 40) * amount / top
        parts.append(
            f'<text x="{left - 6:.0f}" y="{y + 13}" class="label" text-anchor="end">'
            f"{_text(name)}</text>"
            f'<rect x="{left:.0f}" y="{y}" width="{length:.1f}" height="{bar}" class="series">'
            f"<title>{_text(name)}: {_text(amount)}</title></rect>"
            f'<text x="{left + length + 4:.0f}" y="{y + 13}" class="label">'
            f"{_text(int(amount))}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _table(data: Dataset, fields: list[str]) -> str:
    head = "".join(f"<th>{_text(name)}</th>" for name in fields)
    indexes = [data.columns.index(name) for name in fields]
    body = "".join(
        "<tr>" + "".join(f"<td>{_text(row[i])}</td>" for i in indexes) + "</tr>"
        for row in data.rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def render_widget(widget: dict, data: Dataset, width: int, height: int) -> str:
    """One panel: the widget's chart or table over its dataset's rows."""
    spec = widget["spec"]
    kind, encodings = spec["widgetType"], spec["encodings"]
    title = spec.get("frame", {}).get("title", widget["name"])
    if kind == "counter":
        value = (
            data.rows[0][data.columns.index(encodings["value"]["fieldName"])] if data.rows else 0
        )
        body = f'<p class="counter">{_text(value)}</p>'
    elif kind == "line":
        body = _svg_line(
            data, encodings["x"]["fieldName"], encodings["y"]["fieldName"], width, height
        )
    elif kind == "bar":
        x, y = encodings["x"], encodings["y"]
        category, amount = (y, x) if x["scale"]["type"] == "quantitative" else (x, y)
        body = _svg_bars(data, category["fieldName"], amount["fieldName"], width, height)
    elif kind == "table":
        body = _table(data, [column["fieldName"] for column in encodings["columns"]])
    else:
        raise ValueError(f"widget {widget['name']!r}: widgetType {kind!r} cannot be rendered")
    return (
        f'<section class="panel" data-panel="{_text(widget["name"])}" '
        f'data-rows="{len(data.rows)}" data-kind="{_text(kind)}">'
        f"<h2>{_text(title)}</h2>{body}</section>"
    )


STYLE = """
body{font-family:system-ui,sans-serif;margin:24px;width:1352px;background:#f6f7f9;color:#1b1f24}
h1{font-size:22px;margin:0 0 4px} .meta{color:#5b6470;margin:0 0 18px;font-size:13px}
.grid{display:grid;grid-template-columns:repeat(6,1fr);gap:14px}
.grid>div{min-width:0;overflow:hidden}
.panel{background:#fff;border:1px solid #dde1e6;border-radius:6px;padding:12px;overflow:auto;
height:100%;box-sizing:border-box}
.panel h2{font-size:14px;margin:0 0 8px;color:#2b3440}
.counter{font-size:48px;font-weight:600;margin:8px 0;color:#b42318}
.chart{display:block} .series{fill:#1f6feb;stroke:#1f6feb}
polyline.series{fill:none;stroke-width:2} .axis{stroke:#8c959f} .label{font-size:11px;fill:#3d4650}
table{border-collapse:collapse;font-size:12px;width:100%}
th,td{border-bottom:1px solid #e6e9ed;padding:4px 6px;text-align:left}
"""


def render_page(definition: dict, results: dict[str, Dataset], generated: str) -> str:
    """The whole page: every widget of every page of the definition, on the layout's grid."""
    sections = []
    for page in definition["pages"]:
        panels = []
        for item in page["layout"]:
            widget, position = item["widget"], item["position"]
            dataset = widget["queries"][0]["query"]["datasetName"]
            width = position["width"] * CELL - 40
            height = position["height"] * ROW - 60
            panels.append(
                f'<div style="grid-column:{position["x"] + 1} / span {position["width"]};'
                f'grid-row:{position["y"] + 1} / span {position["height"]}">'
                + render_widget(widget, results[dataset], width, max(height, 80))
                + "</div>"
            )
        sections.append(
            f"<h1>{_text(page.get('displayName', page['name']))}</h1>"
            f'<p class="meta">Rendered from the local build on {_text(generated)}; '
            "the same definition is a Databricks Lakeview dashboard.</p>"
            f'<div class="grid" style="grid-auto-rows:{ROW}px">{"".join(panels)}</div>'
        )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        "<title>Security dashboard</title>"
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">"
        f"<style>{STYLE}</style></head><body>{''.join(sections)}</body></html>\n"
    )


def alert_counts(database: Path) -> dict[str, int]:
    """Rows of each detection and alert table in the local build."""
    import duckdb

    with _connect(database) as connection:
        try:
            return {
                name: connection.sql(f"select count(*) from uc_governance.{name}").fetchall()[0][0]
                for name in ALERT_TABLES
            }
        except duckdb.Error as error:
            raise ValueError(f"{database}: {error}") from None


def write_page(database: Path, definition_path: Path, out: Path) -> None:
    """Run the definition's datasets on the local build and write the page to `out`."""
    definition = load_definition(definition_path)
    results = run_datasets(definition, database)
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_page(definition, results, generated))


def main(argv: list[str] | None = None) -> int:
    """`python -m ucgov.audit.dashboard`: the command `ucgov audit dashboard`; its exit code."""
    from ucgov.cli import audit_dashboard, standalone

    return standalone(audit_dashboard, argv, "python -m ucgov.audit.dashboard")


if __name__ == "__main__":
    sys.exit(main())
