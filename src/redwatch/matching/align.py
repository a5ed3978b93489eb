"""Token similarity and the alignment of query tokens with notice tokens.

Alignment ignores the roles guessed for the query (a person may write the surname first
or last) and lets one side's compound meet the other side's pieces (``Abdul Rahman`` =
``ABDULRAHMAN``, ``Akham Pasha`` = ``AKHAM-PASHA``).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz.distance import Levenshtein

from redwatch.names.correspondences import (
    AZERBAIJANI_NOTES,
    BELARUSIAN_NOTES,
    azerbaijani_form,
    belarusian_form,
)
from redwatch.names.parse import NameParts, Role
from redwatch.names.phonetic import (
    FRAME_MARK,
    GIVEN_NAME_MARK,
    MARKS,
    TokenKey,
    analyse,
    explain_difference,
    name_reading,
    other_gender_forms,
)
from redwatch.names.romanize import (
    RUSSIAN_SYSTEMS,
    SYSTEM_LABELS,
    System,
    romanizations_by_system,
    russianise,
)
from redwatch.names.scripts import Script, detect_script

__all__ = [
    "FUZZY_FLOOR",
    "NameUnits",
    "Piece",
    "TokenMatch",
    "UnitPair",
    "UnitView",
    "align",
    "align_units",
    "compare_joined",
    "compare_tokens",
    "name_units",
    "pieces_of",
]

IDENTICAL = 1.0
SAME_KEY = 0.97
"""Same primary key: one name in two romanisation systems."""
VARIANT = 0.92
"""Same key only under a variant reading (j as й, Belarusian ў as в ...)."""
GENDER_FORM = 0.85
"""-ov / -ova: the same family, another person."""
FUZZY_SCALE = 0.9
"""A fuzzy pair scores at most 0.9 × its Levenshtein similarity, always below VARIANT."""
FUZZY_MIN_LEVENSHTEIN = 0.8
FUZZY_MIN_LENGTH = 4
FUZZY_FLOOR = FUZZY_SCALE * FUZZY_MIN_LEVENSHTEIN
_FRENCH = frozenset({"french"})
_CUTOFF_SLACK = 1e-6
"""Far below the gap between two similarities k/n of names (n < 100 letters)."""
VOWELS = FUZZY_SCALE * 0.85
"""Same consonant frame, other vowels: as strong as a fuzzy pair 85 % alike."""
VOWELS_MIN_LEVENSHTEIN = 0.65
"""...provided the keys are still this alike: MAGOMED and MUHAMMAD share their consonants
(m-g/h-m-d) but are two names (57 % alike); KALESNIKAU and KOLESNIKOV are one (80 %)."""


@dataclass(frozen=True)
class TokenMatch:
    similarity: float
    rule: str
    reason: str


class _PlainTable(dict[int, str]):
    """``str.translate`` table that keeps letters and digits but combining marks and drops
    every other character, filled as characters are met."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        kept = self[code] = char if char.isalnum() and not unicodedata.combining(char) else ""
        return kept


_PLAIN_TABLE = _PlainTable()


@lru_cache(maxsize=262144)
def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ı", "i"))
    return decomposed.translate(_PLAIN_TABLE)


def _surface(a: str, b: str) -> float:
    return Levenshtein.normalized_similarity(_plain(a), _plain(b))


def _best_shared(a: TokenKey, b: TokenKey) -> str | None:
    shared = {k for k in a.keys & b.keys if k[:1] != FRAME_MARK}
    if not shared:
        return None
    return min(shared, key=lambda k: (len(a.via[k]) + len(b.via[k]), k))


def _fuzzy(a: TokenKey, b: TokenKey, floor: float = FUZZY_MIN_LEVENSHTEIN) -> float:
    """Best Levenshtein similarity over the keys (0 when below ``floor``)."""
    # rapidfuzz compares the cutoff in floating point: 1 - 1/5 falls just below 0.8, so
    # without the slack a one-letter difference in five letters (Tofik / TOFIG) was lost.
    floor -= _CUTOFF_SLACK
    if len(a.keys) * len(b.keys) > 256:
        return Levenshtein.normalized_similarity(a.key, b.key, score_cutoff=floor)
    # Every pair by the scorer itself: with two or three letter keys a side (most words),
    # a call of process.extractOne per key costs more than it saves. The primary keys are
    # one of the pairs.
    others = [k for k in b.keys if k[:1] not in MARKS]
    return max(
        Levenshtein.normalized_similarity(mine, theirs, score_cutoff=floor)
        for mine in a.keys
        if mine[:1] not in MARKS
        for theirs in others
    )


