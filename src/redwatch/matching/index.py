"""A candidate index over the mirror (or any larger list), so that a query touches few notices.

An inverted index in memory from blocking keys to notices. A query is looked up in two stages:

1. **Candidates** (``candidates``): every notice sharing a key with any spelling of the query.
   The keys are ``candidate_keys`` (phonetic keys and skeletons of words, hyphen pieces and
   joined neighbours) and the keys that make them complete for every rule by which the
   scorer lets two words align: ``d:`` (Levenshtein neighbourhoods: the fuzzy rule), ``g:``
   (a surname in its other gender form), ``p:`` (the same word) and ``q:`` (one-letter
   keys, too short for ``candidate_keys``). A particle written together with its neighbour
   (``Van Dyke`` = ``VANDYKE``) is filed too, and a notice named by particles alone
   (``LE VAN``) under its particles. Every word gives a key (``p:``); a notice without
   words (name and forename ``-``) gives none and is never fetched, as the scorer aligns
   nothing with it.
2. **Bound** (``search``): each posting records *which* words of the notice gave the key.
   Skeletons apart (they only fetch near misses), a word that shares no key with the query
   can align with none of its words, so the index knows the most of the notice's name the
   query could cover, and of the query's own name (``_QueryShares``: a query word that
   shares no key with any word of the notice covers nothing); with the date, sex and
   nationality evidence applied as ``score`` applies them, that gives an upper bound of
   the score. Only candidates whose bound
   reaches ``possible`` are scored: a common given name (``HECTOR``) fetches hundreds of
   notices, and none of them is scored unless the query could also cover the family name.
   A word reached only through ``d:`` or ``g:`` keys counts at the similarity the
   scorer's own ``compare_tokens`` gives it (rounded up to one of ``_LEVELS``), not as a
   perfect pair: deletion neighbourhoods also meet words several edits apart, and in a
   large list those were most of the candidates scored. That similarity is computed once
   per word and query, and only for words of candidates that pass the coarser bound. A
   word hit by the other keys counts at its similarity too (``_strong_levels``): a shared
   phonetic key is not an alignment (KRANENKO, KORENKO).

The bound is computed for all candidates of a batch of queries at once (``search_many``:
each (query, notice) pair numbered ``query × slots + slot``), with NumPy, from per-notice
columns (word shares, date of birth, sex, nationalities) and per-query ones (``_Asked``):
a screening run of thousands of names takes a few NumPy calls a batch, not a query.
Notices alike in name and evidence are scored once (``score_all``).

What no key sees is lost: three words of one side written as one word of the other, or a
hyphen piece written together with the next word. Recall against scoring every notice is
measured in ``tests/matching/test_index.py``, and a property test checks that the index
returns every notice the scorer reports for tricky names and slips of them.

Storage is sized for a million notices (tens of millions of key–text pairs): strings are
kept only for the texts (words, pieces, joined neighbours), each numbered once. A key is kept
as a 64-bit hash (``_key_hashes``) in one sorted NumPy array beside the number of the text
that gave it; a query's keys are hashed the same way and looked up in buckets of the
hashes' top bits (``_buckets``).
Two keys sharing a hash can only add texts to a lookup (the bound and the scorer decide),
never lose one. Postings are ``(slot << 16) | bits of the notice's words``, one NumPy array
of all texts' rows with offsets by text number, in slot order, so the many keys of one word
(one per romanisation variant) lead to its notices once. Changes go to small pending arrays
merged into the sorted ones before the next read (``_settle``); a removed notice's slot is
never reused, and its rows are dropped at that merge.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import threading
import typing
import weakref
from array import array
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple
from zlib import adler32, crc32

import numpy as np
import numpy.typing as npt

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
    query_reading,
)
from redwatch.matching.blocking import token_keys
from redwatch.matching.dates import (
    _MAX_YEAR,  # the latest year a date may have
    DateVerdict,
    PartialDate,
    compare_dates,
    parse_notice_date,
)
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
    _query_parts,  # the scorer's own (cached) parse of a query name
    score,
)
from redwatch.names.parse import (
    NameParts,
    Role,
    _hyphen_parts,  # the parser's own pieces of a word (the scorer's, ``pieces_of``)
    parse_notice_name,
)
from redwatch.names.phonetic import MARKS, analyse

if TYPE_CHECKING:
    from redwatch.store.repository import Repository

__all__ = [
    "CandidateIndex",
    "SearchMemo",
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
_CUT_KEY = 20
"""Keys this long have their ``d:`` neighbourhood cut at ``_MAX_DELETIONS``: a fuzzy partner
may share no key with them."""
_LONG_KEY = 16
"""The shortest key a fuzzy partner of a ``_CUT_KEY`` key can have (80 % of its length).

Only a pair of words of which one has a cut key and the other one this long may align
unseen: a notice's words this long count as hit for a query with a cut key, and its words
with a cut key for a query with a word this long (``_reach``); other queries meet them
through their keys like any word."""
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


_BUCKET_KEYS_BITS = 3
"""Buckets of key hashes number a power of two near an eighth of the hashes (``_buckets``):
four to eight hashes a bucket, read from one or two cache lines."""
_HASH_BATCH = 1 << 19
"""Keys hashed at once while building (bounds the memory of keys waiting to be hashed)."""


def _key_hashes(keys: list[str]) -> npt.NDArray[np.uint64]:
    """A 64-bit hash of each key: CRC-32 of its UTF-8 bytes above their Adler-32.

    Python's ``hash`` of a string changes from process to process, and a kept index is read
    by others; hashlib's digests cost about 0.75 µs a key. ``zlib``'s two checksums cost
    about 0.3 µs, and, unlike a hash computed with NumPy a column of letters at a time, no
    fixed cost a call (a query looks up a few dozen keys at a time, thousands of times). Two
    keys of one hash only fetch a text more: the bound and the scorer decide.
    """
    if not keys:
        return np.empty(0, dtype=np.uint64)
    return np.fromiter(
        ((crc32(b) << 32) | adler32(b) for b in map(str.encode, keys)),
        dtype=np.uint64,
        count=len(keys),
    )


def _ranges(starts: npt.NDArray[np.int64], ends: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Every position ``starts[i] <= p < ends[i]``, range after range."""
    counts = ends - starts
    total = int(counts.sum())
    if total == 0:
        return np.empty(0, dtype=np.int64)
    offsets = np.repeat(starts - np.cumsum(counts) + counts, counts)
    return offsets + np.arange(total, dtype=np.int64)


_Row = typing.TypeVar("_Row", np.int64, np.float64)


def _cut(values: npt.NDArray[_Row], spans: list[tuple[int, int]]) -> npt.NDArray[_Row]:
    """The values in these spans, span after span."""
    if not spans:
        return values[:0]
    return np.concatenate([values[start:end] for start, end in spans])


def _fuzzy_depth(key: str) -> int:
    """Most edits the fuzzy rule accepts between this key and any other.

    Levenshtein similarity ≥ 0.8 allows ``0.2 × max(len)`` edits, of which at most
    ``0.2 × len(key)`` delete from this key (the rest are insertions into the shorter one),
    so neighbourhoods this deep on both sides always meet (the symmetric-deletion scheme).
    """
    return int(len(key) * (1 - FUZZY_MIN_LEVENSHTEIN) + 1e-9)


@lru_cache(maxsize=131072)
def near_keys(text: str, reading: str | None = None) -> frozenset[str]:
    """``d:`` keys: two words the scorer may call alike by its fuzzy rule share one.

    The fuzzy rule compares every key of one word with every key of the other (Levenshtein
    similarity ≥ 0.8, primary keys of four letters or more), so each key gives its deletion
    neighbourhood; but the marked keys (frames, given-name forms), which it never compares:
    two words sharing one meet on it as ``candidate_keys`` files it. ``reading``: the word's
    name's reading (``_query_reading``; notices are read word by word).
    """
    found = analyse(text, reading)
    if len(found.key) < FUZZY_MIN_LENGTH:
        return frozenset()
    keys: set[str] = set()
    for key in found.keys:
        if key[:1] in MARKS:
            continue
        depth = min(_fuzzy_depth(key), _MAX_DELETIONS)
        keys.update(f"d:{v}" for v in _deletions(key, depth) if v)
    return frozenset(keys)


