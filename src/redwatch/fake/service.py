"""The fake service's state and query semantics, apart from HTTP.

Semantics follow what is known of the real service (shared/data/interpol/FACTS.md):

- ``forename`` and ``name`` match as case-insensitive substrings (no regular expressions);
  a notice whose field is null never matches.
- ``nationality`` matches any of the notice's nationalities, ``arrestWarrantCountryId`` any
  warrant's issuing country, ``sexId`` the sex (``F``, ``M``, ``U``); codes compare upper-cased.
- ``ageMin``/``ageMax`` are inclusive ages on the service's ``today``. A partial date of birth
  (``YYYY`` or ``YYYY/MM``) counts from its earliest possible day (1 January, or the 1st of the
  month), i.e. the oldest the person can be; a null date of birth never matches an age filter.
- Filters combine with AND; ``freeText`` is refused with 502, as the real service does now.
- Newest first: entity id year descending, then number descending.
- ``resultPerPage`` defaults to 20 and is clamped to 1..160; only the first 160 matches are ever
  reachable, ``total`` still counts all; a page past the last reachable one is clamped to it.
- Empty parameters (``name=``) count as not sent; unknown parameters are ignored; when one is
  repeated, the last value wins.
- Values the real service could not mean are refused with 400 (see :class:`InvalidParameter`):
  ``ageMin``/``ageMax`` not a whole number from 0 to 150, ``page`` not a whole number of at
  least 1, ``resultPerPage`` not a whole number, ``sexId`` other than F, M or U.
"""

from __future__ import annotations

import copy
import datetime as dt
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from redwatch.fake.corpus import ENTITY_ID_RE, check_detail
from redwatch.fake.pictures import Pictures, pictures_for

MAX_REACHABLE = 160
DEFAULT_PER_PAGE = 20
MAX_AGE_PARAMETER = 150
REQUEST_KINDS = ("list", "detail", "images", "picture", "countries")
FAULT_KINDS = (
    "fault_403",
    "fault_429",
    "fault_500",
    "fault_502",
    "fault_503",
    "slow",
    "truncated",
)

# Filters in the order the real service echoes them in ``query`` and in its links.
_FILTERS = (
    "forename",
    "name",
    "nationality",
    "ageMin",
    "ageMax",
    "sexId",
    "arrestWarrantCountryId",
)


class InvalidParameter(ValueError):
    """A query parameter has a value the service cannot use; the app answers 400."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(f"{parameter}: {message}")
        self.parameter = parameter


class FreeTextRefused(Exception):
    """``freeText`` was sent; the real service now answers it with 502."""


def _integer(parameter: str, raw: str) -> int:
    text = raw.strip()
    digits = text[1:] if text[:1] in "+-" else text
    if not digits.isdigit():
        raise InvalidParameter(parameter, f"must be a whole number, got {raw!r}")
    return int(text)


def _bounded(parameter: str, raw: str, minimum: int, maximum: int | None = None) -> int:
    value = _integer(parameter, raw)
    if value < minimum or (maximum is not None and value > maximum):
        upper = f" and at most {maximum}" if maximum is not None else ""
        raise InvalidParameter(parameter, f"must be at least {minimum}{upper}, got {raw!r}")
    return value


@dataclass(frozen=True)
class SearchParams:
    """One list query, parsed and checked."""

    forename: str | None = None
    name: str | None = None
    nationality: str | None = None
    arrest_warrant_country_id: str | None = None
    sex_id: str | None = None
    age_min: int | None = None
    age_max: int | None = None
    free_text: str | None = None
    page: int = 1
    result_per_page: int = DEFAULT_PER_PAGE

    @classmethod
    def from_query(cls, query: Mapping[str, str] | Iterable[tuple[str, str]]) -> SearchParams:
        """Parse query parameters as the real service names them; raises InvalidParameter."""
        pairs = query.items() if isinstance(query, Mapping) else query
        values = {key: value for key, value in pairs if value != ""}
        sex = values.get("sexId")
        if sex is not None and sex.upper() not in ("F", "M", "U"):
            raise InvalidParameter("sexId", f"must be F, M or U, got {sex!r}")
        ages = {
            key: _bounded(key, values[key], 0, MAX_AGE_PARAMETER)
            for key in ("ageMin", "ageMax")
            if key in values
        }
        per_page = DEFAULT_PER_PAGE
        if "resultPerPage" in values:
            per_page = _integer("resultPerPage", values["resultPerPage"])
        return cls(
            forename=values.get("forename"),
            name=values.get("name"),
            nationality=values.get("nationality"),
            arrest_warrant_country_id=values.get("arrestWarrantCountryId"),
            sex_id=sex,
            age_min=ages.get("ageMin"),
            age_max=ages.get("ageMax"),
            free_text=values.get("freeText"),
            page=_bounded("page", values["page"], 1) if "page" in values else 1,
            result_per_page=min(max(per_page, 1), MAX_REACHABLE),
        )

    def filters(self) -> list[tuple[str, str | int]]:
        """The filters sent, named and ordered as the real service echoes them."""
        sent: dict[str, str | int | None] = {
            "forename": self.forename,
            "name": self.name,
            "nationality": self.nationality,
            "ageMin": self.age_min,
            "ageMax": self.age_max,
            "sexId": self.sex_id,
            "arrestWarrantCountryId": self.arrest_warrant_country_id,
        }
        return [(key, value) for key in _FILTERS if (value := sent[key]) is not None]


@dataclass(frozen=True)
class Entry:
    """A stored notice: its detail object (treat as read-only) and its pictures."""

    detail: dict[str, Any]
    pictures: Pictures

    @property
    def entity_id(self) -> str:
        return str(self.detail["entity_id"])


@dataclass(frozen=True)
class ResultPage:
    """One page of a list query after the cap and the page clamping."""

    total: int
    page: int
    result_per_page: int
    last_page: int
    entries: list[Entry]

    @property
    def has_next(self) -> bool:
        return self.page < self.last_page


def page_window(total: int, page: int, result_per_page: int) -> tuple[int, int]:
    """(clamped page, last page) for ``total`` matches, of which only 160 are reachable."""
    reachable = min(total, MAX_REACHABLE)
    last_page = max(1, -(-reachable // result_per_page))
    return min(max(page, 1), last_page), last_page


def _birth(value: Any) -> tuple[int, int, int] | None:
    """Earliest possible birthday of a ``YYYY/MM/DD``, ``YYYY/MM`` or ``YYYY`` date."""
    if not isinstance(value, str):
        return None
    parts = value.split("/")
    if not 1 <= len(parts) <= 3 or not all(part.isdigit() for part in parts):
        return None
    numbers = [int(part) for part in parts] + [1, 1]
    return numbers[0], numbers[1], numbers[2]


def _age(born: tuple[int, int, int], today: dt.date) -> int:
    return today.year - born[0] - ((today.month, today.day) < (born[1], born[2]))


def age_on(date_of_birth: Any, today: dt.date) -> int | None:
    """Age as the fake's age filters see it (partial dates: earliest day), or None."""
    born = _birth(date_of_birth)
    return _age(born, today) if born else None