def _why_same(query: str, notice: str, shared: str | None, reading: str | None = None) -> str:
    """Phrases for a pair that meet on a key; Cyrillic is first romanised by a named system."""
    a, b = analyse(query, reading), analyse(notice)
    if shared is not None and shared.startswith(GIVEN_NAME_MARK):
        # Two forms of one name (Mykola / NIKOLAI): letter-by-letter notes would mislead.
        return "; ".join(sorted(a.via[shared] | b.via[shared]))
    if detect_script(query) in (Script.CYRILLIC, Script.MIXED):
        by_system = romanizations_by_system(query)
        exact = [s for s, r in by_system.items() if _plain(r) == _plain(notice)]
        if exact:
            return _romanised_by(query, exact, len(exact) == len(by_system))
        for system, romanised in by_system.items():
            rk = analyse(romanised)
            if shared is not None and shared in rk.keys:
                head = _romanised_by(query, [system], False) + f" as {romanised}"
                return "; ".join([head, *explain_difference(rk, b, shared)])
    phrases = explain_difference(a, b, shared)
    return "; ".join(phrases) if phrases else "same spelling once normalised"


def _romanised_by(text: str, systems: list[System], every: bool) -> str:
    if every:
        return "romanised alike by every system"
    said = "romanised by " + ", ".join(SYSTEM_LABELS[s] for s in systems)
    russian = russianise(text.lower())
    if russian != text.lower() and any(s in RUSSIAN_SYSTEMS for s in systems):
        said += f" from the Russian spelling {russian.capitalize()}"
    return said


_MAX_KEY_PAIRS = 256


def _key_pairs(a: TokenKey, b: TokenKey) -> list[tuple[str, str]]:
    """Pairs of letter keys (no class or frame keys) of two tokens; when there are very many,
    only those with a primary key."""
    left = [k for k in a.keys if k[:1] not in MARKS]
    right = [k for k in b.keys if k[:1] not in MARKS]
    if len(left) * len(right) <= _MAX_KEY_PAIRS:
        return [(x, y) for x in left for y in right]
    return [(a.key, y) for y in right] + [(x, b.key) for x in left if x != a.key]


_NOT_RUSSIAN_E = "yo=e"
"""A Russian key whose e stands for ё written e is not read against a Belarusian я (the
ANTONIO of ANTONIA would be Антонё = Антоне)."""


def _fewest_rules(
    pairs: list[tuple[str, str]], source: TokenKey, other: TokenKey, reading: str
) -> frozenset[str] | None:
    """The fewest rules of the language ``reading`` by which a key of ``source`` (the left
    of each pair) is that language's form of the right one, a key of ``other``."""
    best: frozenset[str] | None = None
    for mine, theirs in pairs:
        if reading == "Belarusian":
            if _NOT_RUSSIAN_E in other.via.get(theirs, frozenset()):
                continue
            rules = belarusian_form(mine, theirs, source.text, source.via[mine])
        elif detect_script(source.text) is Script.LATIN:
            rules = azerbaijani_form(mine, theirs)
        else:
            rules = None
        if rules and (best is None or len(rules) < len(best)):
            best = rules
    return best


_LANGUAGE_NOTES = {"Belarusian": BELARUSIAN_NOTES, "Azerbaijani": AZERBAIJANI_NOTES}


def _language_form(a: TokenKey, b: TokenKey, query: str, notice: str) -> TokenMatch | None:
    """The pair as one family name in its Belarusian or Azerbaijani and its Russian form
    (``names.correspondences``): as strong as the same key; or, when only the other
    gender form is, a gender form."""
    forward = _key_pairs(a, b)
    sides = ((a, b, forward), (b, a, [(y, x) for x, y in forward]))
    for reading, notes in _LANGUAGE_NOTES.items():
        for source, other, pairs in sides:
            rules = _fewest_rules(pairs, source, other, reading)
            if rules is not None:
                reason = "; ".join(notes[r] for r in sorted(rules))
                # Every difference is a correspondence of the two languages' spellings: one
                # name in two written forms, as strong as two romanisation systems.
                similarity = SAME_KEY + 0.03 * _surface(query, notice)
                return TokenMatch(similarity, f"{reading} form", reason)
    for reading in _LANGUAGE_NOTES:
        for source, other, pairs in sides:
            swapped = [(x, g) for x, y in pairs for g in other_gender_forms(y)]
            if _fewest_rules(swapped, source, other, reading) is not None:
                return TokenMatch(
                    GENDER_FORM,
                    "gender form",
                    f"the same family name in its other gender form ({reading} spelling): "
                    "another person",
                )
    return None


