"""A candidate index over the mirror (or any larger list), so that a query touches few notices.

An inverted index in memory from blocking keys to notices. A query is looked up in two stages:

1. **Candidates** (``candidates``): every notice sharing a key with any spelling of the query.
   The keys are ``candidate_keys`` (phonetic keys and skeletons of words, hyphen pieces and
   joined neighbours) and the keys that make them complete for every rule by which the
   scorer lets two words align: ``d:`` (Levenshtein neighbourhoods: the fuzzy rule), ``g:``
   (a surname in its other gender form), ``p:`` (the same word) and ``q:`` (one-letter
   keys, too short for ``candidate_keys``). A particle written together with its neighbour
   (``Van Dyke`` = ``VANDYKE``) is filed too, and a notice named by particles alone
   (``LE VAN``) under its particles.
2. **Bound** (``search``): each posting records *which* words of the notice gave the key.
   Skeletons apart (they only fetch near misses), a word that shares no key with the query
   can align with none of its words, so the index knows the most of the notice's name the
   query could cover; with the date, sex and nationality evidence applied as ``score``
   applies them, that gives an upper bound of the score. Only candidates whose bound
   reaches ``possible`` are scored: a common given name (``HECTOR``) fetches hundreds of
   notices, and none of them is scored unless the query could also cover the family name.
   A word reached only through ``d:`` or ``g:`` keys counts at the similarity the
   scorer's own ``compare_tokens`` gives it (rounded up to one of ``_LEVELS``), not as a
   perfect pair: deletion neighbourhoods also meet words several edits apart, and in a
   large list those were most of the candidates scored. That similarity is computed once
   per word and query, and only for words of candidates that pass the coarser bound.

The bound is computed for all candidates of a query at once, with NumPy, from per-notice
columns (word shares, date of birth, sex, nationalities); notices alike in name and
evidence are scored once (``score_all``).

What no key sees is lost: three words of one side written as one word of the other, or a
hyphen piece written together with the next word. Recall against scoring every notice is
measured in ``tests/matching/test_index.py``, and a property test checks that the index
returns every notice the scorer reports for tricky names and slips of them.

Postings are ``array`` rows of ``(slot << 16) | bits of the notice's words``, filed under the
text that gave the keys, so the many keys of one word (one per romanisation variant) lead to
its notices once. A notice is removed by recomputing its texts: no reverse map is kept.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import threading
import weakref
from array import array
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt
from sqlalchemy import func, select

from redwatch.matching.align import (
    FUZZY_MIN_LENGTH,
    FUZZY_MIN_LEVENSHTEIN,
    FUZZY_SCALE,
    GENDER_FORM,
    _plain,  # the scorer's own "identical" test
    _units,  # the scorer's own units of a name
    compare_joined,
    compare_tokens,
    pieces_of,
)
from redwatch.matching.blocking import token_keys
from redwatch.matching.dates import DateVerdict, PartialDate, compare_dates, parse_notice_date
from redwatch.matching.model import Candidate, Query, Result
from redwatch.matching.score import (
    DOB_COMPATIBLE_PULL,
    DOB_CONFLICT_FACTOR,
    DOB_EXACT_PULL,
    DOB_NEAR_FACTOR,
    NATIONALITY_PULL,
    NOTICE_SHARE,
    POSSIBLE_THRESHOLD,
    SEX_CONFLICT_FACTOR,
    score,
)
from redwatch.names.parse import NameParts, Role, parse_name, parse_notice_name
from redwatch.names.phonetic import analyse

if TYPE_CHECKING:
    from redwatch.store.repository import Repository

__all__ = [
    "CandidateIndex",
    "apply_events",
    "blocking_texts",
    "exhaustive_search",
    "gender_keys",
    "near_keys",
    "rank",
    "score_all",
]

_MASK_BITS = 16
_MASK = (1 << _MASK_BITS) - 1
_LAST_BIT = _MASK_BITS - 1
_MIN_KEY = 2
"""Shortest key ``token_keys`` files; a word with a shorter one may align unseen."""
_MAX_DELETIONS = 3
"""Deepest ``d:`` neighbourhood (enough for keys under 20 letters)."""
_LONG_KEY = 16
"""A notice word with a key this long counts as sharing a key with every query: a fuzzy
partner of 20 letters or more (whose neighbourhood is cut at three deletions) is this long."""
_BOUND_SLACK = 1e-6
"""Rounding room: a bound this close below ``possible`` is still scored."""
_SKELETON = "s:"
"""``candidate_keys``' coarse keys: they fetch near misses for ``candidates``, but the bound
ignores them, since the other keys already meet for every pair of words that can align."""
_JOINED = "\x00"
"""Marks postings of two words written together: they get ``candidate_keys`` only."""


def _bit(position: int) -> int:
    # Words past the 16th share the last bit; the bound then counts them all as hit.
    return 1 << min(position, _LAST_BIT)


def _deletions(key: str, depth: int) -> set[str]:
    found = {key}
    layer = {key}
    for _ in range(depth):
        layer = {w[:i] + w[i + 1 :] for w in layer for i in range(len(w))}
        found |= layer
    return found


def _fuzzy_depth(key: str) -> int:
    """Most edits the fuzzy rule accepts between this key and any other.

    Levenshtein similarity ≥ 0.8 allows ``0.2 × max(len)`` edits, of which at most
    ``0.2 × len(key)`` delete from this key (the rest are insertions into the shorter one),
    so neighbourhoods this deep on both sides always meet (the symmetric-deletion scheme).
    """
    return int(len(key) * (1 - FUZZY_MIN_LEVENSHTEIN) + 1e-9)


@lru_cache(maxsize=131072)
def near_keys(text: str) -> frozenset[str]:
    """``d:`` keys: two words the scorer may call alike by its fuzzy rule share one.

    The fuzzy rule compares every key of one word with every key of the other (Levenshtein
    similarity ≥ 0.8, primary keys of four letters or more), so each key gives its deletion
    neighbourhood.
    """
    found = analyse(text)
    if len(found.key) < FUZZY_MIN_LENGTH:
        return frozenset()
    keys: set[str] = set()
    for key in found.keys:
        depth = min(_fuzzy_depth(key), _MAX_DELETIONS)
        keys.update(f"d:{v}" for v in _deletions(key, depth) if v)
    return frozenset(keys)


@lru_cache(maxsize=131072)
def gender_keys(text: str) -> frozenset[str]:
    """``g:`` keys: a surname and its other gender form (IVANOV, IVANOVA) share one."""
    found = analyse(text)
    return frozenset(f"g:{stem}:{pair}" for stem, pair in found.feminine | found.masculine)


@lru_cache(maxsize=131072)
def _text_keys(text: str) -> frozenset[str]:
    if text.startswith(_JOINED):
        return frozenset(token_keys(text[1:]))
    found = analyse(text)
    # What candidate_keys leaves out: the same word (``p:``) and keys too short to file
    # (``q:``, one-letter words such as the Korean surname O).
    exact = {f"p:{_plain(text)}"} | {f"q:{k}" for k in found.keys if 0 < len(k) < _MIN_KEY}
    return frozenset(token_keys(text)) | near_keys(text) | gender_keys(text) | exact


def blocking_texts(parts: NameParts) -> dict[str, int]:
    """What ``candidate_keys`` takes keys from, each with the bit mask of the words it covers.

    Words (particles apart), the pieces of hyphenated words, and two neighbouring words
    written together (these marked with a leading NUL): the union of the ``token_keys`` of
    the texts is ``candidate_keys(parts)``.
    """
    found: dict[str, int] = {}
    words = [(i, t) for i, t in enumerate(parts.tokens) if not t.particle]
    for position, token in words:
        texts = (token.text, *token.parts) if len(token.parts) > 1 else (token.text,)
        for text in texts:
            found[text] = found.get(text, 0) | _bit(position)
    for (left_at, left), (right_at, right) in itertools.pairwise(words):
        text = _JOINED + left.text + right.text
        found[text] = found.get(text, 0) | _bit(left_at) | _bit(right_at)
    return found


def _as_words(parts: NameParts) -> NameParts:
    """The name with its particles (de, van, le...) taken as ordinary words."""
    tokens = tuple(replace(t, particle=False) if t.particle else t for t in parts.tokens)
    return NameParts(parts.source, tokens, parts.roles_known)


def _merged(*found: dict[str, int]) -> dict[str, int]:
    merged: dict[str, int] = {}
    for texts in found:
        for text, mask in texts.items():
            merged[text] = merged.get(text, 0) | mask
    return merged


def _filed_texts(parts: NameParts, *, particles: bool) -> dict[str, int]:
    """The texts a notice is filed under (those that give keys).

    ``blocking_texts``, plus a particle written together with its neighbour (``Van Dyke`` =
    ``VANDYKE``, which the scorer aligns as one compound); with ``particles`` (for a notice
    whose words all weigh nothing, such as ``LE VAN``) the particles themselves too.
    """
    every = _merged(blocking_texts(parts), blocking_texts(_as_words(parts)))
    skipped = set() if particles else {t.text for t in parts.tokens if t.particle}
    return {t: mask for t, mask in every.items() if t not in skipped and _text_keys(t)}


@lru_cache(maxsize=65536)
def _query_keys(text: str, skeletons: bool) -> frozenset[str]:
    parts = parse_name(text)
    keys: set[str] = set()
    for blocking_text in _merged(blocking_texts(parts), blocking_texts(_as_words(parts))):
        keys |= _text_keys(blocking_text)
    if not skeletons:
        keys = {key for key in keys if not key.startswith(_SKELETON)}
    return frozenset(keys)


@lru_cache(maxsize=131072)
def _may_align_unseen(text: str) -> bool:
    """A word the fuzzy rule could reach without a shared key: a key too long for the
    ``d:`` neighbourhoods."""
    return any(len(k) >= _LONG_KEY for k in analyse(text).keys)


_LEVELS = (1.0, 0.92, 0.85, 0.8, 0.75)
"""Similarities the bound tells apart; a word's is rounded up to the next of these."""
_WEAK_LEVEL = 1
"""Where a weak text stands before its similarity is known: a fuzzy pair scores at most
``FUZZY_SCALE`` (0.9), a gender form ``GENDER_FORM`` (0.85)."""
_WEAK_KINDS = ("d:", "g:")
_REFINE_FROM = 2.0
"""Weigh the weak words only when the coarse bound passes this many candidates per weak word
to weigh: each costs about one scoring's worth of ``compare_tokens``."""
assert max(FUZZY_SCALE, GENDER_FORM) <= _LEVELS[_WEAK_LEVEL]


