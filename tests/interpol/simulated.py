"""An in-memory stand-in for the list endpoint, for fast algorithm tests.

It follows the same documented semantics as the fake service (substring names, inclusive ages
from ``today``, AND-ed filters, newest first, 160 cap); loopback tests use the real fake.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from redwatch.interpol.enumeration import ListPage
from redwatch.interpol.models import NoticeSummary, entity_sort_key
from redwatch.interpol.query import CAP, ListQuery, age_on


@dataclass
class SimNotice:
    entity_id: str
    name: str | None
    forename: str | None
    date_of_birth: str | None
    nationalities: list[str] | None
    sex: str | None
    warrants: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        return {
            "entity_id": self.entity_id,
            "name": self.name,
            "forename": self.forename,
            "date_of_birth": self.date_of_birth,
            "nationalities": self.nationalities,
        }


class SimulatedList:
    def __init__(self, notices: list[SimNotice], today: dt.date) -> None:
        self.notices = sorted(notices, key=lambda n: entity_sort_key(n.entity_id), reverse=True)
        self.today = today
        self.requests = 0

    def matches(self, notice: SimNotice, query: ListQuery) -> bool:
        if query.name is not None and query.name.casefold() not in (notice.name or "").casefold():
            return False
        if query.forename is not None and (
            query.forename.casefold() not in (notice.forename or "").casefold()
        ):
            return False
        if query.nationality is not None and query.nationality not in (notice.nationalities or []):
            return False
        if query.sex is not None and notice.sex != query.sex:
            return False
        if query.warrant_country is not None and query.warrant_country not in notice.warrants:
            return False
        if query.has_age:
            age = age_on(notice.date_of_birth, self.today)
            if age is None:
                return False
            if query.age_min is not None and age < query.age_min:
                return False
            if query.age_max is not None and age > query.age_max:
                return False
        return True

    def __call__(self, query: ListQuery) -> ListPage:
        self.requests += 1
        hits = [n for n in self.notices if self.matches(n, query)]
        items = tuple(NoticeSummary.model_validate(n.summary()) for n in hits[:CAP])
        return ListPage(query=query, total=len(hits), items=items)
