"""Complete enumeration of the public list despite the 160-results-per-query cap.

The service answers any query with its ``total`` but at most 160 notices. We cover the whole
list by adaptive partitioning: a query over the cap is split into narrower queries until every
leaf fits. Dimensions, in order of preference:

* **age** — disjoint single-year ranges (grouped by an expected age histogram so that most
  ranges fit at once); reaches every notice with a date of birth;
* **sex** — M/F/U, disjoint; halves nothing but peels off the small F and U groups;
* **name / forename letters** — case-insensitive substring filters; they overlap, so the
  children are chosen greedily from what is already known, and they also reach notices without
  a date of birth or nationality;
* **nationality** and **warrant country** as the last resort.

Every answered query tells us which notices satisfy its filters. Because list items carry name,
forename, date of birth and nationalities, and every item returned under ``sexId``/
``arrestWarrantCountryId`` is known to satisfy that filter, we can often count how many notices
of a query we already hold; when that count reaches the query's ``total`` the query is covered
without a request. Those counts are only shortcuts: the verdict ``complete`` is the sound check
that the union of everything seen has exactly the root query's ``total`` notices.
"""

from __future__ import annotations

import datetime as dt
import itertools
import string
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from redwatch.interpol.age_prior import DEFAULT_AGE_PRIOR
from redwatch.interpol.models import NoticeSummary
from redwatch.interpol.query import CAP, MAX_AGE, ListQuery, age_on

SEXES = ("M", "F", "U")
LETTERS = tuple(string.ascii_lowercase)
# Aim below the cap when grouping ages so that an estimate a little off still fits.
RANGE_TARGET = int(CAP * 0.8)
BIGRAM_SAMPLE = 3000


class BudgetExhausted(Exception):
    """The walk used its whole request budget (something keeps it from converging)."""


@dataclass(frozen=True)
class ListPage:
    """What one list request told us."""

    query: ListQuery
    total: int
    items: tuple[NoticeSummary, ...]

    @property
    def complete(self) -> bool:
        return self.total <= len(self.items)


Fetch = Callable[[ListQuery], ListPage]


@dataclass
class Known:
    """A notice seen during enumeration and the service-side filters it is known to satisfy."""

    summary: NoticeSummary
    age: int | None
    facts: set[tuple[str, str]] = field(default_factory=set)


@dataclass
class EnumerationResult:
    notices: dict[str, NoticeSummary]
    root_total: int
    complete: bool
    requests: int
    leaves: int
    incomplete_leaves: list[str]

    @property
    def missing(self) -> int:
        return max(0, self.root_total - len(self.notices))