_scratches = threading.local()


def _scratch(
    index: CandidateIndex, size: int
) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.int64]]:
    """Work arrays of one slot each, per thread (searches may run in several threads)
    and per index; left all zero by whoever used them."""
    held: (
        weakref.WeakKeyDictionary[
            CandidateIndex, tuple[npt.NDArray[np.int32], npt.NDArray[np.int64]]
        ]
        | None
    ) = getattr(_scratches, "held", None)
    if held is None:
        held = _scratches.held = weakref.WeakKeyDictionary()
    found = held.get(index)
    if found is None or len(found[0]) < size:
        found = held[index] = (np.zeros(size, dtype=np.int32), np.zeros(size, dtype=np.int64))
    return found


def _level(similarity: float) -> int:
    """Index of the least level at or above ``similarity``."""
    for index in range(len(_LEVELS) - 1, -1, -1):
        if similarity <= _LEVELS[index]:
            return index
    return 0


@lru_cache(maxsize=4096)
def _query_units(name: str) -> tuple[tuple[str, bool], ...]:
    """The scorer's units of one spelling (words, pieces, two or three together), each with
    whether it joins several."""
    pieces = pieces_of(parse_name(name), notice=False)
    return tuple((unit.text, len(unit.span) > 1) for unit in _units(pieces, notice=False))


