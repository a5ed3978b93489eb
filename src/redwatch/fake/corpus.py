"""Notices for the fake service: generated realistic ones, or loaded from a JSON Lines file.

The generated corpus reproduces what makes crawling the real service hard: Russia's ~46% share,
age peaks that overflow the 160-result cap, notices without a date of birth or a nationality,
partial dates, placeholder forenames, and Russian names romanised with several systems at once.
It is deterministic for a given seed and date, so tests and benchmarks can rely on it.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import json
import random
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import iuliia
import translitua

from redwatch.fake import _words as words
from redwatch.fake._countries import ISSUER_WEIGHTS

RU_SHARE = 0.46
ENTITY_ID_RE = re.compile(r"^(\d{4})/(\d+)$")

# Ages 19..94 of all public red notices on 12 April 2023 (INTERPOL list data).
_AGE_HISTOGRAM = (
    1, 1, 5, 5, 25, 28, 64, 106, 172, 213, 267, 288, 303, 324, 326, 356, 313, 285, 254, 234,
    232, 209, 210, 179, 210, 167, 134, 165, 122, 123, 111, 126, 117, 109, 120, 82, 101, 79, 78,
    60, 54, 31, 72, 55, 49, 41, 37, 36, 30, 35, 33, 25, 27, 20, 22, 14, 18, 17, 11, 5, 6, 5, 4,
    4, 8, 4, 2, 12, 2, 2, 3, 1, 1, 1, 1, 1,
)  # fmt: skip
_FIRST_AGE = 19

# Weight of notices published k years before today (k = 0, 1, ...): most public notices are
# five to ten years old, a few date back two decades.
_YEAR_WEIGHTS = (
    2.0, 6.0, 7.0, 8.0, 9.0, 11.0, 13.0, 15.0, 15.0, 14.0, 11.0, 7.0, 4.0, 3.0, 2.5, 2.0, 1.6,
    1.3, 1.0, 0.8, 0.6, 0.4,
)  # fmt: skip

# Romanisation systems found in Russian notices, with how often each is used.
_RU_SCHEMAS: tuple[tuple[Any, float], ...] = (
    (iuliia.ICAO_DOC_9303, 0.45),
    (iuliia.MVD_310, 0.25),
    (iuliia.MVD_782, 0.10),
    (iuliia.GOST_52535, 0.10),
    (iuliia.BGN_PCGN, 0.10),
)

_SCHEMAS: dict[str, Any] = {schema.name: schema for schema, _ in _RU_SCHEMAS}

_RU_NATIONALITIES: tuple[tuple[str, float], ...] = (
    ("RU", 0.925),
    ("TJ", 0.02),
    ("UA", 0.015),
    ("KG", 0.008),
    ("AZ", 0.008),
    ("UZ", 0.008),
    ("KZ", 0.005),
    ("GE", 0.004),
    ("TM", 0.002),
    ("AM", 0.002),
    ("BY", 0.003),
)
_NEIGHBOURS: dict[str, tuple[str, ...]] = {
    "US": ("MX", "GT", "SV", "HN", "CU", "DO", "CO", "IN", "CN", "VN", "JM"),
    "CA": ("IN", "PK", "CN", "JM", "US"),
    "914": ("CD", "UG", "CF", "SD", "LY", "ML", "CI", "KE"),
    "916": ("LB",),
    "922": ("RW",),
    "UNK": ("UNK", "UNK", "UNK", "RS", "AL"),
}


class _Pick:
    """Weighted choice with precomputed cumulative weights (rng.choices recomputes them)."""

    def __init__(self, items: Sequence[Any], weights: Sequence[float]) -> None:
        self.items = list(items)
        self.cumulative: list[float] = []
        total = 0.0
        for weight in weights:
            total += weight
            self.cumulative.append(total)
        self.total = total

    def __call__(self, rng: random.Random) -> Any:
        index = bisect.bisect_right(self.cumulative, rng.random() * self.total)
        return self.items[min(index, len(self.items) - 1)]


def _age_picks() -> tuple[_Pick, _Pick]:
    """Russia's notices peak harder at 28-40 (young North Caucasus men); others fill the rest.

    The two mixed in Russia's share give back roughly the real histogram.
    """
    ages = range(_FIRST_AGE, _FIRST_AGE + len(_AGE_HISTOGRAM))
    total = float(sum(_AGE_HISTOGRAM))
    overall = [count / total for count in _AGE_HISTOGRAM]

    def boost(age: int) -> float:
        if 28 <= age <= 40:
            return 1.7
        if 24 <= age <= 47:
            return 1.0
        return 0.35 if age <= 55 else 0.12

    ru_raw = [share * boost(age) for share, age in zip(overall, ages, strict=True)]
    ru_total = sum(ru_raw)
    ru = [value / ru_total for value in ru_raw]
    other = [
        max(share - RU_SHARE * ru_share, 0.1 * share)
        for share, ru_share in zip(overall, ru, strict=True)
    ]
    return _Pick(list(ages), ru), _Pick(list(ages), other)


_RU_AGE, _OTHER_AGE = _age_picks()


@functools.lru_cache(maxsize=8192)
def _romanise(word: str, schema_name: str) -> str:
    """Upper-case police romanisation: the system's letters, without apostrophes or hard signs."""
    if schema_name == "kmu":
        latin = translitua.translit(word, translitua.UkrainianKMU)
    else:
        latin = _SCHEMAS[schema_name].translate(word)
    return re.sub(r"[^A-Z\- ]", "", str(latin).upper())