@lru_cache(maxsize=131072)
def gender_keys(text: str, reading: str | None = None) -> frozenset[str]:
    """``g:`` keys: a surname and its other gender form (IVANOV, IVANOVA) share one."""
    found = analyse(text, reading)
    return frozenset(f"g:{stem}:{pair}" for stem, pair in found.feminine | found.masculine)


@lru_cache(maxsize=131072)
def _text_keys(text: str, reading: str | None = None) -> frozenset[str]:
    if text.startswith(_JOINED):
        return frozenset(token_keys(text[1:], reading=reading))
    found = analyse(text, reading)
    # What candidate_keys leaves out: the same word (``p:``) and keys too short to file
    # (``q:``, one-letter words such as the Korean surname O).
    exact = {f"p:{_plain(text)}"} | {f"q:{k}" for k in found.keys if 0 < len(k) < _MIN_KEY}
    return (
        frozenset(token_keys(text, reading=reading))
        | near_keys(text, reading)
        | gender_keys(text, reading)
        | exact
    )


@lru_cache(maxsize=131072)
def _bound_keys(text: str, reading: str | None = None) -> tuple[frozenset[str], frozenset[str]]:
    """The keys of a query text the bound looks up (``_text_keys`` but the skeletons, which
    it ignores), as the strong ones and the weak ones (``_WEAK_KINDS``)."""
    if text.startswith(_JOINED):
        return frozenset(token_keys(text[1:], skeletons=False, reading=reading)), frozenset()
    found = analyse(text, reading)
    exact = {f"p:{_plain(text)}"} | {f"q:{k}" for k in found.keys if 0 < len(k) < _MIN_KEY}
    strong = frozenset(token_keys(text, skeletons=False, reading=reading) | exact)
    return strong, near_keys(text, reading) | gender_keys(text, reading)


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
    whose words all weigh nothing, such as ``LE VAN``) the particles themselves too. A
    word spelled like a particle but not one (the given name ``DE`` of ``DE DZHEMILEV``) is
    filed like any word.
    """
    words = blocking_texts(parts)
    every = _merged(words, blocking_texts(_as_words(parts)))
    skipped = set() if particles else {t.text for t in parts.tokens if t.particle} - words.keys()
    return {t: mask for t, mask in every.items() if t not in skipped and _text_keys(t)}


@lru_cache(maxsize=65536)
def _query_text_bits(name: str) -> tuple[tuple[str, int], ...]:
    """The texts of one spelling that give keys, each with the bits of the words it covers."""
    parts = _query_parts(name)
    return tuple(_merged(blocking_texts(parts), blocking_texts(_as_words(parts))).items())


@lru_cache(maxsize=65536)
def _query_reading(name: str) -> str | None:
    """The reading of a whole query spelling (``align.query_reading``)."""
    return query_reading(pieces_of(_query_parts(name), notice=False))


@lru_cache(maxsize=65536)
def _query_keys(text: str, skeletons: bool) -> frozenset[str]:
    keys: set[str] = set()
    reading = _query_reading(text)
    for blocking_text, _ in _query_text_bits(text):
        # Without a reading, the notices' own cache entries (the arguments _filed_texts gives).
        keys |= _text_keys(blocking_text, reading) if reading else _text_keys(blocking_text)
    if not skeletons:
        keys = {key for key in keys if not key.startswith(_SKELETON)}
    return frozenset(keys)


@lru_cache(maxsize=131072)
def _longest_key(text: str, reading: str | None = None) -> int:
    """Letters of the word's longest key (see ``_CUT_KEY`` and ``_LONG_KEY``)."""
    return max((len(k) for k in analyse(text, reading).keys), default=0)


def _may_align_unseen(text: str, reading: str | None = None) -> bool:
    """A word the fuzzy rule could reach without a shared key, with some partner: a key too
    long for its or its partner's ``d:`` neighbourhood."""
    return _longest_key(text, reading) >= _LONG_KEY


@lru_cache(maxsize=4096)
def _reach(names: tuple[str, ...]) -> int:
    """Which of a notice's words a query's spellings may align with unseen: ``_LONG`` (those
    with a key of ``_LONG_KEY`` letters), ``_CUT`` (those with a cut key) or ``_NONE``."""
    longest = max(
        (
            _longest_key(t.text, _query_reading(name))
            for name in names
            for t in _query_parts(name).tokens
        ),
        default=0,
    )
    return _LONG if longest >= _CUT_KEY else _CUT if longest >= _LONG_KEY else _NONE


_LEVELS = (1.0, 0.92, 0.85, 0.8, 0.75)
"""Similarities the bound tells apart; a word's is rounded up to the next of these."""
_TOP_LEVEL_FROM = _LEVELS[1]
"""A similarity above this is at the best level."""
_WEAK_LEVEL = 1
"""Where a weak text stands before its similarity is known: a fuzzy pair scores at most
``FUZZY_SCALE`` (0.9), a gender form ``GENDER_FORM`` (0.85)."""
_WEAK_KINDS = ("d:", "g:")
_REFINE_FROM = 2.0
"""Weigh the weak words only when the coarse bound passes this many candidates per weak word
to weigh: each costs about one scoring's worth of ``compare_tokens``."""
assert max(FUZZY_SCALE, GENDER_FORM) <= _LEVELS[_WEAK_LEVEL]


_scratches = threading.local()
_Scratch = tuple[npt.NDArray[np.int32], npt.NDArray[np.int32], npt.NDArray[np.int32]]


def _scratch(index: CandidateIndex, size: int) -> _Scratch:
    """Work arrays of one slot (or pair) each, per thread (searches may run in several
    threads) and per index; the first and the last left all zero by whoever used them, the
    second (``seen``) only ever read where it was just written."""
    held: weakref.WeakKeyDictionary[CandidateIndex, _Scratch] | None = getattr(
        _scratches, "held", None
    )
    if held is None:
        held = _scratches.held = weakref.WeakKeyDictionary()
    found = held.get(index)
    if found is None or len(found[0]) < size:
        found = held[index] = (
            np.zeros(size, dtype=np.int32),
            np.zeros(size, dtype=np.int32),
            np.zeros(size, dtype=np.int32),
        )
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
    pieces = pieces_of(_query_parts(name), notice=False)
    return tuple((unit.text, len(unit.span) > 1) for unit in _units(pieces, notice=False))


def _best_similarity(names: tuple[str, ...], text: str) -> float:
    """The best similarity ``compare_tokens`` gives the notice word ``text`` with any unit of
    any spelling (0 when none aligns), under ``align``'s rule for joined units; or the first
    above ``_LEVELS[1]`` found, whose level (``_level``) is the best's: the units after it,
    most of them alike in nothing, are not compared."""
    best = 0.0
    for name in names:
        reading = _query_reading(name)
        for unit, joined in _query_units(name):
            found = (
                compare_joined(unit, text, reading)
                if joined
                else compare_tokens(unit, text, reading)
            )
            if found is not None:
                best = max(best, found.similarity)
                if best > _TOP_LEVEL_FROM:
                    return best
    return best