def _best_similarity(names: tuple[str, ...], text: str) -> float:
    """The best similarity ``compare_tokens`` gives the notice word ``text`` with any unit of
    any spelling (0 when none aligns), under ``align``'s rule for joined units."""
    best = 0.0
    for name in names:
        for unit, joined in _query_units(name):
            found = compare_joined(unit, text) if joined else compare_tokens(unit, text)
            if found is not None:
                best = max(best, found.similarity)
    return best


@dataclass(frozen=True, slots=True)
class _Bound:
    """What the bound needs of a notice's name: the weight of its words in the scorer's coverage."""

    shares: tuple[tuple[int, float], ...]
    """(mask bit, share of the name's weight) of the words that count towards coverage."""
    weighted_bits: int
    total: float
    alias_bits: int
    """Words in parentheses: a query naming one covers the family name in its place."""
    family_bits: int
    sure_bits: int
    """Words counted as covered whatever the keys say (see ``_may_align_unseen``)."""

    @classmethod
    def of(cls, parts: NameParts) -> _Bound:
        by_bit: dict[int, float] = {}
        alias_bits = family_bits = sure_bits = 0
        for piece in pieces_of(parts, notice=True):
            bit = _bit(piece.token)
            if _may_align_unseen(piece.text):
                sure_bits |= bit
            if piece.alias:
                alias_bits |= bit
                continue
            if piece.role is Role.FAMILY:
                family_bits |= bit
            if piece.weight > 0:
                by_bit[bit] = by_bit.get(bit, 0.0) + piece.weight
        total = sum(by_bit.values())
        return cls(
            shares=tuple((bit, weight / total) for bit, weight in by_bit.items()),
            weighted_bits=sum(by_bit),
            total=total,
            alias_bits=alias_bits,
            family_bits=family_bits,
            sure_bits=sure_bits,
        )


