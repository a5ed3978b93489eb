"""Risk levels: the documented rules that weigh the indicators together (docs/risk.md).

* **high** when
  - H1: a charge flag (political offence, dual-use charge or conflict-linked charge) comes
    with a link to Ukraine (a Ukrainian national sought by Russia, or a birthplace or
    offence in occupied territory);
  - H2: a Russian charge for acts in Crimea before 18 March 2014 (retroactive reach);
  - H3: an offence political in character, asked for by a state with documented abuse.
* **elevated** when any charge flag or any Ukraine link is present on its own.
* **none** otherwise. A listed issuing state alone stays ``none``: Russia issues almost half
  of all public notices, most of them for ordinary crimes; the flag is shown as context.

The assessment is a pure function of the stored notice and the rules, computed on every
read, so every sync and every change of the rules re-assesses every notice. ``RULES_VERSION``
names the rules in every output.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from redwatch.risk.indicators import (
    CONFLICT_LINKED,
    DUAL_USE_CHARGE,
    ISSUER_ABUSE,
    OCCUPIED_TERRITORY,
    POLITICAL_OFFENCE,
    RETROACTIVE_CRIMEA,
    UKRAINIAN_SOUGHT_BY_RUSSIA,
    Flag,
)
from redwatch.risk.issuers import IssuerList, default_issuers

RULES_VERSION = "risk-rules-1 (2026-11-29)"

HIGH = "high"
ELEVATED = "elevated"
NONE = "none"
LEVELS: tuple[str, ...] = (HIGH, ELEVATED, NONE)

CHARGE_FLAGS = frozenset({POLITICAL_OFFENCE, DUAL_USE_CHARGE, CONFLICT_LINKED})
UKRAINE_LINKS = frozenset({UKRAINIAN_SOUGHT_BY_RUSSIA, OCCUPIED_TERRITORY})


@dataclass(frozen=True)
class Rules:
    """What the assessment depends on besides the notice: the issuer list (configurable)."""

    issuers: IssuerList = field(default_factory=default_issuers)
    custom: bool = False

    @classmethod
    def with_issuers(cls, issuers: IssuerList) -> Rules:
        return cls(issuers=issuers, custom=True)

    @property
    def version(self) -> str:
        if not self.custom:
            return RULES_VERSION
        codes = ",".join(sorted(i.code for i in self.issuers.issuers))
        digest = hashlib.sha256(codes.encode()).hexdigest()[:8]
        return f"{RULES_VERSION} + own issuer list {digest}"


@dataclass(frozen=True)
class Assessment:
    level: str
    flags: list[Flag]
    basis: list[str]  # which level rule applied, in words
    rules: str
    categories: list[str] = field(default_factory=list)  # charge categories, for figures

    @property
    def codes(self) -> list[str]:
        return [f.code for f in self.flags]

    @property
    def flagged(self) -> bool:
        return self.level != NONE

    def as_dict(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "flags": [f.as_dict() for f in self.flags],
            "basis": list(self.basis),
            "rules": self.rules,
        }


def weigh(codes: set[str]) -> tuple[str, list[str]]:
    """The level and the rule that gave it, from the codes of the flags raised."""
    charges = sorted(codes & CHARGE_FLAGS)
    links = sorted(codes & UKRAINE_LINKS)
    basis: list[str] = []
    if charges and links:
        basis.append(f"H1: charge flag ({', '.join(charges)}) with a Ukraine link")
        basis[-1] += f" ({', '.join(links)})"
    if RETROACTIVE_CRIMEA in codes:
        basis.append("H2: acts in Crimea before 18 March 2014 charged by Russia")
    if POLITICAL_OFFENCE in codes and ISSUER_ABUSE in codes:
        basis.append("H3: political offence asked for by a state with documented abuse")
    if basis:
        return HIGH, basis
    if charges or links:
        return ELEVATED, [f"E: {', '.join(charges + links)} on its own"]
    if ISSUER_ABUSE in codes:
        return NONE, ["issuing state listed, nothing else: context only"]
    return NONE, []
