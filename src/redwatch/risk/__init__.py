"""Risk: explainable flags for notices that look politically motivated.

Never a verdict: every flag says why, quotes the words of the notice that raised it and names
the legal grounds it supports; the level weighs the flags by documented rules (docs/risk.md).
Assessment is a pure function of a stored notice and the rules, so it is always current.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from redwatch.risk.charges import CATEGORIES, ChargeMatch, categories_of, classify_charge
from redwatch.risk.gazetteer import OCCUPIED_PLACES, find_places
from redwatch.risk.indicators import INDICATORS, Flag, NoticeFacts, all_flags
from redwatch.risk.issuers import IssuerList, default_issuers, load_issuers
from redwatch.risk.levels import (
    ELEVATED,
    HIGH,
    LEVELS,
    NONE,
    RULES_VERSION,
    Assessment,
    Rules,
    weigh,
)

ISSUERS_FILE = "risk_issuers.json"


@lru_cache(maxsize=1)
def default_rules() -> Rules:
    """The built-in rules, read once."""
    return Rules()


def rules_for_home(home: Path) -> Rules:
    """An organisation's own issuer list, ``$REDWATCH_HOME/risk_issuers.json``, replaces the
    built-in one when present (same format: ``redwatch/risk/issuers.json``)."""
    path = home / ISSUERS_FILE
    if path.is_file():
        return Rules.with_issuers(load_issuers(path))
    return default_rules()


def assess_detail(detail: Mapping[str, Any], rules: Rules | None = None) -> Assessment:
    """Assess a notice's detail JSON (as the service returns it, or as stored)."""
    rules = rules or default_rules()
    facts = NoticeFacts.from_detail(detail)
    flags = all_flags(facts, rules.issuers)
    level, basis = weigh({f.code for f in flags})
    categories: list[str] = []
    for warrant in facts.warrants:
        for code in categories_of(warrant.text, warrant.issuer):
            if code not in categories:
                categories.append(code)
    return Assessment(level, flags, basis, rules.version, categories)


def assess_notice(row: Mapping[Any, Any], rules: Rules | None = None) -> Assessment:
    """Assess a notice row as ``Repository.get()`` and ``list_notices()`` return it.

    Nationalities come from the row (list fields); warrants and place of birth from the
    stored detail. A notice whose detail was never fetched has no warrants to read.
    """
    detail = dict(row.get("detail_fields") or {})
    detail["nationalities"] = row.get("nationalities") or detail.get("nationalities")
    if not detail.get("arrest_warrants") and row.get("issuing_countries"):
        detail["arrest_warrants"] = [
            {"charge": None, "issuing_country_id": code} for code in row["issuing_countries"]
        ]
    return assess_detail(detail, rules)


__all__ = [
    "CATEGORIES",
    "ELEVATED",
    "HIGH",
    "INDICATORS",
    "LEVELS",
    "NONE",
    "OCCUPIED_PLACES",
    "RULES_VERSION",
    "Assessment",
    "ChargeMatch",
    "Flag",
    "IssuerList",
    "Rules",
    "assess_detail",
    "assess_notice",
    "categories_of",
    "classify_charge",
    "default_issuers",
    "default_rules",
    "find_places",
    "load_issuers",
    "rules_for_home",
]