# Date verdicts as the bound codes them: the scorer's five, and one it leaves to
# ``compare_dates`` (same year, day or month disagreeing: a slip, 1 January, or a conflict).
_VERDICTS = (
    DateVerdict.EXACT,
    DateVerdict.COMPATIBLE,
    DateVerdict.NEAR,
    DateVerdict.CONFLICT,
    DateVerdict.UNKNOWN,
)
_EXACT, _COMPATIBLE, _NEAR, _CONFLICT, _UNKNOWN, _MAYBE = range(6)
_CODE = {verdict: code for code, verdict in enumerate(_VERDICTS)}
_SEX_CODES = {"M": 1, "F": 2}
_ANY_NATIONALITY = -1
"""A notice with more nationalities than the two columns hold: taken as agreeing with any."""
_SHIFTS = np.arange(_MASK_BITS, dtype=np.int32)


class _Needs:
    """For one query: the share of a notice's name it must cover to possibly reach ``possible``.

    It depends on the notice only through the date verdict, a sex conflict and an agreeing
    nationality: a table of 6 × 2 × 2 values, looked up per notice. It mirrors
    ``_apply_evidence``, where every step is affine in the name score; the query's own
    coverage counts as complete and the gender-form penalty (which only lowers a score) is
    left out, so the need is never overstated. The sixth verdict (left to ``compare_dates``)
    takes the least need of the verdicts it may turn out to be.
    """

    def __init__(self, query: Query) -> None:
        table = np.empty((6, 2, 2), dtype=np.float64)
        for verdict in _VERDICTS:
            for sex_conflict in (False, True):
                for same_nationality in (False, True):
                    table[_CODE[verdict], int(sex_conflict), int(same_nationality)] = self._compute(
                        verdict, sex_conflict, same_nationality
                    )
        table[_MAYBE] = table[[_COMPATIBLE, _NEAR, _CONFLICT]].min(axis=0)
        self.table = table
        self.constant = query.dob is None and query.sex is None and query.nationality is None
        """Every notice needs the same, when the query gives nothing but names."""
        self.near_years: frozenset[int] = frozenset()
        """Years a notice's date may have without a conflict (same, ±1, digits swapped)."""
        if query.dob is not None:
            year = query.dob.year
            text = str(year)
            swapped = {int(text[:i] + text[i + 1] + text[i] + text[i + 2 :]) for i in range(3)}
            self.near_years = frozenset({year - 1, year, year + 1} | swapped)

    @staticmethod
    def _compute(verdict: DateVerdict, sex_conflict: bool, same_nationality: bool) -> float:
        offset, scale = 0.0, 1.0  # final score = offset + scale × name score
        if verdict is DateVerdict.EXACT:
            offset, scale = _pull(offset, scale, DOB_EXACT_PULL)
        elif verdict is DateVerdict.COMPATIBLE:
            offset, scale = _pull(offset, scale, DOB_COMPATIBLE_PULL)
        elif verdict is DateVerdict.NEAR:
            scale *= DOB_NEAR_FACTOR
        elif verdict is DateVerdict.CONFLICT:
            scale *= DOB_CONFLICT_FACTOR
        if sex_conflict:
            offset, scale = offset * SEX_CONFLICT_FACTOR, scale * SEX_CONFLICT_FACTOR
        if same_nationality:
            offset, scale = _pull(offset, scale, NATIONALITY_PULL)
        name_needed = (POSSIBLE_THRESHOLD - _BOUND_SLACK - offset) / scale
        return (name_needed - (1 - NOTICE_SHARE)) / NOTICE_SHARE


@lru_cache(maxsize=1024)
def _needs(dob: PartialDate | None, sex: str | None, nationality: str | None) -> _Needs:
    """One table per combination of evidence: a batch repeats them."""
    return _Needs(Query(("",), dob, nationality, sex))


def _pull(offset: float, scale: float, pull: float) -> tuple[float, float]:
    """``value += (1 - value) × pull`` applied to ``offset + scale × x``."""
    return offset + (1 - offset) * pull, scale * (1 - pull)


def rank(results: Iterable[Result | None], limit: int | None = None) -> list[Result]:
    """Results at ``possible`` or better, best score first, ties by entity id."""
    kept = [r for r in results if r is not None and r.decision is not None]
    kept.sort(key=lambda r: (-r.score, r.entity_id))
    return kept if limit is None else kept[:limit]


def exhaustive_search(
    notices: Iterable[Candidate], query: Query, limit: int | None = None
) -> list[Result]:
    """Score every notice: the reference the index's recall is measured against."""
    return rank((score(query, candidate) for candidate in notices), limit)


def score_all(query: Query, candidates: Iterable[Candidate]) -> Iterator[Result | None]:
    """``score`` of each candidate; notices alike in name and evidence are scored once.

    Large lists repeat names (and sometimes dates of birth): the result of the first is
    reused for the others, with their own entity id.
    """
    done: dict[tuple[Any, ...], Result | None] = {}
    for candidate in candidates:
        alike = (
            candidate.name,
            candidate.forename,
            candidate.date_of_birth,
            candidate.nationalities,
            candidate.sex_id,
        )
        if alike in done:
            found = done[alike]
            yield None if found is None else replace(found, entity_id=candidate.entity_id)
            continue
        found = done[alike] = score(query, candidate)
        yield found