def _feminine(surname: str) -> str:
    for masculine, feminine in words.FEMININE_ENDINGS:
        if surname.endswith(masculine):
            return surname[: -len(masculine)] + feminine
    return surname


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year - years, day=28)


def _allocate(counts: dict[str, float], size: int) -> list[str]:
    """Split ``size`` across countries by weight (largest remainder), at least one each when
    the corpus is big enough for every country to appear."""
    total = sum(counts.values())
    floor_one = size >= 4 * len(counts)
    exact = {code: size * weight / total for code, weight in counts.items()}
    given = {code: max(int(value), 1 if floor_one else 0) for code, value in exact.items()}
    remaining = size - sum(given.values())
    order = sorted(exact, key=lambda code: exact[code] - int(exact[code]), reverse=True)
    for code in order[: max(remaining, 0)]:
        given[code] += 1
    while sum(given.values()) > size:  # the floor of one overshot: take from the largest
        largest = max(given, key=lambda code: given[code])
        given[largest] -= 1
    return [code for code, count in given.items() for _ in range(count)]


class _Generator:
    def __init__(self, seed: int, today: dt.date) -> None:
        self.rng = random.Random(seed)
        self.today = today
        self.used_ids: set[str] = set()
        self.schema_pick = _Pick([s.name for s, _ in _RU_SCHEMAS], [w for _, w in _RU_SCHEMAS])
        self.ru_nationality = _Pick(
            [c for c, _ in _RU_NATIONALITIES], [w for _, w in _RU_NATIONALITIES]
        )
        self.ru_group = _Pick([g for g, _ in words.RU_GROUPS], [w for _, w in words.RU_GROUPS])
        self.eyes = _Pick(words.EYES, words.EYES_WEIGHTS)
        self.hairs = _Pick(words.HAIRS, words.HAIRS_WEIGHTS)
        self.year_offsets = list(range(len(_YEAR_WEIGHTS)))
        self.any_issuer = _Pick(list(ISSUER_WEIGHTS), list(ISSUER_WEIGHTS.values()))

    # --- helpers ---
    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def choice(self, items: Sequence[Any]) -> Any:
        return items[self.rng.randrange(len(items))]

    def skewed(self, items: Sequence[Any]) -> Any:
        """Earlier items are commoner: the lists are ordered by how often they occur."""
        index = min(int(self.rng.expovariate(2.5 / len(items))), len(items) - 1)
        return items[index]

    # --- parts of a notice ---
    def nationality(self, issuer: str) -> str:
        if issuer == "RU":
            return str(self.ru_nationality(self.rng))
        if issuer in _NEIGHBOURS and (issuer in ("914", "916", "922", "UNK") or self.chance(0.3)):
            return str(self.choice(_NEIGHBOURS[issuer]))
        if self.chance(0.88):
            return issuer
        family = words.FAMILY_BY_COUNTRY.get(issuer)
        same = [c for c, f in words.FAMILY_BY_COUNTRY.items() if f == family and c.isalpha()]
        return str(self.choice(same)) if same else issuer

    def group(self, issuer: str, nationality: str) -> tuple[str, bool]:
        """The name family, and whether it is recorded in Cyrillic."""
        if issuer == "RU":
            if nationality == "RU":
                return str(self.ru_group(self.rng)), True
            if nationality == "UA":
                return ("crimean_tatar" if self.chance(0.5) else "ukrainian"), True
        if nationality in words.CYRILLIC_FAMILY_BY_COUNTRY:
            return words.CYRILLIC_FAMILY_BY_COUNTRY[nationality], True
        if issuer == "UA" or nationality == "UA":
            return "ukrainian_national", True
        if nationality == "RU":
            return "russian", True
        return words.FAMILY_BY_COUNTRY.get(nationality, "anglo"), False

    def names(self, group: str, cyrillic: bool, sex: str, schema: str) -> tuple[str, str]:
        female = sex == "F" or (sex == "U" and self.chance(0.5))
        if cyrillic:
            if group == "ukrainian_national":
                males, females, surnames = words.UKRAINIAN_NATIONAL
                schema = "kmu"
            else:
                males, females, surnames = words.CYRILLIC_FAMILIES[group]
            forename = self.skewed(females if female else males)
            surname = self.skewed(surnames)
            if female:
                surname = _feminine(surname)
            return _romanise(forename, schema), _romanise(surname, schema)
        males, females, surnames = words.LATIN_FAMILIES[group]
        pool = females if female else males
        forename = self.skewed(pool)
        if group in ("hispanic", "portuguese", "anglo", "african_en") and self.chance(0.55):
            second = self.choice(pool)
            if second != forename:
                forename = f"{forename} {second}"
        surname = self.skewed(surnames)
        if group in ("hispanic", "portuguese") and self.chance(0.8):
            second = self.choice(surnames)
            if second != surname:
                surname = f"{surname} {second}"
        return forename, surname

    def place(self, group: str, cyrillic: bool, nationality: str | None, schema: str) -> Any:
        if self.chance(0.12):
            return None
        key = "ukrainian" if group == "ukrainian_national" else group
        if cyrillic and key in words.RU_PLACES:
            settlements, regions = words.RU_PLACES[key]
            settlement = _romanise(
                self.skewed(settlements), "icao_doc_9303" if schema == "kmu" else schema
            )
            region = str(self.choice(regions))
            style = self.rng.randrange(6)
            if style == 0 or not region:
                return settlement
            if style == 1:
                return f"{settlement} {self.choice(words.SETTLEMENT_WORDS)}"
            if style == 2:
                return f"{settlement} {self.choice(words.SETTLEMENT_WORDS)}, {region}"
            if style == 3 and region.startswith(("OF ", "(")):
                return f"{settlement} {region}"
            if style == 4:
                return region.removeprefix("OF ").strip("()")
            return f"{settlement}, {region.removeprefix('OF ').strip('()')}"
        places = words.PLACES.get(nationality or "")
        return str(self.skewed(places)) if places else None

    def charge(self, issuer: str, group: str) -> str:
        if issuer == "RU":
            if self.chance(0.07):
                return str(self.choice(words.RU_CHARGES_RUSSIAN))
            if group == "crimean_tatar":
                pool = words.RU_CHARGES_CRIMEA if self.chance(0.9) else words.RU_CHARGES_GENERAL
            elif group in ("chechen", "dagestani", "caucasus_other"):
                pool = words.RU_CHARGES_CAUCASUS if self.chance(0.85) else words.RU_CHARGES_GENERAL
            elif group == "russian":
                pool = words.RU_CHARGES_GENERAL if self.chance(0.7) else words.RU_CHARGES_CAUCASUS
            else:
                pool = words.RU_CHARGES_CAUCASUS if self.chance(0.6) else words.RU_CHARGES_GENERAL
            return str(self.skewed(pool))
        if issuer in words.CHARGES:
            return str(self.skewed(words.CHARGES[issuer]))
        family = words.FAMILY_BY_COUNTRY.get(issuer, "anglo")
        language = {"hispanic": "es", "african_fr": "fr"}.get(family, "en")
        return str(self.skewed(words.CHARGES_BY_LANGUAGE[language]))

    def birth(self, age: int) -> dt.date:
        latest = _years_before(self.today, age)
        earliest = _years_before(self.today, age + 1) + dt.timedelta(days=1)
        return earliest + dt.timedelta(days=self.rng.randrange((latest - earliest).days + 1))

    def entity_id(self, birth_year: int | None) -> str:
        newest = self.today.year
        oldest = max(2005, (birth_year or 0) + 15)
        offsets = [k for k in self.year_offsets if oldest <= newest - k]
        if not offsets:
            offsets = [0]
        weights = [_YEAR_WEIGHTS[k] for k in offsets]
        year = newest - self.rng.choices(offsets, weights)[0]
        while True:
            roll = self.rng.random()
            if roll < 0.004:
                number = self.rng.randrange(100, 1000)
            elif roll < 0.11:
                number = self.rng.randrange(1000, 10_000)
            elif roll < 0.81:
                number = self.rng.randrange(10_000, 100_000)
            else:
                number = self.rng.randrange(100_000, 360_000)
            entity_id = f"{year}/{number}"
            if entity_id not in self.used_ids:
                self.used_ids.add(entity_id)
                return entity_id

    def languages(self, group: str, cyrillic: bool, nationality: str) -> list[str] | None:
        if self.chance(0.06):
            return None
        key = "ukrainian" if group == "ukrainian_national" else group
        own = list(
            words.LANGUAGES_BY_COUNTRY.get(nationality) or words.LANGUAGES.get(key, ("ENG",))
        )
        if cyrillic:
            if group == "russian" or self.chance(0.55):
                return ["RUS"]
            pair = ["RUS", str(self.choice(own))]
            return pair if self.chance(0.6) else pair[::-1]
        spoken = [own[0] if self.chance(0.7) else str(self.choice(own))]
        if self.chance(0.05) and "ENG" not in spoken:
            spoken.append("ENG")
        return spoken

    def measures(self, female: bool) -> tuple[Any, Any]:
        roll = self.rng.random()
        height: float | int | None
        if roll < 0.35:
            height = 0
        elif roll < 0.56:
            height = None
        else:
            height = round(self.rng.gauss(1.62 if female else 1.73, 0.07), 2)
        roll = self.rng.random()
        weight: int | None
        if roll < 0.54:
            weight = 0
        elif roll < 0.77:
            weight = None
        else:
            weight = max(40, int(self.rng.gauss(60 if female else 73, 10)))
        return height, weight

    # --- one notice ---
    def notice(self, issuer: str) -> dict[str, Any]:
        roll = self.rng.random()
        sex = "U" if roll < 0.0007 else ("F" if roll < (0.19 if issuer == "RU" else 0.17) else "M")
        age = (_RU_AGE if issuer == "RU" else _OTHER_AGE)(self.rng)
        born = self.birth(age)
        roll = self.rng.random()
        date_of_birth: str | None
        if roll < 0.005:
            date_of_birth = None
        elif roll < 0.012:
            date_of_birth = f"{born.year}"
        elif roll < 0.015:
            date_of_birth = f"{born.year}/{born.month:02d}"
        else:
            date_of_birth = born.strftime("%Y/%m/%d")

        nationality = self.nationality(issuer)
        group, cyrillic = self.group(issuer, nationality)
        schema = str(self.schema_pick(self.rng)) if issuer == "RU" else "icao_doc_9303"
        forename, name = self.names(group, cyrillic, sex, schema)
        roll = self.rng.random()
        forename_value: str | None = forename
        if roll < 0.0015:
            forename_value = None
        elif roll < 0.0025:
            forename_value = "-"
        name_value: str | None = None if self.chance(0.0004) else name

        nationalities: list[str] | None = [nationality]
        roll = self.rng.random()
        if roll < 0.014:
            nationalities = None
        elif roll < 0.020:
            second = "RU" if nationality != "RU" else str(self.choice(("UA", "GE", "TJ", "IL")))
            if issuer != "RU":
                second = str(self.any_issuer(self.rng))
            if second != nationality:
                nationalities = [nationality, second]
        if group == "crimean_tatar" and nationalities == ["RU"] and self.chance(0.08):
            nationalities = ["UA", "RU"]

        warrants = [self.warrant(issuer, group)]
        if self.chance(0.0095):
            other = issuer if self.chance(0.95) else str(self.any_issuer(self.rng))
            second_warrant = self.warrant(other, group)
            if second_warrant["charge"] != warrants[0]["charge"] or other != issuer:
                warrants.append(second_warrant)

        height, weight = self.measures(sex == "F")
        place = self.place(group, cyrillic, nationality, schema)
        birth_country: str | None = None if self.chance(0.04) else nationality
        if nationalities is None and self.chance(0.5):
            birth_country = None
        year_of_birth = born.year if date_of_birth else None
        return {
            "date_of_birth": date_of_birth,
            "distinguishing_marks": (
                str(self.choice(words.DISTINGUISHING_MARKS)) if self.chance(0.03) else None
            ),
            "weight": weight,
            "nationalities": nationalities,
            "entity_id": self.entity_id(year_of_birth),
            "eyes_colors_id": [self.eyes(self.rng)] if self.chance(0.42) else None,
            "sex_id": sex,
            "place_of_birth": place,
            "forename": forename_value,
            "arrest_warrants": warrants,
            "country_of_birth_id": birth_country,
            "hairs_id": [self.hairs(self.rng)] if self.chance(0.47) else None,
            "name": name_value,
            "languages_spoken_ids": self.languages(group, cyrillic, nationality),
            "height": height,
            "_embedded": {"links": []},
        }

    def warrant(self, issuer: str, group: str) -> dict[str, Any]:
        return {
            "charge": self.charge(issuer, group),
            "issuing_country_id": issuer,
            "charge_translation": None,
        }

    def link(self, notices: list[dict[str, Any]]) -> None:
        """Link ~1% of notices: co-accused pairs to each other, a few to yellow notices."""
        pairs = max(1, round(len(notices) * 0.005)) if len(notices) >= 2 else 0
        for _ in range(pairs):
            first, second = self.rng.sample(notices, 2)
            for here, there in ((first, second), (second, first)):
                here["_embedded"]["links"].append(
                    {
                        "forename": there["forename"],
                        "color": "RED",
                        "name": there["name"],
                        "entity_id": there["entity_id"],
                    }
                )
        males, _, surnames = words.LATIN_FAMILIES["hispanic"]
        for _ in range(max(1, round(len(notices) * 0.0007)) if notices else 0):
            here = self.choice(notices)
            here["_embedded"]["links"].append(
                {
                    "forename": f"{self.choice(males)} {self.choice(males)}",
                    "color": "YELLOW",
                    "name": f"{self.choice(surnames)} {self.choice(surnames)}",
                    "entity_id": f"{self.today.year - self.rng.randrange(1, 12)}/"
                    f"{self.rng.randrange(10_000, 99_999)}",
                }
            )