class Enumerator:
    """Walks the query tree; ``fetch`` does the I/O (and the checkpointing)."""

    def __init__(
        self,
        fetch: Fetch,
        *,
        countries: Sequence[str],
        today: dt.date | None = None,
        age_prior: Mapping[int, float] | None = None,
        hints: Mapping[str, set[tuple[str, str]]] | None = None,
        max_age: int = MAX_AGE,
        max_requests: int | None = None,
    ) -> None:
        self._fetch = fetch
        self._countries = list(countries)
        self._today = today or dt.date.today()
        self._prior = dict(age_prior or DEFAULT_AGE_PRIOR)
        self._hints = hints or {}
        self._max_age = max_age
        self._max_requests = max_requests
        self.known: dict[str, Known] = {}
        self._by_age: dict[int | None, dict[str, Known]] = {}
        # Set once every notice with an age is known: then only ageless notices can be missing.
        self._all_aged_known = False
        self.requests = 0
        self.leaves = 0
        self.incomplete: list[str] = []

    # -- bookkeeping -----------------------------------------------------------------
    def fetch(self, query: ListQuery) -> ListPage:
        if self._max_requests is not None and self.requests >= self._max_requests:
            raise BudgetExhausted(self.requests)
        page = self._fetch(query)
        self.requests += 1
        facts = {
            (key, value)
            for key, value in (
                ("sexId", query.sex),
                ("arrestWarrantCountryId", query.warrant_country),
            )
            if value is not None
        }
        for item in page.items:
            entry = self.known.get(item.entity_id)
            if entry is not None and entry.summary.date_of_birth != item.date_of_birth:
                self._by_age[entry.age].pop(item.entity_id, None)
                entry = None
            if entry is None:
                previous = self.known.get(item.entity_id)
                entry = Known(item, age_on(item.date_of_birth, self._today))
                entry.facts |= self._hints.get(item.entity_id, set())
                if previous is not None:
                    entry.facts |= previous.facts
                self.known[item.entity_id] = entry
                self._by_age.setdefault(entry.age, {})[item.entity_id] = entry
            else:
                entry.summary = item
            entry.facts |= facts
        return page

    def satisfies(self, entry: Known, query: ListQuery) -> bool:
        """True when we know, without asking, that the service lists this notice for ``query``."""
        item = entry.summary
        if query.has_age:
            if entry.age is None:
                return False
            if query.age_min is not None and entry.age < query.age_min:
                return False
            if query.age_max is not None and entry.age > query.age_max:
                return False
        if query.name is not None and query.name.casefold() not in (item.name or "").casefold():
            return False
        if query.forename is not None and (
            query.forename.casefold() not in (item.forename or "").casefold()
        ):
            return False
        if query.nationality is not None and query.nationality not in (item.nationalities or []):
            return False
        for fact in (("sexId", query.sex), ("arrestWarrantCountryId", query.warrant_country)):
            if fact[1] is not None and fact not in entry.facts:
                return False
        return True

    def _candidates(self, query: ListQuery) -> Iterator[Known]:
        if not query.has_age:
            yield from self.known.values()
            return
        low = query.age_min if query.age_min is not None else 0
        high = query.age_max if query.age_max is not None else self._max_age
        for age, entries in self._by_age.items():
            if age is not None and low <= age <= high:
                yield from entries.values()

    def known_in(self, query: ListQuery) -> list[Known]:
        return [entry for entry in self._candidates(query) if self.satisfies(entry, query)]

    def covered(self, page: ListPage) -> bool:
        return page.complete or len(self.known_in(page.query)) >= page.total

    # -- the walk --------------------------------------------------------------------
    def run(self, root: ListQuery | None = None) -> EnumerationResult:
        root = root or ListQuery()
        page = self.fetch(root)
        if self._max_requests is None:
            # Generous: a healthy walk needs about one request per 25 notices.
            self._max_requests = max(2000, page.total // 5)
        try:
            self.cover(page)
        except BudgetExhausted:
            self.incomplete.append(f"stopped after {self.requests} requests")
        notices = {entry.summary.entity_id: entry.summary for entry in self.known_in(root)}
        return EnumerationResult(
            notices=notices,
            root_total=page.total,
            # More notices than the total means the list changed under us: not a clean union.
            complete=len(notices) == page.total,
            requests=self.requests,
            leaves=self.leaves,
            incomplete_leaves=list(self.incomplete),
        )

    def cover(self, page: ListPage) -> bool:
        """Make sure every notice of ``page.query`` is known; True when verified."""
        if self.covered(page):
            self.leaves += 1
            return True
        for strategy, overlapping in self._strategies(page.query):
            children_covered = True
            deferred: list[ListPage] = []
            for child in strategy(page):
                child_page = self.fetch(child)
                if self.covered(child_page):
                    self.leaves += 1
                elif overlapping:
                    # Siblings overlap: most of this child's notices may come through them.
                    deferred.append(child_page)
                else:
                    children_covered = self.cover(child_page) and children_covered
                if self.covered(page):
                    return True
            for child_page in sorted(deferred, key=lambda p: p.total):
                if self.covered(page):
                    return True
                if not self.covered(child_page):
                    children_covered = self.cover(child_page) and children_covered
            if self.covered(page):
                return True
            if strategy == self._split_age and page.query == ListQuery() and children_covered:
                self._all_aged_known = True
        self.incomplete.append(page.query.key)
        return False

    def _strategies(
        self, query: ListQuery
    ) -> list[tuple[Callable[[ListPage], Iterator[ListQuery]], bool]]:
        if query == ListQuery():
            return [
                (self._split_age, False),
                (self._hunt_ageless, True),
                (self._split_sex, False),
                (lambda page: self._split_values(page, "nationality"), False),
                (lambda page: self._split_values(page, "warrant_country"), False),
            ]
        plan: list[tuple[Callable[[ListPage], Iterator[ListQuery]], bool]] = []
        if not query.single_age and not (self._all_aged_known and not query.has_age):
            plan.append((self._split_age, False))
        if query.sex is None and query.has_age:
            plan.append((self._split_sex, False))
        if query.name is None:
            plan.append((lambda page: self._split_letters(page, "name"), True))
        if query.forename is None:
            plan.append((lambda page: self._split_letters(page, "forename"), True))
        if query.nationality is None:
            plan.append((lambda page: self._split_values(page, "nationality"), False))
        if query.warrant_country is None:
            plan.append((lambda page: self._split_values(page, "warrant_country"), False))
        if query.sex is None and not query.has_age:
            plan.append((self._split_sex, False))
        return plan

    # -- dimensions ------------------------------------------------------------------
    def _split_age(self, page: ListPage) -> Iterator[ListQuery]:
        query = page.query
        low = query.age_min if query.age_min is not None else 0
        high = query.age_max if query.age_max is not None else self._max_age
        for first, last in self._age_ranges(low, high, page.total):
            yield query.with_(age_min=first, age_max=last)

    def _age_ranges(self, low: int, high: int, total: int) -> list[tuple[int, int]]:
        """Consecutive ranges whose expected counts fit under the cap (bisection as fallback)."""
        weights = {age: self._prior.get(age, 0.0) for age in range(low, high + 1)}
        mass = sum(weights.values())
        ranges: list[tuple[int, int]] = []
        if mass > 0:
            start, running = low, 0.0
            for age in range(low, high + 1):
                expected = weights[age] * total / mass
                if running and running + expected > RANGE_TARGET:
                    ranges.append((start, age - 1))
                    start, running = age, 0.0
                running += expected
            ranges.append((start, high))
        if len(ranges) < 2 and high > low:
            middle = (low + high) // 2
            ranges = [(low, middle), (middle + 1, high)]
        return ranges

    def _split_sex(self, page: ListPage) -> Iterator[ListQuery]:
        for sex in SEXES:
            yield page.query.with_(sex=sex)

    def _split_letters(self, page: ListPage, field_name: str) -> Iterator[ListQuery]:
        """Greedy cover by substring letters, re-ranked after every answer.

        Among letters whose expected count fits the cap, take the one expected to reach most
        notices; when none fits, take the rarest (its subtree is smallest).
        """
        query = page.query
        tried: set[str] = set()
        while True:
            sample = self.known_in(query)
            letters = [
                letter for letter in self._letters(sample, field_name) if letter not in tried
            ]
            if not letters:
                return
            counts = self._letter_counts(sample, field_name, letters)
            scale = page.total / max(1, len(sample))
            expected = {letter: count * scale for letter, count in counts.items()}
            fitting = [letter for letter in letters if expected[letter] <= RANGE_TARGET]
            if fitting:
                letter = max(fitting, key=lambda item: (expected[item], item))
            else:
                letter = min(letters, key=lambda item: (expected[item], item))
            tried.add(letter)
            yield query.with_(**{field_name: letter})

    @staticmethod
    def _letter_counts(sample: list[Known], field_name: str, letters: list[str]) -> dict[str, int]:
        counts = dict.fromkeys(letters, 0)
        for entry in sample:
            text = (getattr(entry.summary, field_name) or "").casefold()
            for letter in letters:
                if letter in text:
                    counts[letter] += 1
        return counts

    @staticmethod
    def _letters(sample: list[Known], field_name: str) -> list[str]:
        extra = {
            char
            for entry in sample
            for char in (getattr(entry.summary, field_name) or "").casefold()
            if char.isalpha() and char not in LETTERS
        }
        return [*LETTERS, *sorted(extra)]

    def _split_values(self, page: ListPage, field_name: str) -> Iterator[ListQuery]:
        """Every country code, the ones most frequent among known notices here first."""
        frequency: Counter[str] = Counter()
        for entry in self.known_in(page.query):
            frequency.update(entry.summary.nationalities or [])
        for code in sorted(self._countries, key=lambda code: (-frequency[code], code)):
            yield page.query.with_(**{field_name: code})

    def _hunt_ageless(self, page: ListPage) -> Iterator[ListQuery]:
        """Find the few notices that no age filter reaches.

        Once every notice with an age is known, the deficit of any query on names alone is
        exactly its count of ageless notices. One pass over name letters and one over
        forename letters tells which letters the missing names contain; then the narrowest
        (name letter, forename letter) pair holding a deficit is asked, until none is left.
        """
        if not self._all_aged_known:
            return
        query = page.query
        totals: dict[ListQuery, int] = {}
        for field_name in ("name", "forename"):
            for letter in self._letters(list(self.known.values()), field_name):
                child = query.with_(**{field_name: letter})
                totals[child] = self.fetch(child).total
                if self.covered(page):
                    return
                yield from ()

        asked: set[ListQuery] = set()
        plan: dict[ListQuery, tuple[float, int]] = {}
        planned_for = -1
        while not self.covered(page):
            if planned_for != len(self.known):
                plan = self._hunt_plan(query, totals, page.total)
                planned_for = len(self.known)
            options = {q: value for q, value in plan.items() if q not in asked}
            if not options:
                return
            best = max(options, key=lambda q: (options[q][0], -options[q][1], q.key))
            asked.add(best)
            yield best

    def _hunt_plan(
        self, query: ListQuery, totals: Mapping[ListQuery, int], root_total: int
    ) -> dict[ListQuery, tuple[float, int]]:
        """Candidate queries → (expected missing notices found, known size).

        Patterns per field are the letters that missing names contain (their deficit) and
        the likeliest two-letter substrings of those letters; a candidate pairs a name pattern
        with a forename pattern (or stands alone) and must be small enough to be answered
        whole. Letters are taken as independent, bigrams weighted by how often they occur in
        known names that hold both letters.
        """
        missing = max(1, root_total - len(self.known))
        counts = self._letter_sizes()
        patterns: dict[str, dict[str, float]] = {}
        for field_name in ("name", "forename"):
            deficits = {
                getattr(q, field_name): (totals[q] - counts[(field_name, getattr(q, field_name))])
                for q in totals
                if getattr(q, field_name) is not None
            }
            letters = {k: min(1.0, v / missing) for k, v in deficits.items() if v > 0}
            patterns[field_name] = dict(letters)
            # How often two letters stand together is a property of names, not of this list:
            # a sample of known names estimates it as well as all of them, at a bounded cost.
            texts = [
                (getattr(e.summary, field_name) or "").casefold()
                for e in itertools.islice(self.known.values(), BIGRAM_SAMPLE)
            ]
            bigrams: dict[str, float] = {}
            for x in letters:
                for y in letters:
                    both = [t for t in texts if x in t and y in t]
                    if both:
                        together = sum(1 for t in both if x + y in t) / len(both)
                        bigrams[x + y] = letters[x] * letters[y] * together
            best = sorted(bigrams.items(), key=lambda item: -item[1])[:30]
            patterns[field_name].update(best)
        sizes: Counter[tuple[str | None, str | None]] = Counter()
        name_patterns = list(patterns["name"])
        forename_patterns = list(patterns["forename"])
        for entry in self.known.values():
            name = (entry.summary.name or "").casefold()
            forename = (entry.summary.forename or "").casefold()
            in_name: list[str | None] = [None, *(p for p in name_patterns if p in name)]
            in_forename: list[str | None] = [None, *(p for p in forename_patterns if p in forename)]
            for n in in_name:
                for f in in_forename:
                    sizes[(n, f)] += 1
        plan: dict[ListQuery, tuple[float, int]] = {}
        for n in [None, *name_patterns]:
            for f in [None, *forename_patterns]:
                if n is None and f is None:
                    continue
                size = sizes[(n, f)]
                if size >= CAP:
                    continue
                chance = (patterns["name"][n] if n else 1.0) * (
                    patterns["forename"][f] if f else 1.0
                )
                plan[query.with_(name=n, forename=f)] = (missing * chance, size)
        return plan

    def _letter_sizes(self) -> Counter[tuple[str, str]]:
        """Known notices per (field, letter), counted in one pass."""
        sizes: Counter[tuple[str, str]] = Counter()
        for entry in self.known.values():
            for field_name in ("name", "forename"):
                text = (getattr(entry.summary, field_name) or "").casefold()
                sizes.update((field_name, letter) for letter in set(text))
        return sizes