def _folded(value: Any) -> str | None:
    return value.casefold() if isinstance(value, str) else None


def _codes(values: Any) -> frozenset[str]:
    if not isinstance(values, list):
        return frozenset()
    return frozenset(value.upper() for value in values if isinstance(value, str))


@dataclass(frozen=True)
class _Record:
    entry: Entry
    sort_key: tuple[int, int]
    forename: str | None
    name: str | None
    nationalities: frozenset[str]
    warrant_countries: frozenset[str]
    sex: str | None
    born: tuple[int, int, int] | None

    @classmethod
    def of(cls, detail: dict[str, Any], pictures: Pictures) -> _Record:
        match = ENTITY_ID_RE.match(str(detail["entity_id"]))
        assert match is not None  # checked by check_detail
        warrants = detail.get("arrest_warrants")
        countries = [
            warrant.get("issuing_country_id")
            for warrant in (warrants if isinstance(warrants, list) else [])
            if isinstance(warrant, dict)
        ]
        sex = detail.get("sex_id")
        return cls(
            entry=Entry(detail, pictures),
            sort_key=(int(match.group(1)), int(match.group(2))),
            forename=_folded(detail.get("forename")),
            name=_folded(detail.get("name")),
            nationalities=_codes(detail.get("nationalities")),
            warrant_countries=_codes(countries),
            sex=sex.upper() if isinstance(sex, str) else None,
            born=_birth(detail.get("date_of_birth")),
        )

    def matches(self, params: SearchParams, today: dt.date) -> bool:
        if params.forename is not None and (
            self.forename is None or params.forename.casefold() not in self.forename
        ):
            return False
        if params.name is not None and (
            self.name is None or params.name.casefold() not in self.name
        ):
            return False
        if params.nationality is not None and params.nationality.upper() not in self.nationalities:
            return False
        if (
            params.arrest_warrant_country_id is not None
            and params.arrest_warrant_country_id.upper() not in self.warrant_countries
        ):
            return False
        if params.sex_id is not None and params.sex_id.upper() != self.sex:
            return False
        if params.age_min is not None or params.age_max is not None:
            if self.born is None:
                return False
            age = _age(self.born, today)
            if params.age_min is not None and age < params.age_min:
                return False
            if params.age_max is not None and age > params.age_max:
                return False
        return True