@lru_cache(maxsize=65536)
def compare_tokens(query: str, notice: str, reading: str | None = None) -> TokenMatch | None:
    """How alike two name tokens are, by the strongest rule that applies; None if not alike.

    ``reading`` is the reading of the whole query name (``query_reading``)."""
    plain_query, plain_notice = _plain(query), _plain(notice)
    if not plain_query or not plain_notice:
        return None
    if plain_query == plain_notice:
        return TokenMatch(IDENTICAL, "identical", "identical")
    a, b = analyse(query, reading), analyse(notice)
    if not a.key or not b.key:
        return None
    if a.key == b.key:
        similarity = SAME_KEY + 0.03 * _surface(query, notice)
        return TokenMatch(similarity, "same key", _why_same(query, notice, a.key, reading))
    shared = _best_shared(a, b)
    if shared is not None:
        if a.via[shared] | b.via[shared] == _FRENCH or shared.startswith(GIVEN_NAME_MARK):
            # The French table of Russian passports (MVD 310 French), read only in words that
            # bear a French mark: one name in two published systems, like ICAO and MVD. And
            # a given name in the forms of two languages (Алег = Олег, given_names): the
            # registry rewrote the name, as strong as two romanisations of one spelling.
            similarity = SAME_KEY + 0.03 * _surface(query, notice)
            return TokenMatch(similarity, "same key", _why_same(query, notice, shared, reading))
        similarity = VARIANT + 0.03 * _surface(query, notice)
        return TokenMatch(similarity, "variant", _why_same(query, notice, shared, reading))
    if a.gender_pair(b):
        return TokenMatch(
            GENDER_FORM,
            "gender form",
            "the same family name in its other gender form (-ov/-ova): another person",
        )
    lev = _fuzzy(a, b) if min(len(a.key), len(b.key)) >= FUZZY_MIN_LENGTH else 0.0
    frames = any(k[:1] == FRAME_MARK for k in a.keys & b.keys)
    if lev >= FUZZY_MIN_LEVENSHTEIN - _CUTOFF_SLACK or frames:
        # Only near pairs (fuzzy or vowels, which the candidate index reaches) are read as
        # one name in two languages.
        found = _language_form(a, b, query, notice)
        if found is not None:
            return found
    if (
        lev * FUZZY_SCALE < VOWELS
        and frames
        and _fuzzy(a, b, VOWELS_MIN_LEVENSHTEIN) >= VOWELS_MIN_LEVENSHTEIN - _CUTOFF_SLACK
    ):
        return TokenMatch(
            VOWELS,
            "vowels",
            "the same consonants, vowels differ (Belarusian а/о and я/е, unstressed vowels)",
        )
    if lev < FUZZY_MIN_LEVENSHTEIN - _CUTOFF_SLACK:
        return None
    return TokenMatch(
        FUZZY_SCALE * lev,
        "fuzzy",
        f"spelling differs slightly ({round(100 * lev)}% alike after normalising)",
    )


@lru_cache(maxsize=65536)
def compare_joined(query: str, notice: str, reading: str | None = None) -> TokenMatch | None:
    """``compare_tokens`` for a pair where one side joins several words: its result when the
    rule is one by which joined units align (``_JOINED_RULES``), else None.

    Those rules all need the same plain text or a shared key, so the pairs that have neither
    (most of them) are told apart without ``compare_tokens``' fuzzy comparison.
    """
    plain_query, plain_notice = _plain(query), _plain(notice)
    if not plain_query or not plain_notice:
        return None
    if plain_query != plain_notice:
        a, b = analyse(query, reading), analyse(notice)
        if not a.key or not b.key:
            return None
        if a.key != b.key and not any(k[:1] != FRAME_MARK for k in a.keys & b.keys):
            return None
    found = compare_tokens(query, notice, reading)
    return found if found is not None and found.rule in _JOINED_RULES else None


@dataclass(frozen=True)
class Piece:
    """A hyphen-free word of a name, with its role and weight in the score."""

    text: str
    role: Role
    token: int
    weight: float
    alias: bool = False