def generate_corpus(
    size: int = 7000, seed: int = 0, today: dt.date | None = None
) -> list[dict[str, Any]]:
    """Realistic red-notice detail objects (without ``_links``), deterministic per seed and day.

    Ages are drawn relative to ``today`` so the age filters of a service using the same day see
    the intended distribution.
    """
    if size < 0:
        raise ValueError("size must not be negative")
    generator = _Generator(seed, today or dt.date.today())
    ru_count = round(size * RU_SHARE)
    issuers = ["RU"] * ru_count + _allocate(ISSUER_WEIGHTS, size - ru_count)
    generator.rng.shuffle(issuers)
    notices = [generator.notice(issuer) for issuer in issuers]
    generator.link(notices)
    return notices


def _strip_links(detail: dict[str, Any]) -> dict[str, Any]:
    detail = {key: value for key, value in detail.items() if key != "_links"}
    embedded = detail.get("_embedded")
    links = embedded.get("links") if isinstance(embedded, dict) else None
    cleaned = []
    for link in links if isinstance(links, list) else []:
        if isinstance(link, dict):
            cleaned.append({key: value for key, value in link.items() if key != "_links"})
    detail["_embedded"] = {"links": cleaned}
    return detail


def check_detail(detail: Any) -> dict[str, Any]:
    """A detail object as the fake stores it; ``ValueError`` says what is wrong."""
    if not isinstance(detail, dict):
        raise ValueError("a notice must be a JSON object")
    entity_id = detail.get("entity_id")
    if not isinstance(entity_id, str) or not ENTITY_ID_RE.match(entity_id):
        raise ValueError(f"entity_id must look like YYYY/N, got {entity_id!r}")
    return _strip_links(detail)


def load_corpus(path: str | Path) -> list[dict[str, Any]]:
    """Detail objects from a JSON Lines file such as ``details-2023-11.jsonl``.

    ``_links`` are dropped (the fake makes its own for its base URL); blank lines are skipped;
    when an entity id repeats, the later line wins, as an upsert would.
    """
    path = Path(path)
    by_id: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                detail = check_detail(json.loads(line))
            except ValueError as exc:  # json.JSONDecodeError is a ValueError too
                raise ValueError(f"{path}: line {number}: {exc}") from None
            by_id.pop(detail["entity_id"], None)
            by_id[detail["entity_id"]] = detail
    return list(by_id.values())


def dump_corpus(notices: Iterable[dict[str, Any]], path: str | Path) -> None:
    """Write notices as JSON Lines, the format :func:`load_corpus` reads."""
    with Path(path).open("w", encoding="utf-8") as out:
        for notice in notices:
            out.write(json.dumps(notice, ensure_ascii=False) + "\n")