def _strong_levels(names: tuple[str, ...], texts: Iterable[str]) -> dict[str, int]:
    """The texts a query's strong keys hit, each at the level of the best similarity the
    scorer gives it (``_best_similarity``); a text it aligns with no unit of the query is
    left out. A shared key is not an alignment (KRANENKO and KORENKO share one; the scorer
    aligns nothing): at a million notices this spares one notice in twenty scored a name.
    Joined neighbours and hyphenated words stay at the best level: the scorer aligns their
    pieces, not them.
    """
    found: dict[str, int] = {}
    for text in texts:
        if text.startswith(_JOINED) or len(_hyphen_parts(text)) > 1:
            found[text] = 0
            continue
        similarity = _best_similarity(names, text)
        if similarity > 0.0:
            found[text] = _level(similarity)
    return found


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
    long_bits: int
    """Words with a key of ``_LONG_KEY`` letters or more: counted as covered whatever the keys
    say for a query with a cut key (``_reach``)."""
    cut_bits: int
    """Words with a cut key (``_CUT_KEY``): the same for a query with a long key."""

    @classmethod
    def of(cls, parts: NameParts) -> _Bound:
        by_bit: dict[int, float] = {}
        alias_bits = family_bits = long_bits = cut_bits = 0
        for piece in pieces_of(parts, notice=True):
            bit = _bit(piece.token)
            longest = _longest_key(piece.text)
            if longest >= _LONG_KEY:
                long_bits |= bit
            if longest >= _CUT_KEY:
                cut_bits |= bit
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
            long_bits=long_bits,
            cut_bits=cut_bits,
        )

    def row_share(self, mask: int) -> float:
        """The most of the name a posting of these words (or the ``_sure`` ones) can cover in
        ``_passing``: its words, the family name when it names an alias; a name of weightless
        words counts whole. The sum over a notice's postings and its sure words bounds its
        coverage."""
        if not self.weighted_bits:
            return 1.0
        covered = mask
        if covered & self.alias_bits:
            covered |= self.family_bits
        return self.share_of(covered)

    def share_of(self, words: int) -> float:
        """The share of the name's weight of these words (bits)."""
        return sum(share for bit, share in self.shares if bit & words)


_QUERY_SHARE = (1 - NOTICE_SHARE) / NOTICE_SHARE
"""What each missing unit of the query's own coverage adds to a notice's need (the name
score is ``NOTICE_SHARE`` × the notice's coverage + the rest × the query's)."""


@dataclass(frozen=True, slots=True)
class _QueryShares:
    """The query's own coverage as the bound sees it: the share of each spelling's weight
    (``score``'s ``_coverage`` of the query) carried by each of its words.

    Spelling after spelling, the words are numbered in one mask of ``_QUERY_BITS`` bits (a
    query of more words than that gets no query bound). A word that shares no key with any
    of a notice's words aligns with none of them, so the shares of the words that do bound
    the query's coverage; the best spelling's bounds the score's (the best over spellings).
    """

    table: npt.NDArray[np.float64]
    """For each set of the query's words (by its bits), the share of the best spelling's
    weight they carry."""
    offsets: tuple[int, ...]
    """The first bit of each spelling's words."""
    sure: int
    """Words counted as hit whatever the keys say (see ``_may_align_unseen``), and every word
    of a spelling whose words all weigh nothing (its coverage counts whole)."""

    def covered(self, bits: npt.NDArray[np.int32]) -> npt.NDArray[np.float64]:
        """The most of the query's name each notice's hit words (``bits``) can cover."""
        found: npt.NDArray[np.float64] = self.table[bits | self.sure]
        return found


_QUERY_BITS = 8
"""Most words, over all its spellings, of a query given a query bound (a table of 256)."""


@lru_cache(maxsize=4096)
def _query_shares(names: tuple[str, ...]) -> _QueryShares | None:
    rows: list[list[float]] = []
    offsets: list[int] = []
    sure = 0
    start = 0
    for name in names:
        parts = _query_parts(name)
        if start + max(len(parts.tokens), 1) > _QUERY_BITS:
            return None
        weights = [0.0] * _QUERY_BITS
        reading = _query_reading(name)
        for piece in pieces_of(parts, notice=False):
            if _may_align_unseen(piece.text, reading):
                sure |= 1 << (start + piece.token)
            if not piece.alias:
                weights[start + piece.token] += piece.weight
        total = sum(weights)
        if total > 0:
            weights = [weight / total for weight in weights]
        else:  # as ``_coverage``: a name of weightless words counts whole
            weights[start] = 1.0
            sure |= 1 << start
        rows.append(weights)
        offsets.append(start)
        start += max(len(parts.tokens), 1)
    table = np.array(rows, dtype=np.float64).reshape(len(rows), _QUERY_BITS)
    sets = _WORD_SETS[: 1 << start]
    sums = np.zeros((len(rows), 1 << start), dtype=np.float64)
    for bit in range(start - 1, -1, -1):  # each set's weights added from its highest word
        sums += table[:, bit, None] * sets[:, bit]
    return _QueryShares(sums.max(axis=0, initial=0.0), tuple(offsets), sure)


_WORD_SETS = ((np.arange(1 << _QUERY_BITS)[:, None] >> np.arange(_QUERY_BITS)) & 1).astype(
    np.float64
)
"""For each set of a query's words (by its bits), 1.0 for each word in it, 0.0 for the others."""


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
_LOW_BITS = 4
"""Words whose every set has its share of the name kept (``_Columns.shares``): a name's
first four; few names weigh more words (``CandidateIndex._wide``)."""
_LOW = (1 << _LOW_BITS) - 1
_WEIGHTED, _LONG, _ALIAS, _FAMILY, _CUT = range(5)
"""The columns of ``_Columns.bits``; ``_LONG`` and ``_CUT`` also say which words a query may
align with unseen (``_reach``), and ``_NONE`` none."""
_NONE = -1


def _need(verdict: DateVerdict, sex_conflict: bool, same_nationality: bool) -> float:
    """The share of a notice's name a query must cover to possibly reach ``possible``, given
    the notice's date verdict, a sex conflict and an agreeing nationality.

    It mirrors ``_apply_evidence``, where every step is affine in the name score; the
    query's own coverage counts as complete here (``_passing`` raises the need by what it
    falls short, ``_QUERY_SHARE``) and the gender-form penalty (which only lowers a score)
    is left out, so the need is never overstated.
    """
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


@lru_cache(maxsize=1)
def _needs_table() -> npt.NDArray[np.float64]:
    """``_need`` for each date verdict, sex conflict and agreeing nationality (the same for
    every query): 6 × 2 × 2 values, looked up per notice. The sixth verdict (left to
    ``compare_dates``) takes the least need of the verdicts it may turn out to be."""
    table = np.empty((6, 2, 2), dtype=np.float64)
    for verdict in _VERDICTS:
        for sex_conflict in (False, True):
            for same_nationality in (False, True):
                table[_CODE[verdict], int(sex_conflict), int(same_nationality)] = _need(
                    verdict, sex_conflict, same_nationality
                )
    table[_MAYBE] = table[[_COMPATIBLE, _NEAR, _CONFLICT]].min(axis=0)
    table.flags.writeable = False
    return table


_OTHER_YEAR, _NEAR_YEAR, _SAME_YEAR, _NO_YEAR = range(4)
"""A notice's year of birth as the bound tells them apart for a query's date: another year,
a year near it (±1, two digits swapped: a slip, not a conflict), the query's year, none (or
a query without a date)."""


@lru_cache(maxsize=1024)
def _near_years(year: int) -> tuple[int, ...]:
    """Years a notice's date may have without a conflict (the same, ±1, two digits swapped)."""
    text = str(year)
    swapped = {int(text[:i] + text[i + 1] + text[i] + text[i + 2 :]) for i in range(3)}
    return tuple(sorted({year - 1, year, year + 1} | swapped))


