"""A list query: the filters the service accepts, and how a result is evaluated locally."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlencode

CAP = 160
"""No query returns more than this many notices, whatever page or resultPerPage say."""

MAX_AGE = 120


@dataclass(frozen=True, order=True)
class ListQuery:
    """The AND-ed filters of one list request. ``None`` means the filter is not sent."""

    name: str | None = None
    forename: str | None = None
    nationality: str | None = None
    warrant_country: str | None = None
    sex: str | None = None
    age_min: int | None = None
    age_max: int | None = None

    def with_(self, **changes: Any) -> ListQuery:
        return replace(self, **changes)

    def params(self) -> dict[str, str]:
        """Query parameters in the service's own names (page size and page are the client's)."""
        pairs = {
            "name": self.name,
            "forename": self.forename,
            "nationality": self.nationality,
            "arrestWarrantCountryId": self.warrant_country,
            "sexId": self.sex,
            "ageMin": self.age_min,
            "ageMax": self.age_max,
        }
        return {key: str(value) for key, value in pairs.items() if value is not None}

    @property
    def key(self) -> str:
        """A stable text form, used to checkpoint answered queries."""
        return urlencode(sorted(self.params().items())) or "(all)"

    @property
    def has_age(self) -> bool:
        return self.age_min is not None or self.age_max is not None

    @property
    def single_age(self) -> bool:
        return self.age_min is not None and self.age_min == self.age_max

    def __str__(self) -> str:
        return self.key


def parse_partial_date(text: str | None) -> tuple[int, int | None, int | None] | None:
    """``YYYY``, ``YYYY/MM`` or ``YYYY/MM/DD`` → (year, month, day); None when absent or bad."""
    if not text:
        return None
    parts = text.strip().split("/")
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        return None
    if not 1 <= len(numbers) <= 3:
        return None
    year = numbers[0]
    month = numbers[1] if len(numbers) > 1 else None
    day = numbers[2] if len(numbers) > 2 else None
    return (year, month, day)


def age_on(date_of_birth: str | None, today: dt.date) -> int | None:
    """Age in whole years on ``today``, as the service computes it for ``ageMin``/``ageMax``.

    A partial date is taken at its earliest possible day (``1990`` → 1 January 1990). That is
    an assumption about the real service; enumeration never relies on it for completeness,
    only to skip queries whose answer it already knows.
    """
    parsed = parse_partial_date(date_of_birth)
    if parsed is None:
        return None
    year, month, day = parsed
    month = month or 1
    day = day or 1
    try:
        born = dt.date(year, month, day)
    except ValueError:
        return None
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))
