"""The figures behind the flags: counts of the mirror a journalist could publish.

Computed on read from the store (like the flags), so they follow every sync and every change
of the rules. Notices are counted once per value: a notice with two nationalities or charges
in two categories counts under each, so those columns may add up to more than the notices.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from redwatch.risk import Rules, assess_notice, default_rules
from redwatch.risk.charges import BY_CODE, OTHER
from redwatch.risk.levels import LEVELS

# Figure name → what it counts (titles of tables, charts and CSV sections).
FIGURES: dict[str, str] = {
    "issuer": "Active notices by issuing country",
    "category": "Active notices by charge category",
    "level": "Active notices by risk level",
    "flag": "Active notices by risk flag",
    "flagged": "Flagged notices (risk high or elevated) by issuing country",
    "nationality": "Active notices by nationality",
    "year": "Active notices by year of notice (from the notice id)",
    "appeared": "Notices appearing in the mirror, by month",
    "removed": "Notices removed from the public list, by month",
}
# The axis each figure is counted along.
AXES: dict[str, str] = {
    "issuer": "issuing country",
    "category": "charge category",
    "level": "risk level",
    "flag": "risk flag",
    "flagged": "issuing country",
    "nationality": "nationality",
    "year": "year of notice",
    "appeared": "month",
    "removed": "month",
}
# Ordered in time, not by size.
CHRONOLOGICAL = frozenset({"year", "appeared", "removed"})


def category_label(code: str) -> str:
    """Words for a category code; anything else (e.g. "3 others") is returned unchanged."""
    if code == OTHER.code:
        return OTHER.label
    category = BY_CODE.get(code)
    return category.label if category is not None else code


@dataclass
class Figures:
    """Counts over the active notices, and appearances/removals over all of history."""

    counts: dict[str, Counter[str]] = field(default_factory=dict)
    active: int = 0
    rules: str = ""

    def ordered(self, figure: str) -> list[tuple[str, int]]:
        counter = self.counts.get(figure, Counter())
        if figure in CHRONOLOGICAL:
            return sorted(counter.items())
        if figure == "level":
            return [(level, counter[level]) for level in LEVELS if level in counter]
        return counter.most_common()

    def as_dict(self) -> dict[str, dict[str, int]]:
        return {name: dict(self.ordered(name)) for name in FIGURES}


def _month(value: Any) -> str | None:
    if isinstance(value, dt.datetime | dt.date):
        return f"{value.year:04d}-{value.month:02d}"
    if isinstance(value, str) and len(value) >= 7:
        return value[:7]
    return None


def compute(
    notices: Iterable[Mapping[Any, Any]],
    events: Iterable[Mapping[Any, Any]],
    rules: Rules | None = None,
) -> Figures:
    """Figures from active notice rows and the event log (``Repository.events_since(0)``)."""
    rules = rules or default_rules()
    figures = Figures(counts={name: Counter() for name in FIGURES}, rules=rules.version)
    counts = figures.counts
    for row in notices:
        if row.get("status") not in (None, "active"):
            continue
        figures.active += 1
        counts["issuer"].update(row.get("issuing_countries") or ["(unknown)"])
        counts["nationality"].update(row.get("nationalities") or ["(none)"])
        counts["year"][str(row["entity_id"]).split("/")[0]] += 1
        assessment = assess_notice(row, rules)
        counts["level"][assessment.level] += 1
        counts["flag"].update(set(assessment.codes))
        if assessment.flagged:
            counts["flagged"].update(row.get("issuing_countries") or ["(unknown)"])
        categories = assessment.categories if row.get("detail_fields") else []
        counts["category"].update(categories or ["(no charge stored)"])
    for event in events:
        month = _month(event.get("at"))
        if month is None:
            continue
        if event.get("kind") == "new":
            counts["appeared"][month] += 1
        elif event.get("kind") == "removed":
            counts["removed"][month] += 1
    return figures