def _token_weights(parts: NameParts, *, notice: bool) -> list[float]:
    """Weight of each token: on the notice side the family and first given name dominate."""
    tokens = parts.tokens
    if not notice:
        return [0.0 if t.particle else (0.3 if t.role is Role.PATRONYMIC else 1.0) for t in tokens]
    weights = [0.0] * len(tokens)
    family = [i for i, t in enumerate(tokens) if t.role is Role.FAMILY and not t.particle]
    main_family = [i for i in family if not tokens[i].alias]
    given = [i for i, t in enumerate(tokens) if t.role is Role.GIVEN and not t.particle]
    if not given:
        given = [i for i, t in enumerate(tokens) if t.role is Role.PATRONYMIC]
    groups = [g for g in (main_family, given) if g]
    share = 1.0 / len(groups) if groups else 0.0
    for group in groups:
        if len(group) == 1:
            weights[group[0]] = share
        else:
            weights[group[0]] = share * 0.7
            for i in group[1:]:
                weights[i] = share * 0.3 / (len(group) - 1)
    return weights


@lru_cache(maxsize=65536)
def pieces_of(parts: NameParts, *, notice: bool) -> tuple[Piece, ...]:
    pieces: list[Piece] = []
    for index, (token, weight) in enumerate(
        zip(parts.tokens, _token_weights(parts, notice=notice), strict=True)
    ):
        words = token.parts or (token.text,)
        for word in words:
            pieces.append(Piece(word, token.role, index, weight / len(words), token.alias))
    return tuple(pieces)


@dataclass(frozen=True)
class _Unit:
    text: str
    span: frozenset[int]
    """Indices of the pieces it covers."""
    mask: int
    """The span as a bit set."""


@lru_cache(maxsize=65536)
def _units(pieces: tuple[Piece, ...], *, notice: bool) -> tuple[_Unit, ...]:
    units = [_Unit(p.text, frozenset({i}), 1 << i) for i, p in enumerate(pieces)]
    for size in (2, 3):
        for start in range(len(pieces) - size + 1):
            chosen = pieces[start : start + size]
            if notice and len({p.role for p in chosen}) > 1:
                continue
            text = " ".join(p.text for p in chosen)
            span = frozenset(range(start, start + size))
            units.append(_Unit(text, span, ((1 << size) - 1) << start))
    return tuple(units)


class UnitView(NamedTuple):
    """A unit with what ``align_units`` reads of it, worked out once per name (``name_units``).

    ``mask`` is the span as a bit set, which the assignment search tests and merges far
    faster than a frozenset. ``plain`` and ``keys`` (every key of the unit's analysis; none
    when it has no letters) let a pair of which one side joins several words be dismissed
    without ``compare_joined``: that needs the same plain text or a shared key.
    """

    text: str
    span: frozenset[int]
    mask: int
    joined: bool
    plain: str
    keys: frozenset[str]
    reading: str | None
    """The reading of the whole name, for a query (``query_reading``)."""


NameUnits = tuple[UnitView, ...]
"""A name's units as ``align_units`` reads them; callers keep it per name (``score``
compares one name with many)."""


def query_reading(pieces: tuple[Piece, ...]) -> str | None:
    """The reading of a whole query name (``names.phonetic.name_reading``): a person spells
    all of their name by one table, so a word that shows the French one (Aboubakarov) has
    its neighbours read by it too (Charip = Шарип). Notices are read word by word."""
    return name_reading(piece.text for piece in pieces)


def name_units(pieces: tuple[Piece, ...], *, notice: bool) -> NameUnits:
    reading = None if notice else query_reading(pieces)
    return tuple(_unit_view(unit, reading) for unit in _units(pieces, notice=notice))


def _unit_view(unit: _Unit, reading: str | None) -> UnitView:
    plain = _plain(unit.text)
    keys = analyse(unit.text, reading).keys if plain else frozenset()
    return UnitView(unit.text, unit.span, unit.mask, len(unit.span) > 1, plain, keys, reading)


@dataclass(frozen=True)
class UnitPair:
    query: str
    notice: str
    query_span: frozenset[int]
    notice_span: frozenset[int]
    match: TokenMatch


_EXACT_SEARCH_LIMIT = 16
_JOINED_RULES = frozenset({"identical", "same key", "variant"})

_Ranked = tuple[UnitPair, int, int]
"""A pair with its query and notice spans as bit sets."""


def _value(pair: UnitPair) -> float:
    return pair.match.similarity * (len(pair.query_span) + len(pair.notice_span))