@lru_cache(maxsize=1024)
def _least_by_year_class(
    dob: PartialDate | None, sex: str | None, nationality: str | None
) -> tuple[float, float, float, float]:
    """The least share of a notice's name a query with this evidence must cover, whatever the
    rest of the notice's evidence, for each class of the notice's year (``_OTHER_YEAR``...):
    the least ``_needs_table`` value over the date verdicts that year allows (as
    ``_verdicts`` decides them), the sex conflicts and nationalities the query can meet."""
    table = _needs_table()
    if sex is None:
        table = table[:, :1]
    if nationality is None:
        table = table[:, :, :1]
    least = table.min(axis=(1, 2))
    if dob is None:
        return (float(least[_UNKNOWN]),) * 4
    return (
        float(least[_CONFLICT]),
        float(least[[_NEAR, _CONFLICT]].min()),
        float(least[[_EXACT, _COMPATIBLE, _MAYBE]].min()),
        float(least[_UNKNOWN]),
    )


@dataclass(frozen=True, slots=True)
class _Asked:
    """What the bound reads of each query of a batch, one row each: every (query, notice)
    pair of the batch is then weighed by the same few NumPy calls, whatever the number of
    queries (``CandidateIndex._bounded``)."""

    queries: tuple[Query, ...]
    year_classes: npt.NDArray[np.int8]
    """(queries, _MAX_YEAR + 1): the class (``_OTHER_YEAR``...) of each year of birth a
    notice may have (0: none) for the query's date."""
    month: npt.NDArray[np.int16]
    day: npt.NDArray[np.int16]
    """0 where the query's date has no such part (or there is no date)."""
    dated: npt.NDArray[np.bool_]
    """The query has a date of birth."""
    full: npt.NDArray[np.bool_]
    """The query's date is a full date."""
    sex: npt.NDArray[np.int8]
    """``_SEX_CODES``, 0 when not given."""
    nationality: npt.NDArray[np.int16]
    """The index's code of the query's nationality (``-2``, held by no notice, when not
    given or not in the index)."""
    named_nationality: npt.NDArray[np.bool_]
    reach: npt.NDArray[np.intp]
    """``_reach`` of each query."""
    least: npt.NDArray[np.float64]
    """(queries, 4): ``_least_by_year_class``."""
    shares: npt.NDArray[np.float64]
    """(queries, 1 << _QUERY_BITS): ``_QueryShares.table`` (all ones without a query bound:
    a need then raised by nothing)."""
    sure: npt.NDArray[np.int32]
    """``_QueryShares.sure`` (0 without a query bound)."""

    @classmethod
    def of(cls, index: CandidateIndex, queries: Sequence[Query]) -> _Asked:
        year_classes = np.full((len(queries), _MAX_YEAR + 1), _OTHER_YEAR, dtype=np.int8)
        year_classes[:, 0] = _NO_YEAR
        shares = np.ones((len(queries), 1 << _QUERY_BITS), dtype=np.float64)
        rows: list[tuple[Any, ...]] = []
        for at, query in enumerate(queries):
            dob = query.dob
            if dob is None:
                year_classes[at] = _NO_YEAR
            else:
                near = [year for year in _near_years(dob.year) if 0 < year <= _MAX_YEAR]
                year_classes[at, near] = _NEAR_YEAR
                year_classes[at, dob.year] = _SAME_YEAR
            spellings = _query_shares(query.names)
            if spellings is not None:
                shares[at, : len(spellings.table)] = spellings.table
            nationality = query.nationality
            rows.append(
                (
                    0 if dob is None else dob.month or 0,
                    0 if dob is None else dob.day or 0,
                    dob is not None,
                    dob is not None and dob.is_full,
                    _SEX_CODES.get(query.sex or "", 0),
                    -2 if nationality is None else index._nationality_codes.get(nationality, -2),
                    nationality is not None,
                    _reach(query.names),
                    0 if spellings is None else spellings.sure,
                    _least_by_year_class(dob, query.sex, nationality),
                )
            )
        month, day, dated, full, sex, code, named, reach, sure, least = zip(*rows, strict=True)
        return cls(
            queries=tuple(queries),
            year_classes=year_classes,
            month=np.array(month, dtype=np.int16),
            day=np.array(day, dtype=np.int16),
            dated=np.array(dated, dtype=bool),
            full=np.array(full, dtype=bool),
            sex=np.array(sex, dtype=np.int8),
            nationality=np.array(code, dtype=np.int16),
            named_nationality=np.array(named, dtype=bool),
            reach=np.array(reach, dtype=np.intp),
            least=np.array(least, dtype=np.float64),
            shares=shares,
            sure=np.array(sure, dtype=np.int32),
        )


_TOPS = np.array(_LEVELS, dtype=np.float64)
"""``_LEVELS`` as an array, looked up for many pairs at once."""