class FakeInterpol:
    """The notices the fake serves, its query semantics and its request counters.

    Thread-safe: tests change notices while the server answers from another thread.
    ``today`` (None: the real date) is the day ages are computed on.
    """

    def __init__(
        self,
        notices: Iterable[dict[str, Any]] = (),
        *,
        today: dt.date | None = None,
        pictures: Mapping[str, Pictures] | None = None,
    ) -> None:
        self.today = today
        self._lock = threading.RLock()
        self._records: dict[str, _Record] = {}
        self._ordered: list[_Record] | None = None
        self._age_buckets: tuple[dt.date, dict[int, list[_Record]]] | None = None
        self._counters: dict[str, int] = dict.fromkeys(REQUEST_KINDS + FAULT_KINDS, 0)
        for detail in notices:
            entity_id = str(detail.get("entity_id"))
            self.upsert(detail, (pictures or {}).get(entity_id))

    # --- notices ---
    def current_date(self) -> dt.date:
        return self.today or dt.date.today()

    def upsert(self, detail: dict[str, Any], pictures: Pictures | None = None) -> bool:
        """Add or replace a notice (``_links`` dropped); True when it was new.

        Pictures default to ids derived from the entity id, so they survive a restart.
        """
        clean = copy.deepcopy(check_detail(detail))
        entity_id = str(clean["entity_id"])
        record = _Record.of(clean, pictures or pictures_for(entity_id))
        with self._lock:
            created = entity_id not in self._records
            self._records[entity_id] = record
            self._ordered = None
        return created

    def remove(self, entity_id: str) -> bool:
        """Withdraw a notice, as INTERPOL does when one is deleted; True when it was there."""
        with self._lock:
            removed = self._records.pop(entity_id, None) is not None
            if removed:
                self._ordered = None
        return removed

    def clear(self) -> None:
        """Withdraw every notice (a test starting afresh on a running server)."""
        with self._lock:
            self._records.clear()
            self._ordered = None

    def get(self, entity_id: str) -> dict[str, Any] | None:
        """A copy of a notice's detail object (without ``_links``), or None."""
        entry = self.entry(entity_id)
        return copy.deepcopy(entry.detail) if entry else None

    def entry(self, entity_id: str) -> Entry | None:
        with self._lock:
            record = self._records.get(entity_id)
        return record.entry if record else None

    def pictures_of(self, entity_id: str) -> Pictures:
        """The pictures of a stored notice, or those it would have once stored."""
        entry = self.entry(entity_id)
        return entry.pictures if entry else pictures_for(entity_id)

    def __len__(self) -> int:
        with self._lock:
            return len(self._records)

    def entity_ids(self) -> list[str]:
        """Every stored entity id, newest first."""
        return [record.entry.entity_id for record in self._sorted()]

    def _sorted(self) -> list[_Record]:
        with self._lock:
            if self._ordered is None:
                self._ordered = sorted(
                    self._records.values(), key=lambda record: record.sort_key, reverse=True
                )
                self._age_buckets = None
            return self._ordered

    def _candidates(self, params: SearchParams, today: dt.date) -> list[_Record]:
        """Records that can match, newest first: with an age filter, only those ages.

        Keeps a 70,000-notice fake answering in milliseconds; semantics are unchanged
        because every candidate still goes through ``matches``.
        """
        ordered = self._sorted()
        if params.age_min is None and params.age_max is None:
            return ordered
        with self._lock:
            if self._age_buckets is None or self._age_buckets[0] != today:
                buckets: dict[int, list[_Record]] = {}
                for record in ordered:
                    if record.born is not None:
                        buckets.setdefault(_age(record.born, today), []).append(record)
                self._age_buckets = (today, buckets)
            buckets = self._age_buckets[1]
        low = params.age_min if params.age_min is not None else min(buckets, default=0)
        high = params.age_max if params.age_max is not None else max(buckets, default=0)
        chosen = [r for age in range(low, high + 1) for r in buckets.get(age, ())]
        return sorted(chosen, key=lambda record: record.sort_key, reverse=True)

    # --- queries ---
    def search_page(self, params: SearchParams) -> ResultPage:
        """Apply filters, the 160 cap and page clamping; raises FreeTextRefused."""
        if params.free_text is not None:
            raise FreeTextRefused()
        today = self.current_date()
        matches = [r for r in self._candidates(params, today) if r.matches(params, today)]
        total = len(matches)
        page, last_page = page_window(total, params.page, params.result_per_page)
        start = (page - 1) * params.result_per_page
        stop = min(start + params.result_per_page, MAX_REACHABLE, total)
        return ResultPage(
            total=total,
            page=page,
            result_per_page=params.result_per_page,
            last_page=last_page,
            entries=[record.entry for record in matches[start:stop]],
        )

    def search(self, params: SearchParams) -> tuple[int, list[dict[str, Any]]]:
        """(full match count, copies of the detail objects on the requested page)."""
        result = self.search_page(params)
        return result.total, [copy.deepcopy(entry.detail) for entry in result.entries]

    # --- counters ---
    def count(self, kind: str) -> None:
        with self._lock:
            self._counters[kind] = self._counters.get(kind, 0) + 1

    def stats(self) -> dict[str, int]:
        """Requests served by kind (list, detail, images, picture, countries) and faults."""
        with self._lock:
            return dict(self._counters)

    def reset_stats(self) -> None:
        with self._lock:
            self._counters = dict.fromkeys(REQUEST_KINDS + FAULT_KINDS, 0)