def _greedy(pairs: list[_Ranked]) -> list[UnitPair]:
    """Best pairs first, each piece used at most once."""
    used_q = used_n = 0
    chosen: list[UnitPair] = []
    for pair, query_mask, notice_mask in pairs:
        if query_mask & used_q or notice_mask & used_n:
            continue
        chosen.append(pair)
        used_q |= query_mask
        used_n |= notice_mask
    return chosen


def _rank_key(ranked: _Ranked) -> tuple[float, int]:
    pair = ranked[0]
    return -pair.match.similarity, len(pair.query_span) + len(pair.notice_span)


_LEAST_VALUE = 1e-6
"""Far above the search's tolerance (1e-9) and its rounding; every real pair is worth
more than 1 (a similarity of at least 0.72 times two or more pieces)."""


def _best_of_two(pairs: list[_Ranked], values: list[float]) -> list[UnitPair]:
    """What the search below finds among at most two pairs each worth more than
    ``_LEAST_VALUE`` (three quarters of all alignments have two pairs, a quarter fewer):
    both when they do not overlap, else the first unless the second is worth more."""
    if len(pairs) < 2:
        return [pair for pair, _, _ in pairs]
    (first, first_q, first_n), (second, second_q, second_n) = pairs
    if not (first_q & second_q or first_n & second_n):
        return [first, second]
    return [second] if values[1] > values[0] + 1e-9 else [first]


def _best_assignment(pairs: list[_Ranked]) -> list[UnitPair]:
    """The set of non-overlapping pairs that covers most of both names (exact when small)."""
    # Singles before compounds of equal value, so a compound must be strictly better.
    pairs = sorted(pairs, key=_rank_key)
    if len(pairs) > _EXACT_SEARCH_LIMIT:
        return _greedy(pairs)
    values = [_value(p) for p, _, _ in pairs]
    if len(pairs) <= 2 and min(values, default=1.0) > _LEAST_VALUE:
        return _best_of_two(pairs, values)
    search = _Search(pairs, values)
    search.run(0, 0, 0, 0.0, [])
    return search.best


class _Search:
    """The exact search of ``_best_assignment``: branch and bound over the pairs in rank
    order. A class, not a nested function: a closure that calls itself is a reference
    cycle, which only the cyclic collector frees (a screening worker runs without it)."""

    __slots__ = ("best", "best_total", "bound", "pairs", "values")

    def __init__(self, pairs: list[_Ranked], values: list[float]) -> None:
        self.pairs = pairs
        self.values = values
        self.bound = [sum(values[i:]) for i in range(len(pairs) + 1)]
        self.best_total = -1.0
        self.best: list[UnitPair] = []

    def run(self, i: int, used_q: int, used_n: int, total: float, chosen: list[UnitPair]) -> None:
        if total > self.best_total + 1e-9:
            self.best_total, self.best = total, list(chosen)
        if i == len(self.pairs) or total + self.bound[i] <= self.best_total + 1e-9:
            return
        pair, query_mask, notice_mask = self.pairs[i]
        if not (query_mask & used_q or notice_mask & used_n):
            chosen.append(pair)
            self.run(
                i + 1, used_q | query_mask, used_n | notice_mask, total + self.values[i], chosen
            )
            chosen.pop()
        self.run(i + 1, used_q, used_n, total, chosen)


def align(query: tuple[Piece, ...], notice: tuple[Piece, ...]) -> list[UnitPair]:
    """One-to-one alignment of words that covers most of both names.

    Compounds may meet their pieces ("Abdul Rahman" = "ABDULRAHMAN"), but only when that
    covers more than word-by-word pairs would: "Же Жеев" is not one word of "ŽIEJEV" when
    each of its words aligns with a word of the notice.
    """
    return align_units(name_units(query, notice=False), name_units(notice, notice=True))


def align_units(query: NameUnits, notice: NameUnits) -> list[UnitPair]:
    """``align`` of two names' units (``name_units``)."""
    pairs: list[_Ranked] = []
    for q_text, q_span, q_mask, q_joined, q_plain, q_keys, reading in query:
        for n_text, n_span, n_mask, n_joined, n_plain, n_keys, _ in notice:
            if q_joined or n_joined:
                # "ELMER ALEXANDER" is not a near miss of "WILBER ALEXANDER"
                if q_plain != n_plain and q_keys.isdisjoint(n_keys):
                    continue  # what compare_joined would say, without asking it
                found = compare_joined(q_text, n_text, reading)
            else:
                found = compare_tokens(q_text, n_text, reading)
            if found is not None:
                pairs.append((UnitPair(q_text, n_text, q_span, n_span, found), q_mask, n_mask))
    return _best_assignment(pairs)
