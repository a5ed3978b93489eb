"""Charts of the figures, fit to publish: a title, labelled axes and a source line.

Drawn with matplotlib's object API (no pyplot state, no display needed), as PNG or SVG.
"""

from __future__ import annotations

from pathlib import Path

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from redwatch.errors import InputError
from redwatch.risk.figures import AXES, CHRONOLOGICAL, FIGURES, Figures, category_label

FORMATS = (".png", ".svg")
TOP = 15  # bars per chart for figures that are not in time order
_BAR = "#8c2d04"
_LEVEL_COLOURS = {"high": "#b30000", "elevated": "#e6550d", "none": "#9e9e9e"}


def _labels(figure: str, keys: list[str]) -> list[str]:
    if figure == "category":
        return [category_label(k) for k in keys]
    if figure == "flag":
        return [k.replace("_", " ") for k in keys]
    return keys


def _draw(axes: Axes, figures: Figures, figure: str) -> None:
    items = figures.ordered(figure)
    if figure not in CHRONOLOGICAL and len(items) > TOP:
        rest = sum(count for _, count in items[TOP:])
        items = [*items[:TOP], (f"{len(items) - TOP} others", rest)]
    keys = _labels(figure, [key for key, _ in items])
    values = [count for _, count in items]
    axes.set_title(FIGURES[figure], fontsize=11)
    if not values:
        axes.text(0.5, 0.5, "none recorded", ha="center", va="center", transform=axes.transAxes)
        axes.set_xticks([])
        axes.set_yticks([])
        axes.set_xlabel(AXES[figure])
    elif figure in CHRONOLOGICAL:
        axes.bar(range(len(values)), values, color=_BAR)
        axes.set_xticks(range(len(values)), keys, rotation=60, ha="right", fontsize=8)
        axes.set_xlabel(AXES[figure])
        axes.set_ylabel("notices")
    else:
        positions = list(range(len(values)))[::-1]
        colours = [_LEVEL_COLOURS.get(k, _BAR) for k, _ in items] if figure == "level" else _BAR
        axes.barh(positions, values, color=colours)
        axes.set_yticks(positions, keys, fontsize=8)
        axes.set_ylabel(AXES[figure])
        axes.set_xlabel("notices")
        for position, value in zip(positions, values, strict=True):
            axes.annotate(
                f"{value:,}",
                (value, position),
                xytext=(3, 0),
                textcoords="offset points",
                va="center",
                fontsize=7,
            )
    axes.spines[["top", "right"]].set_visible(False)


def source_line(figures: Figures, as_of: str | None) -> str:
    when = f" as of {as_of}" if as_of else ""
    return (
        f"Source: INTERPOL public red notices, local mirror by redwatch{when}; "
        f"{figures.active:,} active notices. Risk flags: {figures.rules} — indicators, not "
        "verdicts. Most red notices are not public."
    )


def write_chart(
    path: Path, figures: Figures, selected: list[str], *, as_of: str | None = None
) -> None:
    """One chart per selected figure, stacked, with one source line under them all."""
    if path.suffix.lower() not in FORMATS:
        raise InputError(f"--chart must end in .png or .svg, not {path.name!r}")
    if not path.parent.is_dir():
        raise InputError(f"cannot write chart: folder {path.parent} does not exist")
    unknown = [name for name in selected if name not in FIGURES]
    if unknown:
        raise InputError(f"unknown figure {unknown[0]!r}; choose from {', '.join(FIGURES)}")
    rows = len(selected)
    figure = Figure(figsize=(9, 3.6 * rows + 0.6), layout="constrained")
    FigureCanvasAgg(figure)
    grid = figure.subplots(rows, 1, squeeze=False)
    for axes, name in zip(grid[:, 0], selected, strict=True):
        _draw(axes, figures, name)
    figure.supxlabel(source_line(figures, as_of), fontsize=7, color="#555555", wrap=True)
    try:
        figure.savefig(path, format=path.suffix.lower().lstrip("."), dpi=150)
    except OSError as exc:
        raise InputError(f"cannot write chart {path}: {exc.strerror}") from None
