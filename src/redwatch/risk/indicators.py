"""Indicators: each looks at one aspect of a notice and, when it applies, returns a flag with
the reason in plain words, the words of the notice that triggered it, and the legal grounds
it supports. Indicators never decide; ``levels`` weighs them together.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from redwatch.risk import grounds
from redwatch.risk.charges import CONFLICT, DUAL_USE, POLITICAL, ChargeMatch, classify_charge
from redwatch.risk.gazetteer import find_places
from redwatch.risk.issuers import IssuerList

ISSUER_ABUSE = "issuer_abuse"
POLITICAL_OFFENCE = "political_offence"
DUAL_USE_CHARGE = "dual_use_charge"
CONFLICT_LINKED = "conflict_linked"
UKRAINIAN_SOUGHT_BY_RUSSIA = "ukrainian_sought_by_russia"
OCCUPIED_TERRITORY = "occupied_territory"
RETROACTIVE_CRIMEA = "retroactive_crimea"

INDICATORS: tuple[str, ...] = (
    ISSUER_ABUSE,
    POLITICAL_OFFENCE,
    DUAL_USE_CHARGE,
    CONFLICT_LINKED,
    UKRAINIAN_SOUGHT_BY_RUSSIA,
    OCCUPIED_TERRITORY,
    RETROACTIVE_CRIMEA,
)

# The state that occupies territory of Ukraine and applies its criminal law there.
OCCUPYING_STATES: frozenset[str] = frozenset({"RU"})
ANNEXATION = dt.date(2014, 3, 18)


@dataclass(frozen=True)
class Flag:
    code: str
    reason: str
    evidence: str
    grounds: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "reason": self.reason,
            "evidence": self.evidence,
            "grounds": list(self.grounds),
        }


@dataclass(frozen=True)
class Warrant:
    issuer: str | None
    text: str  # the charge, and its translation when there is one

    @classmethod
    def from_json(cls, warrant: Mapping[str, Any]) -> Warrant:
        parts = [warrant.get("charge"), warrant.get("charge_translation")]
        text = "\n".join(str(p) for p in parts if isinstance(p, str) and p.strip())
        issuer = warrant.get("issuing_country_id")
        return cls(issuer.upper() if isinstance(issuer, str) and issuer else None, text)

    @property
    def charges(self) -> tuple[ChargeMatch, ...]:
        return classify_charge(self.text, self.issuer)


@dataclass(frozen=True)
class NoticeFacts:
    """What the indicators read of a notice (detail JSON or a stored row)."""

    warrants: tuple[Warrant, ...]
    nationalities: tuple[str, ...]
    place_of_birth: str
    country_of_birth: str | None

    @classmethod
    def from_detail(cls, detail: Mapping[str, Any]) -> NoticeFacts:
        warrants = tuple(
            Warrant.from_json(w)
            for w in detail.get("arrest_warrants") or []
            if isinstance(w, Mapping)
        )
        nationalities = tuple(
            str(n).upper() for n in detail.get("nationalities") or [] if isinstance(n, str)
        )
        place = detail.get("place_of_birth")
        country = detail.get("country_of_birth_id")
        return cls(
            warrants,
            nationalities,
            place if isinstance(place, str) else "",
            country.upper() if isinstance(country, str) and country else None,
        )

    @property
    def issuers(self) -> list[str]:
        return sorted({w.issuer for w in self.warrants if w.issuer})

    def occupier_warrants(self) -> list[Warrant]:
        return [w for w in self.warrants if w.issuer in OCCUPYING_STATES]


def _join(items: Sequence[str]) -> str:
    unique = list(dict.fromkeys(items))
    return "; ".join(unique)


def _labels(matches: Sequence[ChargeMatch]) -> str:
    return ", ".join(dict.fromkeys(m.category.label for m in matches))


def issuer_abuse(facts: NoticeFacts, issuers: IssuerList) -> list[Flag]:
    flags = []
    for code in facts.issuers:
        issuer = issuers.get(code)
        if issuer is None:
            continue
        more = len(issuer.sources) - 1
        source = issuer.sources[0] + (f" (and {more} more source(s))" if more > 0 else "")
        flags.append(
            Flag(
                ISSUER_ABUSE,
                f"Requested by {issuer.name}, a state with documented abuse of INTERPOL "
                f"channels: {source}. Context for the other flags, not a sign on its own.",
                f"issuing_country_id: {code}",
                [grounds.ART_3, grounds.ART_2],
            )
        )
    return flags


def political_offence(facts: NoticeFacts) -> list[Flag]:
    matches = [m for w in facts.warrants for m in w.charges if m.category.kind == POLITICAL]
    if not matches:
        return []
    return [
        Flag(
            POLITICAL_OFFENCE,
            f"The charge is an offence of a political character ({_labels(matches)}): "
            "Art. 3 bars such requests whoever makes them.",
            _join([m.evidence for m in matches]),
            [grounds.ART_3, grounds.ART_2, grounds.RPD_34],
        )
    ]


def dual_use_charge(facts: NoticeFacts, issuers: IssuerList) -> list[Flag]:
    """Terrorism, armed-formation, riot charges count only when the asking state is listed:
    El Salvador's ``ORGANIZACIONES TERRORISTAS`` are gang cases, Russia's are often not."""
    matches: list[ChargeMatch] = []
    states: list[str] = []
    for warrant in facts.warrants:
        issuer = issuers.get(warrant.issuer)
        if issuer is None:
            continue
        found = [m for m in warrant.charges if m.category.kind == DUAL_USE]
        if found:
            matches.extend(found)
            states.append(issuer.name)
    if not matches:
        return []
    return [
        Flag(
            DUAL_USE_CHARGE,
            f"Charged with {_labels(matches)} by {_join(states)}, which also uses these "
            "charges against political opponents, Crimean Tatars and Ukrainians, not only "
            "against fighters abroad. Alone this is not a sign; with a Ukrainian link it is.",
            _join([m.evidence for m in matches]),
            [grounds.ART_3, grounds.RPD_83, grounds.RPD_12],
        )
    ]


def conflict_linked(facts: NoticeFacts) -> list[Flag]:
    matches = [m for w in facts.warrants for m in w.charges if m.category.kind == CONFLICT]
    if not matches:
        return []
    return [
        Flag(
            CONFLICT_LINKED,
            f"The charge is tied to an armed conflict or military service ({_labels(matches)}): "
            "INTERPOL refuses requests of a military character.",
            _join([m.evidence for m in matches]),
            [grounds.ART_3_MILITARY, grounds.ART_3],
        )
    ]


def ukrainian_sought_by_russia(facts: NoticeFacts) -> list[Flag]:
    if "UA" not in facts.nationalities:
        return []
    occupiers = sorted({w.issuer for w in facts.occupier_warrants() if w.issuer})
    if not occupiers:
        return []
    return [
        Flag(
            UKRAINIAN_SOUGHT_BY_RUSSIA,
            "A Ukrainian national sought by Russia, which prosecutes Ukrainians and Crimean "
            "Tatars for acts in occupied territory and for opposing the occupation.",
            f"nationalities: {', '.join(facts.nationalities)}; "
            f"issuing_country_id: {', '.join(occupiers)}",
            [grounds.ART_3, grounds.ART_2, grounds.REFUGEE_POLICY, grounds.UNGA_73_263],
        )
    ]


def occupied_territory(facts: NoticeFacts) -> list[Flag]:
    """Born, or charged for acts, in occupied territory, when the occupier asks."""
    occupier = facts.occupier_warrants()
    if not occupier:
        return []
    evidence: list[str] = []
    places: list[str] = []
    for match in find_places(facts.place_of_birth):
        evidence.append(f"place_of_birth: {facts.place_of_birth}")
        places.append(match.place.name)
    for warrant in occupier:
        for match in find_places(warrant.text):
            evidence.append(f"charge: {match.evidence}")
            places.append(match.place.name)
    if not places:
        return []
    return [
        Flag(
            OCCUPIED_TERRITORY,
            f"Linked to territory of Ukraine occupied by Russia ({_join(places)}), where "
            "Russia applies its own criminal law.",
            _join(evidence),
            [grounds.GENEVA_IV_64, grounds.UNGA_73_263, grounds.ART_3],
        )
    ]


# Month names and stems in English, French, Spanish, Russian and Ukrainian, January first.
_MONTH_STEMS = (
    "january janvier enero январ січн",
    "february fevrier febrero феврал лют",
    "march mars marzo март марта берез",
    "april avril abril апрел квіт",
    "may mai mayo мая май травн",
    "june juin junio июн черв",
    "july juillet julio июл лип",
    "august aout agosto август серп",
    "september septembre septiembre сентябр верес",
    "october octobre octubre октябр жовт",
    "november novembre noviembre ноябр листоп",
    "december decembre diciembre декабр груд",
)
_MONTHS: dict[str, int] = {
    stem: number for number, stems in enumerate(_MONTH_STEMS, start=1) for stem in stems.split()
}

_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d{2})\b")
_ISO_DATE = re.compile(r"\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b")
_WORD_DATE = re.compile(
    r"\b(?:(\d{1,2})\s+)?([^\W\d_]{3,})\.?\s*,?\s+(?:(\d{1,2}),?\s+)?((?:19|20)\d{2})\b"
)
_YEAR = re.compile(
    r"(?:\b(?:in|during|since|from|between|до|в|во|у|з|с)\s+)((?:19|20)\d{2})\b"
    r"|\b((?:19|20)\d{2})\s*(?:year|г\.|год\w*|р\.|рок\w*)"
)


def dates_in(text: str) -> list[tuple[dt.date, str]]:
    """Dates of events named in a charge, with the words; a bare year counts as its last day,
    a month as its last day (so that only certainly-early dates count as early)."""
    found: list[tuple[dt.date, str]] = []

    def add(year: int, month: int | None, day: int | None, words: str) -> None:
        try:
            if month is None:
                found.append((dt.date(year, 12, 31), words))
            elif day is None:
                following = dt.date(year + (month == 12), month % 12 + 1, 1)
                found.append((following - dt.timedelta(days=1), words))
            else:
                found.append((dt.date(year, month, day), words))
        except ValueError:
            return

    lowered = text.lower()
    for m in _NUMERIC_DATE.finditer(lowered):
        add(int(m.group(3)), int(m.group(2)), int(m.group(1)), text[m.start() : m.end()])
    for m in _ISO_DATE.finditer(lowered):
        add(int(m.group(1)), int(m.group(2)), int(m.group(3)), text[m.start() : m.end()])
    for m in _WORD_DATE.finditer(lowered):
        word = m.group(2)
        month = next((n for name, n in _MONTHS.items() if word.startswith(name)), None)
        if month is None:
            continue
        day = m.group(1) or m.group(3)
        add(int(m.group(4)), month, int(day) if day else None, text[m.start() : m.end()])
    if not found:
        for m in _YEAR.finditer(lowered):
            add(int(m.group(1) or m.group(2)), None, None, text[m.start() : m.end()].strip())
    return found


def retroactive_crimea(facts: NoticeFacts) -> list[Flag]:
    """A Russian charge for acts in Crimea dated before 18 March 2014, when the text says so."""
    for warrant in facts.occupier_warrants():
        crimea = [m for m in find_places(warrant.text) if m.crimea]
        if not crimea:
            continue
        early = [(d, words) for d, words in dates_in(warrant.text) if d < ANNEXATION]
        if not early:
            continue
        date, words = min(early)
        return [
            Flag(
                RETROACTIVE_CRIMEA,
                f"The charge places the acts in Crimea ({crimea[0].place.name}) on or before "
                f"{date.isoformat()}, before Russia's annexation of 18 March 2014: Russian law "
                "reaches them only retroactively.",
                f"charge: {crimea[0].evidence}; {words}",
                [
                    grounds.RETROACTIVITY,
                    grounds.RU_CC_11_12,
                    grounds.GENEVA_IV_64,
                    grounds.ART_3,
                ],
            )
        ]
    return []


def all_flags(facts: NoticeFacts, issuers: IssuerList) -> list[Flag]:
    return [
        *issuer_abuse(facts, issuers),
        *political_offence(facts),
        *dual_use_charge(facts, issuers),
        *conflict_linked(facts),
        *ukrainian_sought_by_russia(facts),
        *occupied_territory(facts),
        *retroactive_crimea(facts),
    ]
