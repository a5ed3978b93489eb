"""``redwatch stats``: counts of the mirror as tables, JSON, CSV and publishable charts."""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from redwatch.cli_support import JsonOption, command_settings, emit_json, open_repository
from redwatch.errors import InputError

err = Console(stderr=True)
out = Console()

_TABLE_ROWS = 15


def stats(
    json_output: JsonOption = False,
    csv_output: Annotated[
        bool, typer.Option("--csv", help="Every figure as CSV rows: figure,value,notices.")
    ] = False,
    chart: Annotated[
        Path | None,
        typer.Option("--chart", metavar="FILE.png|svg", help="Draw the figures to a chart file."),
    ] = None,
    by: Annotated[
        list[str] | None,
        typer.Option(
            "--by",
            help="Only these figures (repeat): issuer, category, level, flag, flagged, "
            "nationality, year, appeared, removed.",
        ),
    ] = None,
) -> None:
    """Counts of the mirror: by issuing country, charge category, risk level, nationality,
    year of notice, and month of appearance and removal."""
    from redwatch.risk import rules_for_home
    from redwatch.risk.figures import FIGURES, compute

    selected = list(dict.fromkeys(by or FIGURES))
    unknown = [name for name in selected if name not in FIGURES]
    if unknown:
        raise InputError(f"unknown figure {unknown[0]!r}; choose from {', '.join(FIGURES)}")
    if sum((json_output, csv_output)) > 1:
        raise InputError("choose one of --json and --csv")
    settings = command_settings()
    repo = open_repository(settings)
    rules = rules_for_home(settings.home)
    figures = compute(repo.list_notices(status="active"), repo.events_since(0), rules)
    runs = repo.runs()
    last = runs[-1] if runs else None
    as_of = None
    if last is not None and last["finished_at"] is not None:
        as_of = str(last["finished_at"])[:10]
    if chart is not None:
        from redwatch.risk.charts import write_chart

        write_chart(chart, figures, selected, as_of=as_of)
        err.print(f"chart written to {chart}", highlight=False)
    if json_output:
        _json(repo.counts(), figures, selected, last)
    elif csv_output:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["figure", "value", "notices"])
        for name in selected:
            for key, count in figures.ordered(name):
                writer.writerow([name, key, count])
    elif chart is None:
        _tables(repo.counts(), figures, selected, last)


def _json(counts: dict[str, int], figures: Any, selected: list[str], last: Any) -> None:
    ordered = {name: dict(figures.ordered(name)) for name in selected}
    document = {
        **counts,
        # The first three keys predate the risk figures; scripts rely on them.
        "by_issuer": ordered.get("issuer", {}),
        "by_nationality": ordered.get("nationality", {}),
        "by_year": ordered.get("year", {}),
        "by_category": ordered.get("category", {}),
        "by_level": ordered.get("level", {}),
        "by_flag": ordered.get("flag", {}),
        "flagged_by_issuer": ordered.get("flagged", {}),
        "appeared_by_month": ordered.get("appeared", {}),
        "removed_by_month": ordered.get("removed", {}),
        "risk_rules": figures.rules,
        "last_sync": None
        if last is None
        else {
            "id": last["id"],
            "source": last["source"],
            "status": last["status"],
            "finished_at": last["finished_at"],
            "message": last["message"],
        },
    }
    emit_json(document)


def _tables(counts: dict[str, int], figures: Any, selected: list[str], last: Any) -> None:
    from redwatch.risk.figures import AXES, CHRONOLOGICAL, FIGURES, category_label

    out.print(
        f"active notices: {counts['active']}, removed: {counts['removed']}, "
        f"events: {counts['events']}"
    )
    if last is not None:
        out.print(f"last run: {last['source']} {last['status']} — {last['message']}")
    for name in selected:
        items = figures.ordered(name)
        shown = items if name in CHRONOLOGICAL else items[:_TABLE_ROWS]
        title = FIGURES[name] + ("" if len(shown) == len(items) else f" (top {len(shown)})")
        table = Table(AXES[name], "notices", title=title, min_width=len(title) + 2)
        for key, count in shown:
            label = category_label(key) if name == "category" else key
            table.add_row(label, str(count))
        out.print(table)
    err.print(f"risk rules: {figures.rules}; flags are indicators, not verdicts", highlight=False)