@dataclass(frozen=True, slots=True)
class _Columns:
    """NumPy views of the index's per-notice columns (valid until the next change)."""

    shares: npt.NDArray[np.float64]
    """(slots, 16): each word bit's share of the name's weight."""
    bits: npt.NDArray[np.int32]
    """(slots, 4): weighted, sure, alias and family bits."""
    year: npt.NDArray[np.int16]
    month: npt.NDArray[np.int16]
    day: npt.NDArray[np.int16]
    """0 where the notice has no such part."""
    sex: npt.NDArray[np.int8]
    nationalities: npt.NDArray[np.int16]
    """(slots, 2): codes of the first two nationalities, 0 for none."""


class CandidateIndex:
    """Blocking keys → notices, kept current with ``update``/``remove`` (or ``apply_events``).

    Two levels: key → texts (words, hyphen pieces, joined neighbours) that give it, and
    text → postings. What the bound reads of each notice is kept in columns (``array``
    rows, one or a few values per slot), which a query reads through NumPy all at once.
    """

    def __init__(self) -> None:
        self._texts_by_key: dict[str, str | set[str]] = {}
        """Key → the one text that gives it (most keys), or the set of them."""
        self._postings: dict[str, array[int]] = {}
        self._entries: list[Candidate | None] = []
        self._slots: dict[str, int] = {}
        self._free: list[int] = []
        self._keyless: set[int] = set()
        """Slots of notices whose name gives no key at all: every query fetches them."""
        self._shares: array[float] = array("d")
        self._bits: array[int] = array("i")
        self._year: array[int] = array("h")
        self._month: array[int] = array("h")
        self._day: array[int] = array("h")
        self._sex: array[int] = array("b")
        self._nationalities: array[int] = array("h")
        self._nationality_codes: dict[str, int] = {}
        self._views: _Columns | None = None
        self.cursor = 0
        """Id of the last store event reflected (set by ``from_repository``/``apply_events``)."""

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_views"] = None
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    # -- building ----------------------------------------------------------------------
    @classmethod
    def from_notices(cls, notices: Iterable[Mapping[Any, Any]]) -> CandidateIndex:
        """From notice records (stored rows, detail objects or list items)."""
        index = cls()
        with _collector_paused():
            for notice in notices:
                index.update(notice)
        return index

    @classmethod
    def from_repository(cls, repo: Repository) -> CandidateIndex:
        """Every active notice of the mirror; ``cursor`` is the last event already included.

        The cursor is read before the notices, so an event written meanwhile is applied
        again by ``apply_events`` (harmless: applying reads the notice's current state).
        """
        cursor = _last_event_id(repo)
        index = cls.from_notices(repo.list_notices(status="active"))
        index.cursor = cursor
        return index

    def update(self, notice: Mapping[Any, Any]) -> None:
        """Add a notice, or replace the one with its entity id; a removed notice is dropped."""
        if notice.get("status") == "removed":
            self.remove(str(notice["entity_id"]))
            return
        self.add(Candidate.from_notice(notice))

    def add(self, candidate: Candidate) -> None:
        """Add (or replace) one notice by its ``Candidate``."""
        self.remove(candidate.entity_id)
        self._views = None  # an array exporting its buffer cannot grow
        parts = parse_notice_name(candidate.name, candidate.forename)
        bound = _Bound.of(parts)
        if self._free:
            slot = self._free.pop()
            self._entries[slot] = candidate
        else:
            slot = len(self._entries)
            self._entries.append(candidate)
            self._shares.extend(itertools.repeat(0.0, _MASK_BITS))
            self._bits.extend((0, 0, 0, 0))
            for column in (self._year, self._month, self._day, self._sex):
                column.append(0)
            self._nationalities.extend((0, 0))
        self._fill_columns(slot, candidate, bound)
        self._slots[candidate.entity_id] = slot
        texts = _filed_texts(parts, particles=bound.total <= 0)
        if not texts:
            self._keyless.add(slot)
        for text, mask in texts.items():
            row = self._postings.get(text)
            if row is None:
                row = self._postings[text] = array("q")
                self._file_keys(text)
            row.append(slot << _MASK_BITS | mask)

    def _fill_columns(self, slot: int, candidate: Candidate, bound: _Bound) -> None:
        shares = [0.0] * _MASK_BITS
        for bit, share in bound.shares:
            shares[bit.bit_length() - 1] = share
        self._shares[slot * _MASK_BITS : (slot + 1) * _MASK_BITS] = array("d", shares)
        self._bits[slot * 4 : slot * 4 + 4] = array(
            "i", (bound.weighted_bits, bound.sure_bits, bound.alias_bits, bound.family_bits)
        )
        dob = parse_notice_date(candidate.date_of_birth)
        self._year[slot] = 0 if dob is None else dob.year
        self._month[slot] = 0 if dob is None or dob.month is None else dob.month
        self._day[slot] = 0 if dob is None or dob.day is None else dob.day
        self._sex[slot] = _SEX_CODES.get(candidate.sex_id or "", 0)
        codes = [self._nationality_code(c) for c in candidate.nationalities]
        if len(codes) > 2:
            codes = [_ANY_NATIONALITY, _ANY_NATIONALITY]
        codes += [0] * (2 - len(codes))
        self._nationalities[slot * 2 : slot * 2 + 2] = array("h", codes)

    def _nationality_code(self, country: str) -> int:
        code = self._nationality_codes.get(country)
        if code is None:
            code = self._nationality_codes[country] = len(self._nationality_codes) + 1
        return code

    def _file_keys(self, text: str) -> None:
        by_key = self._texts_by_key
        for key in _text_keys(text):
            held = by_key.get(key)
            if held is None:
                by_key[key] = text
            elif isinstance(held, str):
                if held != text:
                    by_key[key] = {held, text}
            else:
                held.add(text)

    def _unfile_keys(self, text: str) -> None:
        by_key = self._texts_by_key
        for key in _text_keys(text):
            held = by_key[key]
            if isinstance(held, str):
                del by_key[key]
                continue
            held.discard(text)
            if len(held) == 1:
                by_key[key] = next(iter(held))

    def remove(self, entity_id: str) -> bool:
        """Drop a notice; ``False`` when it was not in the index."""
        slot = self._slots.pop(entity_id, None)
        if slot is None:
            return False
        candidate = self._entries[slot]
        assert candidate is not None
        parts = parse_notice_name(candidate.name, candidate.forename)
        for text in _filed_texts(parts, particles=_Bound.of(parts).total <= 0):
            row = self._postings.get(text)
            if row is None:
                continue
            kept = array("q", (p for p in row if p >> _MASK_BITS != slot))
            if kept:
                self._postings[text] = kept
                continue
            del self._postings[text]
            self._unfile_keys(text)
        self._entries[slot] = None
        self._keyless.discard(slot)
        self._free.append(slot)
        return True

    # -- reading -----------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._slots)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._slots

    def get(self, entity_id: str) -> Candidate | None:
        slot = self._slots.get(entity_id)
        return None if slot is None else self._entries[slot]

    def notices(self) -> list[Candidate]:
        """Every indexed notice, by entity id."""
        found = [e for e in self._entries if e is not None]
        return sorted(found, key=lambda c: c.entity_id)

    @property
    def key_count(self) -> int:
        """Distinct blocking keys held."""
        return len(self._texts_by_key)

    def _texts(self, query: Query, *, skeletons: bool) -> set[str]:
        texts: set[str] = set()
        for name in query.names:
            for key in _query_keys(name, skeletons):
                found = self._texts_by_key.get(key)
                if found is None:
                    continue
                if isinstance(found, str):
                    texts.add(found)
                else:
                    texts |= found
        return texts

    def _hits(self, query: Query, *, skeletons: bool) -> dict[int, int]:
        """Slot → bits of the notice's words that share a key with some spelling."""
        hits: dict[int, int] = dict.fromkeys(self._keyless, 0)
        get = hits.get
        for text in self._texts(query, skeletons=skeletons):
            for packed in self._postings[text]:
                slot = packed >> _MASK_BITS
                hits[slot] = get(slot, 0) | (packed & _MASK)
        return hits

    def candidates(self, query: Query) -> set[str]:
        """Entity ids of every notice sharing a blocking key with any spelling of the query."""
        entries = self._entries
        found: set[str] = set()
        for slot in self._hits(query, skeletons=True):
            entry = entries[slot]
            if entry is not None:
                found.add(entry.entity_id)
        return found

    def search(self, query: Query, limit: int | None = 10) -> list[Result]:
        """Candidates at ``possible`` or better, best first (ties by entity id).

        A candidate is scored in full only when its bound may reach ``possible``.
        """
        if limit is not None and limit < 1:
            raise ValueError("limit must be at least 1")
        entries = self._entries
        chosen = [entries[slot] for slot in self._bounded(query)]
        return rank(score_all(query, [c for c in chosen if c is not None]), limit)

    def _columns(self) -> _Columns:
        if self._views is None:
            self._views = _Columns(
                shares=np.frombuffer(self._shares, dtype=np.float64).reshape(-1, _MASK_BITS),
                bits=np.frombuffer(self._bits, dtype=np.int32).reshape(-1, 4),
                year=np.frombuffer(self._year, dtype=np.int16),
                month=np.frombuffer(self._month, dtype=np.int16),
                day=np.frombuffer(self._day, dtype=np.int16),
                sex=np.frombuffer(self._sex, dtype=np.int8),
                nationalities=np.frombuffer(self._nationalities, dtype=np.int16).reshape(-1, 2),
            )
        return self._views

    def _hit_texts(self, query: Query) -> tuple[set[str], set[str]]:
        """Texts sharing a key with the query: ``strong`` (the same word, key or variant key:
        they may align perfectly) and ``weak`` (only Levenshtein neighbourhoods or the other
        gender form: they align by the fuzzy or gender-form rule at best)."""
        strong: set[str] = set()
        weak: set[str] = set()
        for name in query.names:
            for key in _query_keys(name, False):
                found = self._texts_by_key.get(key)
                if found is None:
                    continue
                into = weak if key.startswith(_WEAK_KINDS) else strong
                if isinstance(found, str):
                    into.add(found)
                else:
                    into |= found
        return strong, weak - strong

    def _gathered(
        self, levels: Mapping[str, int]
    ) -> tuple[npt.NDArray[np.int64], list[tuple[float, npt.NDArray[np.int32]]], float]:
        """Distinct slots of the texts' notices, and for each level of similarity present (best
        first) its weight and the bits of the words a text of that level or better hits; and
        the best level present.

        ``levels`` maps each text to the index in ``_LEVELS`` of the best similarity it may
        align with. Keyless notices come with no bits.
        """
        by_level: dict[int, list[npt.NDArray[np.int64]]] = {}
        for text, level in levels.items():
            by_level.setdefault(level, []).append(np.frombuffer(self._postings[text], np.int64))
        if self._keyless:
            keyless = np.array(sorted(self._keyless), dtype=np.int64) << _MASK_BITS
            by_level.setdefault(0, []).append(keyless)
        if not by_level:
            return np.empty(0, dtype=np.int64), [], 0.0
        scratch, seen = _scratch(self, len(self._entries))
        present = sorted(by_level)
        packed = [np.concatenate(by_level[level]) for level in present]
        every = np.concatenate(packed) >> _MASK_BITS
        # One row per slot, without sorting: the last row of each slot is kept.
        order = np.arange(len(every))
        seen[every] = order
        slots = every[seen[every] == order]
        masks: list[tuple[float, npt.NDArray[np.int32]]] = []
        try:
            for position, (level, rows) in enumerate(zip(present, packed, strict=True)):
                np.bitwise_or.at(scratch, rows >> _MASK_BITS, (rows & _MASK).astype(np.int32))
                below = _LEVELS[present[position + 1]] if position + 1 < len(present) else 0.0
                masks.append((_LEVELS[level] - below, scratch[slots]))  # this level or better
        finally:
            scratch[slots] = 0
        return slots, masks, _LEVELS[present[0]]

    def _bounded(self, query: Query) -> list[int]:
        """Slots whose bound may reach ``possible``, in slot order.

        First with every weak text counted at the best a fuzzy or gender-form pair can
        score; then, if weak texts decide, with each one's similarity as the scorer's own
        ``compare_tokens`` gives it (its d: neighbourhoods fetch many words that are
        several edits away).
        """
        strong, weak = self._hit_texts(query)
        levels = dict.fromkeys(strong, 0)
        levels.update(dict.fromkeys(weak, _WEAK_LEVEL))
        chosen = self._passing(query, *self._gathered(levels))
        if not weak or not chosen:
            return chosen
        flags = np.zeros(len(self._entries), dtype=bool)
        flags[chosen] = True
        deciding = [
            text
            for text in weak
            if flags[np.frombuffer(self._postings[text], np.int64) >> _MASK_BITS].any()
        ]
        if len(chosen) < _REFINE_FROM * len(deciding):
            return chosen  # scoring these few costs less than weighing the words
        levels = dict.fromkeys(strong, 0)
        for text in deciding:
            similarity = _best_similarity(query.names, text)
            if similarity > 0.0:
                levels[text] = _level(similarity)
        return self._passing(query, *self._gathered(levels))

    def _passing(
        self,
        query: Query,
        slots: npt.NDArray[np.int64],
        masks: list[tuple[float, npt.NDArray[np.int32]]],
        top: float,
    ) -> list[int]:
        if not len(slots):
            return []
        needs = _needs(query.dob, query.sex, query.nationality)
        columns = self._columns()
        bits = columns.bits[slots]
        weighted = bits[:, 0]
        covered = np.zeros(len(slots), dtype=np.float64)
        shares = columns.shares[slots]
        full = np.zeros(len(slots), dtype=bool)
        for step, (weight, level_masks) in enumerate(masks):
            level_masks = level_masks | bits[:, 1]
            level_masks = np.where(
                level_masks & bits[:, 2] != 0, level_masks | bits[:, 3], level_masks
            )
            words = ((level_masks[:, None] >> _SHIFTS) & 1).astype(bool)
            whole = (level_masks & weighted) == weighted
            covered += weight * np.where(whole, 1.0, (shares * words).sum(axis=1))
            if step == 0:
                full = whole
        covered[full] = top  # every word aligns at the best level (no rounding)
        covered[weighted == 0] = 1.0  # a name of weightless words counts as covered, as in score
        if needs.constant:
            need = needs.table[_UNKNOWN, 0, 0]
            if need > 1.0:
                return []
            return sorted(slots[covered >= need].tolist())
        verdicts = self._verdicts(query, needs, slots, columns)
        sex_conflict = np.zeros(len(slots), dtype=np.intp)
        if query.sex is not None:
            sex = columns.sex[slots]
            sex_conflict = ((sex != 0) & (sex != _SEX_CODES[query.sex])).astype(np.intp)
        same_nationality = np.zeros(len(slots), dtype=np.intp)
        if query.nationality is not None:
            code = self._nationality_codes.get(query.nationality, -2)
            held = columns.nationalities[slots]
            same_nationality = (
                (held[:, 0] == code) | (held[:, 1] == code) | (held[:, 0] == _ANY_NATIONALITY)
            ).astype(np.intp)
        need = needs.table[verdicts, sex_conflict, same_nationality]
        passed = np.flatnonzero((need <= 1.0) & (covered >= need))
        chosen: list[int] = []
        for at in passed.tolist():
            slot = int(slots[at])
            if verdicts[at] == _MAYBE:
                # Left to the scorer's own comparison of the dates.
                assert query.dob is not None
                notice_date = PartialDate(
                    int(columns.year[slot]),
                    int(columns.month[slot]) or None,
                    int(columns.day[slot]) or None,
                )
                verdict = _CODE[compare_dates(query.dob, notice_date).verdict]
                exact = needs.table[verdict, sex_conflict[at], same_nationality[at]]
                if not (exact <= 1.0 and covered[at] >= exact):
                    continue
            chosen.append(slot)
        chosen.sort()
        return chosen

    @staticmethod
    def _verdicts(
        query: Query, needs: _Needs, slots: npt.NDArray[np.int64], columns: _Columns
    ) -> npt.NDArray[np.intp]:
        """``compare_dates``' verdict for each slot, or ``_MAYBE`` where it must say."""
        asked = query.dob
        if asked is None:
            return np.full(len(slots), _UNKNOWN, dtype=np.intp)
        year = columns.year[slots]
        month = columns.month[slots]
        day = columns.day[slots]
        month_ok = np.ones(len(slots), dtype=bool)
        if asked.month is not None:
            month_ok = (month == 0) | (month == asked.month)
        day_ok = np.ones(len(slots), dtype=bool)
        if asked.day is not None:
            day_ok = (day == 0) | (day == asked.day)
        agree = month_ok & day_ok
        same_year = year == asked.year
        near = np.isin(year, np.array(sorted(needs.near_years), dtype=np.int16))
        verdicts = np.full(len(slots), _CONFLICT, dtype=np.intp)
        verdicts[near & ~same_year & agree] = _NEAR  # a year slip, the rest agreeing
        verdicts[same_year & ~agree] = _MAYBE
        verdicts[same_year & agree] = _COMPATIBLE
        if asked.is_full:
            verdicts[same_year & (month == asked.month) & (day == asked.day)] = _EXACT
        verdicts[year == 0] = _UNKNOWN
        return verdicts


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Building creates millions of objects and no cycles: the cyclic collector, which would
    walk them again and again, only costs time (about a tenth of a build)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _last_event_id(repo: Repository) -> int:
    from redwatch.store.schema import events

    with repo.engine.connect() as conn:
        value = conn.execute(select(func.max(events.c.id))).scalar()
    return int(value or 0)


def apply_events(index: CandidateIndex, repo: Repository, cursor: int | None = None) -> int:
    """Apply the store's events after ``cursor`` (default ``index.cursor``) to the index.

    Each touched notice is re-read, so its current state wins whatever the events said and
    applying twice changes nothing. Returns the new cursor, also kept in ``index.cursor``.
    """
    after = index.cursor if cursor is None else cursor
    found = repo.events_since(after)
    touched = dict.fromkeys(str(event["entity_id"]) for event in found)
    for entity_id in touched:
        row = repo.get(entity_id)
        if row is None or row["status"] != "active":
            index.remove(entity_id)
        else:
            index.update(row)
    index.cursor = int(found[-1]["id"]) if found else after
    return index.cursor