def _pairs(
    keys: npt.NDArray[np.int64], size: int, count: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """The query and the slot of each pair number (``query × size + slot``) of a batch of
    ``count`` queries over ``size`` slots."""
    if count == 1:
        return np.zeros(len(keys), dtype=np.int64), keys
    owners, slots = np.divmod(keys, size)
    return owners, slots


_Cell = typing.TypeVar("_Cell", np.int8, np.float64)


def _by_pair(
    table: npt.NDArray[_Cell], owners: npt.NDArray[np.int64], columns: npt.NDArray[Any]
) -> npt.NDArray[_Cell]:
    """``table[owners, columns]`` (a row of ``_Asked`` per query) with one flat index:
    NumPy's indexing by two arrays cost about three times as much."""
    found: npt.NDArray[_Cell] = table.ravel()[owners * table.shape[1] + columns]
    return found


_PREFILTER_FROM = 256
"""Gathered (query, notice) pairs from which ``_gathered`` leaves out those no level can
bring to ``possible``."""
_BATCH_PAIRS = 1 << 22
"""Most (query, slot) pairs a batch of searches numbers: its scratch arrays hold one entry
each (``_scratch``: 48 MiB at this size). A list of a million is searched four queries at a
time, one of 300,000 thirteen (a fifth less CPU a name than three at a time, 2,000 names
of ``benchmarks/scale_screen.py``'s list), a mirror of thousands a whole screening chunk."""


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
    """(slots, 16): the share of the name's weight of each set of its first ``_LOW_BITS``
    words (by the bits 0–15 of the set), read with one index where the bits would take
    sixteen products a notice."""
    bits: npt.NDArray[np.int32]
    """(slots, 5): weighted, long-key, alias, family and cut-key bits (``_WEIGHTED``...)."""
    sure_shares: npt.NDArray[np.float64]
    """(slots, 2): the most of the name the long-key words can cover, and the cut-key words
    (``_Bound.row_share``), for the pre-filter."""
    year: npt.NDArray[np.int16]
    month: npt.NDArray[np.int16]
    day: npt.NDArray[np.int16]
    """0 where the notice has no such part."""
    sex: npt.NDArray[np.int8]
    nationalities: npt.NDArray[np.int16]
    """(slots, 2): codes of the first two nationalities, 0 for none."""


class SearchMemo:
    """What each word of earlier queries hit in one index, for many searches (a screening
    run) while the index does not change: a list of people repeats its given names and
    family names, and each is looked up once.
    """

    __slots__ = ("hits", "index")

    def __init__(self, index: CandidateIndex) -> None:
        self.index = index
        self.hits: dict[tuple[str, str | None], tuple[frozenset[str], frozenset[str]]] = {}
        """(Word, its name's reading) → the texts it hits by strong keys, and by weak keys."""


class _Hits(NamedTuple):
    """What a query's keys meet in the index (``CandidateIndex._hit_texts``)."""

    strong: set[str]
    weak: set[str]
    query_bits: dict[str, int] | None
    """Text → bits of the query's words that hit it; ``None`` when the query has more words
    than the mask holds (no query bound)."""


class _Gathered(NamedTuple):
    """The (query, notice) pairs a batch's texts lead to, as ``_passing`` reads them
    (``_gathered``)."""

    slots: npt.NDArray[np.int64]
    owners: npt.NDArray[np.int64]
    """Each pair's query (its number in the batch)."""
    masks: list[tuple[int, npt.NDArray[np.int32]]]
    """For each level of similarity present in the batch (best first): its index in
    ``_LEVELS``, and for each pair the bits of the notice's words that a text of that level
    or better hits."""
    weights: npt.NDArray[np.float64]
    """(queries, levels): what each level present for a query adds to its bound, by how far
    it stands above the next one present (0 for a level not present)."""
    first: npt.NDArray[np.intp]
    """Each query's best level present (``len(_LEVELS)`` for a query meeting nothing)."""
    query_bits: npt.NDArray[np.int32]
    """For each pair, the bits of the query's words that hit the notice's words."""


class CandidateIndex:
    """Blocking keys → notices, kept current with ``update``/``remove`` (or ``apply_events``).

    Two levels: key hash → numbers of the texts (words, hyphen pieces, joined neighbours)
    that give it, and text number → postings (see the module's docstring). What the bound
    reads of each notice is kept in columns (``array`` rows, one or a few values per slot),
    which a query reads through NumPy all at once.
    """

    def __init__(self) -> None:
        self._text_ids: dict[str, int] = {}
        self._text_list: list[str] = []
        """Text number → text."""
        self._key_hash: npt.NDArray[np.uint64] = np.empty(0, dtype=np.uint64)
        """Hashes of every (key, text) pair, sorted."""
        self._key_text: npt.NDArray[np.int32] = np.empty(0, dtype=np.int32)
        """The text number of each pair."""
        self._key_buckets: tuple[npt.NDArray[np.int64], int] | None = None
        """``_buckets``, worked out at the first lookup after a change of the keys."""
        self._row_starts: npt.NDArray[np.int64] = np.zeros(1, dtype=np.int64)
        """Where each text number's postings start in ``_rows`` (one more than texts)."""
        self._rows: npt.NDArray[np.int64] = np.empty(0, dtype=np.int64)
        self._row_shares: npt.NDArray[np.float64] = np.empty(0, dtype=np.float64)
        """Beside each row, the most of its notice's name it can cover (``_row_share``)."""
        self._new_keys: list[str] = []
        """Keys of texts first seen since the last ``_settle``, not yet hashed."""
        self._new_key_texts: array[int] = array("i")
        self._new_hashes: list[npt.NDArray[np.uint64]] = []
        """Keys hashed in batches while building, with ``_new_key_texts`` for all of them."""
        self._new_row_texts: array[int] = array("i")
        self._new_rows: array[int] = array("q")
        self._new_row_shares: array[float] = array("d")
        self._removed = 0
        """Slots removed since the last ``_settle`` (their rows are still filed)."""
        self._settle_lock = threading.Lock()
        self._entries: list[Candidate | None] = []
        self._slots: dict[str, int] = {}
        self._shares: array[float] = array("d")
        self._wide: dict[int, tuple[tuple[int, float], ...]] = {}
        """Slot → (bit, share) of each word, for names that weigh words past ``_LOW_BITS``."""
        self._bits: array[int] = array("i")
        self._sure_shares: array[float] = array("d")
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
        self._settle()
        state = self.__dict__.copy()
        state["_views"] = None
        state["_key_buckets"] = None  # worked out again when first read
        del state["_settle_lock"]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update({"_key_buckets": None, **state})
        self._settle_lock = threading.Lock()

    # -- building ----------------------------------------------------------------------
    @classmethod
    def from_notices(cls, notices: Iterable[Mapping[Any, Any]]) -> CandidateIndex:
        """From notice records (stored rows, detail objects or list items)."""
        index = cls()
        with _collector_paused():
            for notice in notices:
                index.update(notice)
            index._settle()
        return index

    @classmethod
    def from_repository(cls, repo: Repository) -> CandidateIndex:
        """Every active notice of the mirror; ``cursor`` is the last event already included.

        The cursor is read before the notices, so an event written meanwhile is applied
        again by ``apply_events`` (harmless: applying reads the notice's current state).
        """
        cursor = repo.last_event_id()
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
        # A slot is never reused: rows of a removed notice may still be filed until _settle.
        slot = len(self._entries)
        self._entries.append(candidate)
        self._shares.extend(itertools.repeat(0.0, 1 << _LOW_BITS))
        self._bits.extend((0, 0, 0, 0, 0))
        self._sure_shares.extend((0.0, 0.0))
        for column in (self._year, self._month, self._day, self._sex):
            column.append(0)
        self._nationalities.extend((0, 0))
        self._fill_columns(slot, candidate, bound)
        self._slots[candidate.entity_id] = slot
        texts = _filed_texts(parts, particles=bound.total <= 0)
        text_ids = self._text_ids
        for text, mask in texts.items():
            number = text_ids.get(text)
            if number is None:
                number = self._new_text(text)
            self._new_row_texts.append(number)
            self._new_rows.append(slot << _MASK_BITS | mask)
            self._new_row_shares.append(bound.row_share(mask))

    def _fill_columns(self, slot: int, candidate: Candidate, bound: _Bound) -> None:
        sets = 1 << _LOW_BITS
        self._shares[slot * sets : (slot + 1) * sets] = array(
            "d", (bound.share_of(words) for words in range(sets))
        )
        if bound.weighted_bits > _LOW:
            self._wide[slot] = bound.shares
        found = [0] * 5
        found[_WEIGHTED], found[_LONG], found[_CUT] = (
            bound.weighted_bits,
            bound.long_bits,
            bound.cut_bits,
        )
        found[_ALIAS], found[_FAMILY] = bound.alias_bits, bound.family_bits
        self._bits[slot * 5 : slot * 5 + 5] = array("i", found)
        self._sure_shares[slot * 2 : slot * 2 + 2] = array(
            "d",
            (bound.row_share(bits) if bits else 0.0 for bits in (bound.long_bits, bound.cut_bits)),
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

    def _new_text(self, text: str) -> int:
        """Number a text seen for the first time and queue its keys."""
        number = self._text_ids[text] = len(self._text_list)
        self._text_list.append(text)
        keys = _text_keys(text)
        self._new_keys.extend(keys)
        self._new_key_texts.extend(itertools.repeat(number, len(keys)))
        if len(self._new_keys) >= _HASH_BATCH:
            self._new_hashes.append(_key_hashes(self._new_keys))
            self._new_keys = []
        return number

    def remove(self, entity_id: str) -> bool:
        """Drop a notice; ``False`` when it was not in the index."""
        slot = self._slots.pop(entity_id, None)
        if slot is None:
            return False
        self._entries[slot] = None
        self._wide.pop(slot, None)
        self._removed += 1
        return True

    def _settle(self) -> None:
        """Merge what changed since the last read into the sorted arrays."""
        if not (self._new_rows or self._removed or self._new_keys or self._new_hashes):
            return
        with self._settle_lock:
            if self._new_key_texts:
                self._settle_keys()
            if self._new_rows or self._removed:
                self._settle_rows()

    def _settle_keys(self) -> None:
        hashes = np.concatenate([*self._new_hashes, _key_hashes(self._new_keys)])
        texts = np.array(self._new_key_texts, dtype=np.int32)
        self._new_keys, self._new_hashes, self._new_key_texts = [], [], array("i")
        order = np.argsort(hashes, kind="stable")
        hashes, texts = hashes[order], texts[order]
        del order
        if len(self._key_hash):
            at = np.searchsorted(self._key_hash, hashes)
            hashes = np.insert(self._key_hash, at, hashes)
            texts = np.insert(self._key_text, at, texts)
        self._key_hash, self._key_text = hashes, texts
        self._key_buckets = None

    def _settle_rows(self) -> None:
        counts = np.diff(self._row_starts)
        numbers = np.concatenate(
            [
                np.repeat(np.arange(len(counts), dtype=np.int32), counts),
                np.array(self._new_row_texts, dtype=np.int32),
            ]
        )
        rows = np.concatenate([self._rows, np.array(self._new_rows, dtype=np.int64)])
        shares = np.concatenate(
            [self._row_shares, np.array(self._new_row_shares, dtype=np.float64)]
        )
        self._new_row_texts, self._new_rows, self._new_row_shares = (
            array("i"),
            array("q"),
            array("d"),
        )
        if self._removed:
            live = np.array([e is not None for e in self._entries], dtype=bool)
            kept = live[rows >> _MASK_BITS]
            numbers, rows, shares = numbers[kept], rows[kept], shares[kept]
            self._removed = 0
        # Stable: within a text, rows stay in slot order (old slots first, new ones after).
        order = np.argsort(numbers, kind="stable")
        self._rows = rows[order]
        self._row_shares = shares[order]
        starts = np.zeros(len(self._text_list) + 1, dtype=np.int64)
        np.cumsum(np.bincount(numbers, minlength=len(self._text_list)), out=starts[1:])
        self._row_starts = starts

    def _rows_of(self, text: str) -> npt.NDArray[np.int64]:
        """The postings of one text (empty for a text no notice gives any more)."""
        self._settle()
        number = self._text_ids.get(text)
        if number is None:
            return np.empty(0, dtype=np.int64)
        return self._rows[self._row_starts[number] : self._row_starts[number + 1]]

    def _spans(self, texts: Iterable[str]) -> list[tuple[int, int]]:
        """Where each text's postings are in ``_rows`` (an empty span for a text not filed).

        Slices joined with one ``concatenate`` (``_cut``) cost a few NumPy calls a lookup
        whatever its texts, where index arithmetic over the spans cost a dozen."""
        self._settle()
        ids = self._text_ids
        starts = self._row_starts.data  # a memoryview: Python ints, not NumPy scalars
        found: list[tuple[int, int]] = []
        for text in texts:
            number = ids.get(text)
            found.append((0, 0) if number is None else (starts[number], starts[number + 1]))
        return found

    def _texts_for_each(self, groups: list[Collection[str]]) -> list[frozenset[str]]:
        """For each group of keys, the texts that give any of them (or a key of the same
        hash) and still have postings: all groups looked up at once."""
        self._settle()
        found: list[set[str]] = [set() for _ in groups]
        keys = [key for group in groups for key in group]
        if keys and len(self._key_hash):
            hashes = _key_hashes(keys)
            buckets, shift = self._buckets()
            at = (hashes >> np.uint64(shift)).astype(np.intp)
            lows, highs = buckets[at], buckets[at + 1]
            # Every hash of the keys' buckets (a few each), key after key, in the array's order.
            positions = _ranges(lows, highs)
            asking = np.repeat(np.arange(len(keys), dtype=np.int64), highs - lows)
            same = self._key_hash[positions] == hashes[asking]
            numbers = self._key_text[positions[same]].astype(np.int64)
            owners = np.repeat(np.arange(len(groups), dtype=np.int64), [len(g) for g in groups])
            starts = self._row_starts
            filed = starts[numbers + 1] > starts[numbers]
            hit_owners = owners[asking[same]][filed].tolist()
            listed = self._text_list
            for owner, number in zip(hit_owners, numbers[filed].tolist(), strict=True):
                found[owner].add(listed[number])  # a text hit by several keys: once
        return [frozenset(texts) for texts in found]

    def _buckets(self) -> tuple[npt.NDArray[np.int64], int]:
        """Where each bucket of hashes (by their top bits) starts in ``_key_hash``, and the
        shift that gives a hash's bucket: a key is looked up by reading its bucket's few
        hashes, where a binary search of millions cost two dozen reads from memory a key (a
        twentieth of the CPU of a search at a million notices)."""
        found = self._key_buckets
        if found is None:
            bits = max(1, len(self._key_hash).bit_length() - _BUCKET_KEYS_BITS)
            shift = 64 - bits
            counts = np.bincount(
                (self._key_hash >> np.uint64(shift)).astype(np.intp), minlength=1 << bits
            )
            starts = np.zeros((1 << bits) + 1, dtype=np.int64)
            np.cumsum(counts, out=starts[1:])
            found = self._key_buckets = (starts, shift)
        return found

    def _meeting(self, asks: Sequence[tuple[Iterable[str], list[int]]]) -> list[list[str]]:
        """For each (texts, slots): the texts (in the order given) with a posting of one of
        the slots; all looked up at once, not one NumPy call a text (or a query)."""
        if not asks:
            return []
        size = len(self._entries)
        listed = [list(texts) for texts, _ in asks]
        flags = np.zeros(len(asks) * size, dtype=bool)  # one row of slots an ask
        flags[[at * size + slot for at, (_, slots) in enumerate(asks) for slot in slots]] = True
        spans = [span for texts in listed for span in self._spans(texts)]
        counts = [end - start for start, end in spans]
        owners = np.repeat(np.arange(len(asks)), [len(texts) for texts in listed])
        rows = _cut(self._rows, spans) >> _MASK_BITS
        hit = flags[rows + np.repeat(owners, counts) * size]
        met = set(np.unique(np.repeat(np.arange(len(spans)), counts)[hit]).tolist())
        found: list[list[str]] = []
        number = 0
        for texts in listed:
            found.append([text for at, text in enumerate(texts, start=number) if at in met])
            number += len(texts)
        return found

    def _texts_for(self, keys: Iterable[str]) -> frozenset[str]:
        """The texts that give any of these keys (or a key of the same hash)."""
        return self._texts_for_each([list(keys)])[0]

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
        """Distinct blocking key hashes of the texts that notices still give."""
        self._settle()
        starts = self._row_starts
        held = (starts[1:] > starts[:-1])[self._key_text]
        hashes = self._key_hash[held]
        return int(np.count_nonzero(hashes[1:] != hashes[:-1])) + int(len(hashes) > 0)

    def _texts(self, query: Query, *, skeletons: bool) -> frozenset[str]:
        keys: set[str] = set()
        for name in query.names:
            keys |= _query_keys(name, skeletons)
        return self._texts_for(keys)

    def _hits(self, query: Query, *, skeletons: bool) -> dict[int, int]:
        """Slot → bits of the notice's words that share a key with some spelling."""
        hits: dict[int, int] = {}
        get = hits.get
        for text in self._texts(query, skeletons=skeletons):
            for packed in self._rows_of(text).tolist():
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

    def search(
        self, query: Query, limit: int | None = 10, *, memo: SearchMemo | None = None
    ) -> list[Result]:
        """Candidates at ``possible`` or better, best first (ties by entity id).

        A candidate is scored in full only when its bound may reach ``possible``. Many
        searches in a row may share a ``SearchMemo`` of this index, provided the index does
        not change meanwhile.
        """
        return self.search_many([query], limit, memo=memo)[0]

    def search_many(
        self, queries: Sequence[Query], limit: int | None = 10, *, memo: SearchMemo | None = None
    ) -> list[list[Result]]:
        """``search`` of each query, the bounds of many worked out together (as many as
        ``_BATCH_PAIRS`` allows): the same results, with a few NumPy calls a batch where one
        query at a time took them all (most of a search's time in a mirror of thousands)."""
        if limit is not None and limit < 1:
            raise ValueError("limit must be at least 1")
        if memo is not None and memo.index is not self:
            raise ValueError("the memo belongs to another index")
        entries = self._entries
        batch = max(1, _BATCH_PAIRS // max(1, len(entries)))
        found: list[list[Result]] = []
        for start in range(0, len(queries), batch):
            part = queries[start : start + batch]
            for query, slots in zip(part, self._bounded(part, memo), strict=True):
                chosen = [entries[slot] for slot in slots]
                found.append(rank(score_all(query, [c for c in chosen if c is not None]), limit))
        return found

    def _columns(self) -> _Columns:
        if self._views is None:
            self._views = _Columns(
                shares=np.frombuffer(self._shares, dtype=np.float64).reshape(-1, 1 << _LOW_BITS),
                bits=np.frombuffer(self._bits, dtype=np.int32).reshape(-1, 5),
                sure_shares=np.frombuffer(self._sure_shares, dtype=np.float64).reshape(-1, 2),
                year=np.frombuffer(self._year, dtype=np.int16),
                month=np.frombuffer(self._month, dtype=np.int16),
                day=np.frombuffer(self._day, dtype=np.int16),
                sex=np.frombuffer(self._sex, dtype=np.int8),
                nationalities=np.frombuffer(self._nationalities, dtype=np.int16).reshape(-1, 2),
            )
        return self._views

    def _hit_texts(self, queries: Sequence[Query], memo: SearchMemo | None = None) -> list[_Hits]:
        """For each query, the texts sharing a key with it: ``strong`` (the same word, key or
        variant key: they may align perfectly) and ``weak`` (only Levenshtein neighbourhoods
        or the other gender form: they align by the fuzzy or gender-form rule at best), and
        for each, the bits of the query's words that hit it (numbered as in
        ``_QueryShares``).

        The queries' texts not in the ``memo`` are looked up together (each lookup has a
        cost of its own whatever its keys); with a ``memo``, what each text hits is kept for
        the searches to come.
        """
        hits = {} if memo is None else memo.hits
        asked: list[list[tuple[tuple[str, str | None], int]]] = []
        for query in queries:
            spellings = _query_shares(query.names)
            offsets = (0,) * len(query.names) if spellings is None else spellings.offsets
            # A text read by its name's reading (``_query_reading``) is an entry of its own.
            asked.append(
                [
                    ((text, reading), bits << offset)
                    for name, offset in zip(query.names, offsets, strict=True)
                    for reading in (_query_reading(name),)
                    for text, bits in _query_text_bits(name)
                ]
            )
        new = list(dict.fromkeys(read for reads in asked for read, _ in reads if read not in hits))
        if new:
            found = self._texts_for_each([keys for read in new for keys in _bound_keys(*read)])
            for at, read in enumerate(new):
                hits[read] = (found[2 * at], found[2 * at + 1])
        result: list[_Hits] = []
        for query, reads in zip(queries, asked, strict=True):
            strong: set[str] = set()
            weak: set[str] = set()
            query_bits: dict[str, int] = {}
            for read, bits in reads:
                strong_hit, weak_hit = hits[read]
                strong |= strong_hit
                weak |= weak_hit
                for hit in itertools.chain(strong_hit, weak_hit):
                    query_bits[hit] = query_bits.get(hit, 0) | bits
            bounded = _query_shares(query.names) is not None
            result.append(_Hits(strong, weak - strong, query_bits if bounded else None))
        return result

    def _gathered(
        self,
        asked: _Asked,
        levels: Sequence[Mapping[str, int]],
        query_bits: Sequence[Mapping[str, int] | None],
        *,
        prefilter: bool = True,
    ) -> _Gathered:
        """The distinct (query, slot) pairs the queries' texts lead to, and for each level of
        similarity present (best first) the bits of the words a text of that level or better
        hits; with ``query_bits`` (per query, text → bits of its words that hit it), the
        bits of the query's words that hit each pair.

        ``levels`` maps each query's texts to the index in ``_LEVELS`` of the best
        similarity they may align with. With the ``prefilter``, a pair whose postings' shares
        (``_Bound.row_share``), with the notice's words the query may align with unseen
        (``_reach``), sum to less than the query's least need for it (``_least_needs``) is
        left out: no level can cover more of its name. In a large list most pairs are such
        (a common given name alone), and this costs one addition a row instead of
        ``_passing``'s sixteen a pair; for fewer than ``_PREFILTER_FROM`` pairs the filter's
        own NumPy calls cost more than it saves, and ``_passing`` alone decides, with the
        same result.

        A pair is numbered ``query × slots + slot`` in the scratch arrays.
        """
        size, count = len(self._entries), len(levels)
        weights = np.zeros((count, len(_LEVELS)), dtype=np.float64)
        first = np.full(count, len(_LEVELS), dtype=np.intp)
        by_level: dict[int, list[tuple[int, str]]] = {}
        for owner, texts in enumerate(levels):
            for text, level in texts.items():
                by_level.setdefault(level, []).append((owner, text))
            present = sorted(set(texts.values()))
            for position, level in enumerate(present):
                below = _LEVELS[present[position + 1]] if position + 1 < len(present) else 0.0
                weights[owner, level] = _LEVELS[level] - below
            if present:
                first[owner] = present[0]
        present = sorted(by_level)
        spans: list[list[tuple[int, int]]] = []
        packed: list[npt.NDArray[np.int64]] = []
        row_owners: list[npt.NDArray[np.int64]] = []
        row_query_bits: list[npt.NDArray[np.int32]] = []
        for level in present:
            owned = by_level[level]
            level_spans = self._spans([text for _, text in owned])
            counts = [end - start for start, end in level_spans]
            spans.append(level_spans)
            packed.append(_cut(self._rows, level_spans))
            if count > 1:
                owners = np.array([owner for owner, _ in owned], dtype=np.int64)
                row_owners.append(np.repeat(owners, counts))
            found_bits = [
                0 if (held := query_bits[owner]) is None else held.get(text, 0)
                for owner, text in owned
            ]
            row_query_bits.append(np.repeat(np.array(found_bits, dtype=np.int32), counts))
        empty = np.empty(0, dtype=np.int64)
        if not packed:
            return _Gathered(empty, empty, [], weights, first, np.empty(0, dtype=np.int32))
        row_keys = np.concatenate(packed) >> _MASK_BITS
        if count > 1:
            row_keys += np.concatenate(row_owners) * size
        scratch, seen, query_scratch = _scratch(self, count * size)
        # One row per pair, without sorting: the last row of each pair is kept.
        order = np.arange(len(row_keys), dtype=np.int32)
        seen[row_keys] = order
        touched = row_keys[seen[row_keys] == order]
        owners, slots = _pairs(touched, size, count)
        keep: npt.NDArray[np.bool_] | None = None  # all
        if prefilter and len(touched) >= _PREFILTER_FROM:
            # Each row's pair numbered in ``touched`` (``ufunc.at`` over all rows cost more
            # than the rest of the search in a list of 300,000).
            seen[touched] = np.arange(len(touched), dtype=np.int32)
            local = seen[row_keys]
            covered = np.bincount(
                local,
                weights=_cut(self._row_shares, [span for level in spans for span in level]),
                minlength=len(touched),
            ).astype(np.float64, copy=False)  # of no rows, bincount counts in integers
            if (asked.reach != _NONE).any():
                reach = asked.reach[owners]
                sure = self._columns().sure_shares[slots, (reach == _CUT).astype(np.intp)]
                covered += np.where(reach == _NONE, 0.0, sure)
            # Most pairs fall short of the least need of any year: only the others look up
            # their notice's year.
            floor = asked.least.min(axis=1)[owners] - _BOUND_SLACK
            near = np.flatnonzero(covered >= floor)
            keep = np.zeros(len(touched), dtype=bool)
            least = self._least_needs(asked, owners[near], slots[near]) - _BOUND_SLACK
            keep[near] = covered[near] >= least
            touched, owners, slots = touched[keep], owners[keep], slots[keep]
        masks: list[tuple[int, npt.NDArray[np.int32]]] = []
        try:
            start = 0
            for level, rows, bits in zip(present, packed, row_query_bits, strict=True):
                end = start + len(rows)
                keys = row_keys[start:end]
                if keep is not None:
                    kept = keep[local[start:end]]
                    rows, keys, bits = rows[kept], keys[kept], bits[kept]
                start = end
                np.bitwise_or.at(scratch, keys, (rows & _MASK).astype(np.int32))
                np.bitwise_or.at(query_scratch, keys, bits)
                masks.append((level, scratch[touched]))  # this level or better
            pair_query_bits = query_scratch[touched]
        finally:
            scratch[touched] = 0
            query_scratch[touched] = 0
        return _Gathered(slots, owners, masks, weights, first, pair_query_bits)

    def _bounded(self, queries: Sequence[Query], memo: SearchMemo | None = None) -> list[list[int]]:
        """For each query, the slots whose bound may reach ``possible``, in slot order.

        First with every strong text at its own similarity (``_strong_levels``) and every
        weak text counted at the best a fuzzy or gender-form pair can score; then, for the
        queries whose weak texts decide, with each one's similarity as the scorer's own
        ``compare_tokens`` gives it (its d: neighbourhoods fetch many words that are several
        edits away).
        """
        hits = self._hit_texts(queries, memo)
        asked = _Asked.of(self, queries)
        strong = [_strong_levels(q.names, h.strong) for q, h in zip(queries, hits, strict=True)]
        levels = [
            found | dict.fromkeys(h.weak, _WEAK_LEVEL)
            for found, h in zip(strong, hits, strict=True)
        ]
        bits = [h.query_bits for h in hits]
        chosen = self._passing(asked, self._gathered(asked, levels, bits))
        weighing = [owner for owner, found in enumerate(chosen) if found and hits[owner].weak]
        meeting = self._meeting([(hits[owner].weak, chosen[owner]) for owner in weighing])
        again: list[int] = []
        for owner, deciding in zip(weighing, meeting, strict=True):
            if len(chosen[owner]) < _REFINE_FROM * len(deciding):
                continue  # scoring these few costs less than weighing the words
            refined = dict(strong[owner])
            for text in deciding:
                similarity = _best_similarity(queries[owner].names, text)
                if similarity > 0.0:
                    refined[text] = _level(similarity)
            levels[owner] = refined
            again.append(owner)
        if again:
            asked = _Asked.of(self, [queries[owner] for owner in again])
            gathered = self._gathered(asked, [levels[o] for o in again], [bits[o] for o in again])
            for owner, found in zip(again, self._passing(asked, gathered), strict=True):
                chosen[owner] = found
        return chosen

    def _passing(self, asked: _Asked, gathered: _Gathered) -> list[list[int]]:
        """For each query, the gathered slots whose bound reaches what they need, as
        ``_needs_table`` says for their evidence, raised by what the query's own coverage
        (``_QueryShares``) falls short; in slot order."""
        chosen: list[list[int]] = [[] for _ in asked.queries]
        slots, owners = gathered.slots, gathered.owners
        if not len(slots):
            return chosen
        columns = self._columns()
        bits = columns.bits[slots]
        weighted = bits[:, _WEIGHTED]
        sure: npt.NDArray[np.int32] | int = 0
        if (asked.reach != _NONE).any():
            reach = asked.reach[owners]
            sure = np.where(reach == _NONE, 0, bits[np.arange(len(slots)), np.maximum(reach, 0)])
        covered = np.zeros(len(slots), dtype=np.float64)
        full = np.zeros(len(slots), dtype=bool)
        first = gathered.first[owners]
        wide = np.flatnonzero(weighted > _LOW).tolist()
        for level, level_masks in gathered.masks:
            level_masks = level_masks | sure
            level_masks = np.where(
                level_masks & bits[:, _ALIAS] != 0, level_masks | bits[:, _FAMILY], level_masks
            )
            whole = (level_masks & weighted) == weighted
            part = columns.shares[slots, level_masks & _LOW]
            for at in wide:
                words = int(level_masks[at])
                part[at] = sum(share for bit, share in self._wide[int(slots[at])] if bit & words)
            covered += gathered.weights[owners, level] * np.where(whole, 1.0, part)
            full |= whole & (first == level)
        covered[full] = _TOPS[first[full]]  # every word aligns at the best level (no rounding)
        covered[weighted == 0] = 1.0  # a name of weightless words counts as covered, as in score
        query_bits = gathered.query_bits | asked.sure[owners]
        raised = _QUERY_SHARE * (1.0 - _by_pair(asked.shares, owners, query_bits))
        verdicts = self._verdicts(asked, owners, slots)
        sex_conflict = np.zeros(len(slots), dtype=np.intp)
        if asked.sex.any():
            sex, query_sex = columns.sex[slots], asked.sex[owners]
            sex_conflict = ((query_sex != 0) & (sex != 0) & (sex != query_sex)).astype(np.intp)
        same_nationality = np.zeros(len(slots), dtype=np.intp)
        if asked.named_nationality.any():
            code, held = asked.nationality[owners], columns.nationalities[slots]
            same_nationality = (
                asked.named_nationality[owners]
                & ((held[:, 0] == code) | (held[:, 1] == code) | (held[:, 0] == _ANY_NATIONALITY))
            ).astype(np.intp)
        table = _needs_table()
        need = table[verdicts, sex_conflict, same_nationality] + raised
        passed = np.flatnonzero((need <= 1.0) & (covered >= need))
        for at in passed.tolist():
            slot, owner = int(slots[at]), int(owners[at])
            if verdicts[at] == _MAYBE:
                # Left to the scorer's own comparison of the dates.
                dob = asked.queries[owner].dob
                assert dob is not None
                notice_date = PartialDate(
                    int(columns.year[slot]),
                    int(columns.month[slot]) or None,
                    int(columns.day[slot]) or None,
                )
                verdict = _CODE[compare_dates(dob, notice_date).verdict]
                exact = table[verdict, sex_conflict[at], same_nationality[at]] + raised[at]
                if not (exact <= 1.0 and covered[at] >= exact):
                    continue
            chosen[owner].append(slot)
        for found in chosen:
            found.sort()
        return chosen

    def _year_classes(
        self, asked: _Asked, owners: npt.NDArray[np.int64], slots: npt.NDArray[np.int64]
    ) -> npt.NDArray[np.int8]:
        """The class of each pair's notice year for its query's date (``_OTHER_YEAR``...)."""
        years = self._columns().year[slots].astype(np.intp)
        return _by_pair(asked.year_classes, owners, years)

    def _least_needs(
        self, asked: _Asked, owners: npt.NDArray[np.int64], slots: npt.NDArray[np.int64]
    ) -> npt.NDArray[np.float64]:
        """The least share of each pair's notice name its query must cover, whatever the rest
        of the notice's evidence (``_least_by_year_class`` of the query, by the notice's
        year)."""
        return _by_pair(asked.least, owners, self._year_classes(asked, owners, slots))

    def _verdicts(
        self, asked: _Asked, owners: npt.NDArray[np.int64], slots: npt.NDArray[np.int64]
    ) -> npt.NDArray[np.intp]:
        """``compare_dates``' verdict for each pair, or ``_MAYBE`` where it must say."""
        if not asked.dated.any():
            return np.full(len(slots), _UNKNOWN, dtype=np.intp)
        columns = self._columns()
        classes = self._year_classes(asked, owners, slots)
        month, day = columns.month[slots], columns.day[slots]
        asked_month, asked_day = asked.month[owners], asked.day[owners]
        agree = ((asked_month == 0) | (month == 0) | (month == asked_month)) & (
            (asked_day == 0) | (day == 0) | (day == asked_day)
        )
        same = classes == _SAME_YEAR
        verdicts = np.full(len(slots), _CONFLICT, dtype=np.intp)
        verdicts[(classes == _NEAR_YEAR) & agree] = _NEAR  # a year slip, the rest agreeing
        verdicts[same & ~agree] = _MAYBE
        verdicts[same & agree] = _COMPATIBLE
        verdicts[same & asked.full[owners] & (month == asked_month) & (day == asked_day)] = _EXACT
        verdicts[classes == _NO_YEAR] = _UNKNOWN
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
