"""Complete enumeration of the public list despite the 160-results-per-query cap.

The service answers any query with its ``total`` but at most 160 notices (the newest). We
cover the whole list by adaptive partitioning: a query over the cap is split into narrower
queries until every notice has been seen. Dimensions, in order:

* **age** — disjoint single-year ranges (grouped by an expected age histogram so that most
  ranges fit at once); reaches every notice with a date of birth;
* **sex** — M/F/U, disjoint; peels off the small F and U groups of a dense age;
* **name and forename patterns** (and nationality) — a *refinement*: the query is covered by
  narrower ones that overlap: a letter (or, under a pattern, the pattern grown by one
  character) in the name, in the forename, both at once, or a nationality. They also reach
  notices without a date of birth or nationality. See :class:`_Refinement`;
* **nationality** and **warrant country** as disjoint last resorts over the country list.

Every answered query tells us which notices satisfy its filters. Because list items carry
name, forename, date of birth and nationalities, and every item returned under ``sexId``/
``arrestWarrantCountryId`` is known to satisfy that filter, we can count how many notices of a
query we already hold; when that count reaches the query's ``total`` the query is covered
without a request, and the difference (its *deficit*) says how many are still unseen. Those
counts are only shortcuts: the verdict ``complete`` is the sound check that the union of
everything seen has exactly the root query's ``total`` notices.
"""

from __future__ import annotations

import datetime as dt
import itertools
import string
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from redwatch.interpol.age_prior import DEFAULT_AGE_PRIOR
from redwatch.interpol.models import NoticeSummary
from redwatch.interpol.query import CAP, MAX_AGE, ListQuery, age_on

SEXES = ("M", "F", "U")
LETTERS = tuple(string.ascii_lowercase)
# Aim below the cap so that an estimate a little off still fits.
RANGE_TARGET = int(CAP * 0.8)
# Known notices a refinement reads to learn which patterns occur and how often.
PATTERN_SAMPLE = 3000
# Weight (in notices) of that general picture when guessing where the unseen notices are.
PRIOR_WEIGHT = 2.0
# Fewer known notices outside verified queries than this: no sample of the unseen ones.
MIN_OPEN_SAMPLE = 20
# A query over the cap yields its newest 160 but leaves the rest to further queries.
PROBE_FACTOR = 0.8
# Below this expected number of notices found per request a refinement gives up.
MIN_YIELD = 0.02


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
        # Every notice entry in the order it was learned, for refinements that count as they go.
        self.learned: list[Known] = []
        # Totals by query (a query reached twice by different paths is asked once; its
        # notices are in ``known`` already, so the items are not kept), and the queries
        # whose refinement found no way forward.
        self.totals: dict[ListQuery, int] = {}
        self.exhausted: set[ListQuery] = set()
        self.requests = 0
        self.leaves = 0
        self.incomplete: list[str] = []

    # -- bookkeeping -----------------------------------------------------------------
    def fetch(self, query: ListQuery) -> ListPage:
        if self._max_requests is not None and self.requests >= self._max_requests:
            raise BudgetExhausted(self.requests)
        page = self._fetch(query)
        self.requests += 1
        self.totals[query] = page.total
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
            if entry is not None and (
                entry.summary.date_of_birth != item.date_of_birth
                or entry.summary.name != item.name
                or entry.summary.forename != item.forename
                or entry.summary.nationalities != item.nationalities
            ):
                # The notice changed under us: learn it afresh (facts stay true of it).
                self._by_age[entry.age].pop(item.entity_id, None)
                replaced = Known(item, age_on(item.date_of_birth, self._today), set(entry.facts))
                self.known[item.entity_id] = replaced
                self._by_age.setdefault(replaced.age, {})[item.entity_id] = replaced
                self.learned.append(replaced)
                entry = replaced
            elif entry is None:
                entry = Known(item, age_on(item.date_of_birth, self._today))
                entry.facts |= self._hints.get(item.entity_id, set())
                self.known[item.entity_id] = entry
                self._by_age.setdefault(entry.age, {})[item.entity_id] = entry
                self.learned.append(entry)
                entry.facts |= facts
            else:
                entry.summary = item
            if not facts <= entry.facts:
                entry.facts |= facts
                # It may now be known to satisfy queries it was not known to before.
                self.learned.append(entry)
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

    def cover(self, page: ListPage, *, aged_known: bool = False) -> bool:
        """Make sure every notice of ``page.query`` is known; True when verified.

        ``aged_known``: every notice of this query that has an age is known already (only
        notices without a date of birth can be missing).
        """
        if self.covered(page):
            self.leaves += 1
            return True
        query = page.query
        # What a disjoint child could not tell apart with every filter, its parent cannot
        # either: a child left incomplete ends the search here.
        if not query.single_age and not aged_known:
            if not self._partition(page, self._split_age(page), aged_known=False):
                return self._give_up(query)
            if self.covered(page):
                return True
            # Every age range verified: what is still missing has no date of birth.
            aged_known = not query.has_age
        if query.sex is None and query.has_age:
            if not self._partition(page, self._split_sex(page), aged_known=aged_known):
                return self._give_up(query)
            if self.covered(page):
                return True
        if _Refinement(self, page, closed=(), aged_known=aged_known).run():
            return True
        for field_name in ("nationality", "warrant_country"):
            if getattr(query, field_name) is None:
                self._partition(page, self._split_values(page, field_name), aged_known=aged_known)
                if self.covered(page):
                    return True
        if query.sex is None and not query.has_age:
            self._partition(page, self._split_sex(page), aged_known=aged_known)
            if self.covered(page):
                return True
        return self._give_up(query)

    def _give_up(self, query: ListQuery) -> bool:
        self.incomplete.append(query.key)
        return False

    def _partition(
        self, page: ListPage, children: Iterable[ListQuery], *, aged_known: bool
    ) -> bool:
        """Cover ``page`` by disjoint children; True when every child asked was covered
        (notices in none of them, such as those without a nationality, may still be missing)."""
        whole = True
        for child in children:
            if self.covered(page):
                return True
            whole = self.cover(self.fetch(child), aged_known=aged_known) and whole
        return whole or self.covered(page)

    # -- disjoint dimensions ---------------------------------------------------------
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

    def _split_values(self, page: ListPage, field_name: str) -> Iterator[ListQuery]:
        """Every country code, the ones most frequent among known notices here first."""
        frequency: Counter[str] = Counter()
        for entry in self.known_in(page.query):
            frequency.update(entry.summary.nationalities or [])
        for code in sorted(self._countries, key=lambda code: (-frequency[code], code)):
            yield page.query.with_(**{field_name: code})


# A refinement's candidate query, relative to the query it refines:
# ("n", pattern) name, ("f", pattern) forename, ("nf", name, forename) both, ("c", code).
Key = tuple[str, ...]


def _text(entry: Known, field_name: str) -> str:
    return (getattr(entry.summary, field_name) or "").casefold()


def _patterns(texts: Iterable[str], current: str | None) -> list[str]:
    """Patterns one step narrower than ``current``: a letter when there is none, else
    ``current`` grown by one character on either side, as found in ``texts``."""
    found: set[str] = set()
    for text in texts:
        if current is None:
            found.update(char for char in text if char.isalpha())
            continue
        pattern = current.casefold()
        start = text.find(pattern)
        while start >= 0:
            if start > 0:
                found.add(text[start - 1 : start + len(pattern)])
            if start + len(pattern) < len(text):
                found.add(text[start : start + len(pattern) + 1])
            start = text.find(pattern, start + 1)
    return sorted(found)


class _Refinement:
    """Covers one query over the cap by narrower queries that may overlap.

    Candidates are the query with one more name pattern, one more forename pattern, both, or a
    nationality: all countable from list items, so for each we know exactly how many of its
    notices we hold. Where the unseen notices are is estimated from the known notices not yet
    inside a verified query (they are like the unseen ones: neither sits in a closed region),
    smoothed by the pattern frequencies of all known notices here. Each step asks the
    candidate expected to reveal most unseen notices per request:

    * a candidate expected to fit under the cap is answered whole and closes its region;
    * a candidate expected over the cap is asked for its total (and newest 160), at a discount;
    * an answered candidate still over the cap with a deficit is refined in turn, worth its
      deficit density.

    Exact deficits steer the search when few notices are missing; sample estimates when many.
    """

    def __init__(
        self,
        enumerator: Enumerator,
        page: ListPage,
        *,
        closed: Sequence[ListQuery],
        aged_known: bool,
        shares: Mapping[Key, float] | None = None,
    ) -> None:
        self.enumerator = enumerator
        # What the refinement above learnt: the share of its unseen notices that each of our
        # single-pattern candidates holds (from its exact deficits).
        self.shares = dict(shares or {})
        self.page = page
        self.query = page.query
        self.closed = list(closed)
        self.aged_known = aged_known
        sample = list(itertools.islice(enumerator.known_in(page.query), PATTERN_SAMPLE))
        query = self.query
        self.name_patterns = _patterns((_text(e, "name") for e in sample), query.name)
        self.forename_patterns = _patterns((_text(e, "forename") for e in sample), query.forename)
        self.nationalities = (
            sorted({code for e in sample for code in e.summary.nationalities or []})
            if query.nationality is None
            else []
        )
        self.prior: Counter[Key] = Counter()
        for entry in sample:
            self.prior.update(self.keys(entry))
        self.prior_size = max(1, len(sample))
        self.candidates: list[Key] = [
            *(("n", n) for n in self.name_patterns),
            *(("f", f) for f in self.forename_patterns),
            *(("nf", n, f) for n in self.name_patterns for f in self.forename_patterns),
            *(("c", code) for code in self.nationalities),
        ]
        self.counted: dict[str, list[Key]] = {}
        self.held: Counter[Key] = Counter()
        self.open: set[str] = set()
        self.open_counts: Counter[Key] = Counter()
        self.asked: dict[Key, ListPage] = {}
        self.given_up: set[Key] = set()
        self.cursor = 0

    def keys(self, entry: Known) -> list[Key]:
        name, forename = _text(entry, "name"), _text(entry, "forename")
        in_name = [n for n in self.name_patterns if n in name]
        in_forename = [f for f in self.forename_patterns if f in forename]
        keys: list[Key] = [("n", n) for n in in_name]
        keys += [("f", f) for f in in_forename]
        keys += [("nf", n, f) for n in in_name for f in in_forename]
        if self.nationalities:
            keys += [("c", code) for code in entry.summary.nationalities or []]
        return keys

    def child(self, key: Key) -> ListQuery:
        if key[0] == "n":
            return self.query.with_(name=key[1])
        if key[0] == "f":
            return self.query.with_(forename=key[1])
        if key[0] == "nf":
            return self.query.with_(name=key[1], forename=key[2])
        return self.query.with_(nationality=key[1])

    def in_closed(self, entry: Known) -> bool:
        if self.aged_known and entry.age is not None:
            return True
        return any(self.enumerator.satisfies(entry, query) for query in self.closed)

    def count_new(self) -> None:
        """Count the notices learned since the last call."""
        learned = self.enumerator.learned
        for seen in learned[self.cursor :]:
            entity_id = seen.summary.entity_id
            entry = self.enumerator.known[entity_id]
            if entity_id in self.counted:
                old_keys = self.counted.pop(entity_id)
                self.held.subtract(old_keys)
                if entity_id in self.open:
                    self.open.discard(entity_id)
                    self.open_counts.subtract(old_keys)
            if not self.enumerator.satisfies(entry, self.query):
                continue
            keys = self.keys(entry)
            self.counted[entity_id] = keys
            self.held.update(keys)
            if not self.in_closed(entry):
                self.open.add(entity_id)
                self.open_counts.update(keys)
        self.cursor = len(learned)

    def close(self, query: ListQuery) -> None:
        """Every notice of ``query`` is known: take them out of the open sample."""
        self.closed.append(query)
        known = self.enumerator.known
        for entity_id in [i for i in self.open if self.enumerator.satisfies(known[i], query)]:
            self.open.discard(entity_id)
            self.open_counts.subtract(self.counted[entity_id])

    def run(self) -> bool:
        while True:
            self.count_new()
            if len(self.counted) >= self.page.total:
                return True
            choice = self.choose()
            if choice is None:
                return False
            key, answered = choice
            if answered is None:
                child = self.child(key)
                total = self.enumerator.totals.get(child)
                answered = (
                    self.enumerator.fetch(child)
                    if total is None
                    else ListPage(query=child, total=total, items=())
                )
                # Kept without its items (they are in ``known``): thousands are asked.
                self.asked[key] = ListPage(query=child, total=answered.total, items=())
                self.count_new()
                if answered.complete or self.held[key] >= answered.total:
                    self.enumerator.leaves += 1
                    self.close(answered.query)
            elif answered.query in self.enumerator.exhausted:
                self.given_up.add(key)
            else:
                # Refined once, whatever the outcome: never chosen again.
                self.given_up.add(key)
                narrower = _Refinement(
                    self.enumerator,
                    answered,
                    closed=self.closed,
                    aged_known=self.aged_known,
                    shares=self.passed_down(key),
                )
                if narrower.run():
                    self.close(answered.query)
                else:
                    self.enumerator.exhausted.add(answered.query)

    def choose(self) -> tuple[Key, ListPage | None] | None:
        """The candidate (with its answer if it was asked) expected to find most per request."""
        missing = self.page.total - len(self.counted)
        open_size = len(self.open)
        if self.aged_known and open_size < MIN_OPEN_SAMPLE:
            # Only notices without a date of birth are missing, and we hold almost none of
            # them: learn first which letters they hold (the deficit of every single-pattern
            # query), as long as that is cheap beside their number.
            singles = [
                key
                for key in self.candidates
                if key[0] in ("n", "f") and key not in self.asked and self.prior[key] > 0
            ]
            if singles and len(singles) <= 4 * missing:
                return max(singles, key=lambda key: (self.prior[key], key)), None
        deficit: dict[Key, int] = {
            key: answered.total - self.held[key] for key, answered in self.asked.items()
        }
        best: tuple[Key, ListPage | None] | None = None
        best_yield = MIN_YIELD
        for key in self.candidates:
            answered = self.asked.get(key)
            if answered is not None:
                if (
                    key in self.given_up
                    or deficit[key] <= 0
                    or answered.total <= CAP  # answered whole
                    # Holding every notice of the query refined, it cannot tell more apart.
                    or answered.total >= self.page.total
                ):
                    continue
                expected = RANGE_TARGET * deficit[key] / answered.total
            else:
                unseen = self.unseen(key, missing, open_size, deficit)
                size = self.held[key] + unseen
                expected = unseen if size <= RANGE_TARGET else PROBE_FACTOR * unseen * CAP / size
            if expected > best_yield:
                best, best_yield = (key, answered), expected
        return best

    def passed_down(self, key: Key) -> dict[Key, float]:
        """Shares of the unseen notices, by the other fields' single patterns, for refining
        ``key`` (taken as independent of ``key``'s own pattern)."""
        if key[0] == "nf":
            return {}
        missing = self.page.total - len(self.counted)
        passed: dict[Key, float] = {}
        for other in self.candidates:
            if len(other) == 2 and other[0] != key[0]:
                known_share = self.share(other, missing)
                if known_share is not None:
                    passed[other] = known_share
        return passed

    def share(self, key: Key, missing: int) -> float | None:
        """Exact share of the unseen notices in a single-pattern candidate, when known."""
        answered = self.asked.get(key)
        if answered is not None:
            return max(0, answered.total - self.held[key]) / max(1, missing)
        return self.shares.get(key)

    def unseen(self, key: Key, missing: int, open_size: int, deficit: Mapping[Key, int]) -> float:
        """Expected number of unseen notices of ``key``'s query.

        From exact deficits when they are known (of the candidate's name and forename parts,
        taken as independent); otherwise from the open sample, smoothed by the prior.
        """
        if key[0] == "nf":
            name_key, forename_key = ("n", key[1]), ("f", key[2])
            in_name, in_forename = self.share(name_key, missing), self.share(forename_key, missing)
            if in_name is not None or in_forename is not None:
                # Few known notices per pair: independence is a sturdier guess than their counts.
                if in_name is None:
                    in_name = self.prior[name_key] / self.prior_size
                if in_forename is None:
                    in_forename = self.prior[forename_key] / self.prior_size
                estimate = in_name * in_forename
                return min(float(missing), missing * estimate)
        else:
            known_share = self.share(key, missing)
            if known_share is not None:
                return min(float(missing), missing * known_share)
        share = (self.open_counts[key] + PRIOR_WEIGHT * self.prior[key] / self.prior_size) / (
            open_size + PRIOR_WEIGHT
        )
        return min(missing * share, float(missing))
