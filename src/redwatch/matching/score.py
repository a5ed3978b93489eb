"""Score one query against one notice: a number, a decision and an explanation.

How the score is built (the constants below):

1. Words are aligned (``align``); each aligned pair has a similarity: 1.0 identical, 0.97+
   same phonetic key or one family name in its Belarusian or Azerbaijani and its Russian
   form (``names.correspondences``: Lukashenka / LUKASHENKO, Mammadov / MAMEDOV), 0.92+ same
   key under a variant reading, 0.85 other gender form, and 0.9 × the Levenshtein similarity
   of the keys for a fuzzy pair (only if ≥ 0.8: 0.72–0.86).
2. ``name score`` = 0.85 × coverage of the notice's name (family name and first given name
   weigh the most) + 0.15 × coverage of the query (a patronymic the notice lacks costs little).
3. Evidence moves it: an exact date of birth pulls it half-way to 1, a compatible partial
   date 15 %; a near-miss date ×0.85, a conflicting date ×0.7, conflicting sex ×0.8, a family
   name in the other gender form ×0.8; the same nationality pulls it 10 % towards 1, another
   nationality does nothing (Russia records Crimeans as Russian nationals).
4. ``match`` needs score ≥ 0.85 *and* certainty: family name and first given name agree at
   key level (or one of them fuzzily at ≥ 85 % when the date of birth is exact); no conflict
   of date, sex or gender form; and, with no date to compare, a name score ≥ 0.95 — the
   whole name agrees at key level. Without a date a ``match`` therefore means "this is the
   name": the explanation says to confirm the date of birth, since one name can have
   several notices.
5. ``possible`` needs score ≥ 0.7. This puts an exactly-named notice with a conflicting date
   just at ``possible`` (1.0 × 0.7) and anything less exact below it; a notice with the same
   surname and another given name stays below (0.5) unless the date of birth is exact
   (0.75). Measured on the 1,442 real notices, every notice queried by its own name and
   date of birth finds itself as ``match`` (but the one without a forename, which can only
   be ``possible``); the same queries raise another notice as ``match`` twice (duplicate
   notices) and as ``possible`` 12 times — at 0.6 it was once per ten queries, mostly
   Spanish double surnames.

Both thresholds were swept on the calibrate half of the accuracy benchmark
(``benchmarks/accuracy/calibrate.py``): ``match`` between 0.80 and 0.90 changes nothing (the
certainty conditions decide), ``possible`` at 0.75 would lose positives. See
``docs/matching.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from redwatch.matching.align import (
    FUZZY_SCALE,
    NameUnits,
    Piece,
    UnitPair,
    align_units,
    name_units,
    pieces_of,
)
from redwatch.matching.dates import (
    DateComparison,
    DateVerdict,
    compare_dates,
    parse_notice_date,
)
from redwatch.matching.model import Alignment, Candidate, Decision, Query, Result
from redwatch.names.parse import NameParts, Role, parse_name, parse_notice_name

__all__ = ["MATCH_THRESHOLD", "POSSIBLE_THRESHOLD", "score"]

MATCH_THRESHOLD = 0.85
POSSIBLE_THRESHOLD = 0.7
STRONG = 0.9
"""A token pair at least this similar agrees at key level (same key or a variant)."""
CLOSE = FUZZY_SCALE * 0.85
"""A fuzzy token pair with at least 85 % Levenshtein similarity of the keys."""
NAME_ONLY_MATCH = 0.95
NOTICE_SHARE = 0.85

DOB_EXACT_PULL = 0.5
DOB_COMPATIBLE_PULL = 0.15
DOB_NEAR_FACTOR = 0.85
DOB_CONFLICT_FACTOR = 0.7
SEX_CONFLICT_FACTOR = 0.8
GENDER_FORM_FACTOR = 0.8
NATIONALITY_PULL = 0.1

CRIMEA_NOTE = (
    "nationality differs (weak evidence: Russia records people from occupied Crimea "
    "as Russian nationals)"
)


@lru_cache(maxsize=65536)
def _query_parts(text: str) -> NameParts:
    return parse_name(text)


@dataclass(frozen=True, slots=True)
class _Name:
    """One side's name as the scorer reads it: its pieces and units, and which pieces each
    part of the score weighs (``_weighted``, ``_coverage``) with the total weight of each.

    Worked out once per name (``_query_name``, ``_notice_name``) because one query is scored
    against many notices and one notice by many queries.
    """

    pieces: tuple[Piece, ...]
    units: NameUnits
    covered: tuple[tuple[int, float], ...]
    """(index, weight) of the pieces that are not an alias."""
    covered_weight: float
    main_family: tuple[int, ...]
    main_family_weight: float
    alias_family: tuple[int, ...]
    alias_family_weight: float
    first_given: tuple[int, ...]
    """The pieces of the first given name (or of the patronymic, when there is no given)."""
    first_given_weight: float


def _name(pieces: tuple[Piece, ...], *, notice: bool) -> _Name:
    covered: list[tuple[int, float]] = []
    main_family: list[int] = []
    alias_family: list[int] = []
    given: int | None = None  # the token of the first given name
    patronymic: int | None = None  # stands for it when there is none: only "RADZHAB OGLY"
    for i, piece in enumerate(pieces):
        if not piece.alias:
            covered.append((i, piece.weight))
        if piece.role is Role.FAMILY:
            (alias_family if piece.alias else main_family).append(i)
        elif piece.role is Role.GIVEN and given is None:
            given = piece.token
        elif piece.role is Role.PATRONYMIC and patronymic is None:
            patronymic = piece.token
    first = given if given is not None else patronymic
    first_given = [i for i, p in enumerate(pieces) if first is not None and p.token == first]
    return _Name(
        pieces=pieces,
        units=name_units(pieces, notice=notice),
        covered=tuple(covered),
        covered_weight=sum(weight for _, weight in covered),
        main_family=tuple(main_family),
        main_family_weight=sum(pieces[i].weight for i in main_family),
        alias_family=tuple(alias_family),
        alias_family_weight=sum(pieces[i].weight for i in alias_family),
        first_given=tuple(first_given),
        first_given_weight=sum(pieces[i].weight for i in first_given),
    )


@lru_cache(maxsize=4096)
def _query_name(text: str) -> _Name:
    # Few kept: a query's candidates are scored one after another (``_scored`` keeps the
    # rest), so a spelling is rarely read again once its query is done.
    return _name(pieces_of(_query_parts(text), notice=False), notice=False)


@lru_cache(maxsize=65536)
def _notice_name(name: str | None, forename: str | None) -> _Name:
    # Kept as deep as the other per-name caches: every query that reaches a notice reads it.
    return _name(pieces_of(parse_notice_name(name, forename), notice=True), notice=True)


def _weighted(
    pieces: tuple[Piece, ...], sims: dict[int, float], indices: tuple[int, ...], total: float
) -> float | None:
    """Weighted similarity of some pieces; ``total`` is their weight."""
    if not indices:
        return None
    if total == 0:
        return sum(sims.get(i, 0.0) for i in indices) / len(indices)
    return sum(pieces[i].weight * sims.get(i, 0.0) for i in indices) / total


def _coverage(name: _Name, sims: dict[int, float]) -> float:
    if name.covered_weight == 0:
        return 1.0
    return sum(weight * sims.get(i, 0.0) for i, weight in name.covered) / name.covered_weight


_ROLE_ORDER = {Role.FAMILY: 0, Role.GIVEN: 1, Role.PATRONYMIC: 2}


def _alignment_order(alignment: Alignment) -> int:
    return _ROLE_ORDER[alignment.role]


@dataclass(frozen=True, slots=True)
class _Scored:
    """The name part of a score, before the other evidence: the same for every notice of
    one name, whatever its date of birth, sex or nationality (``_scored``)."""

    name_score: float
    family: float | None
    family_partial: bool
    given: float | None
    gender_form: bool
    alignments: tuple[Alignment, ...]

    def name_is_certain(self, date: DateComparison) -> tuple[bool, str]:
        """Whether the name alone allows ``match``, and why not when it does not."""
        if self.family is None or self.given is None:
            return False, "the notice lacks a family or a given name"
        if self.gender_form:
            return False, "the family name is in the other gender form: a relative, not this person"
        both_strong = self.family >= STRONG and self.given >= STRONG
        one_close = min(self.family, self.given) >= CLOSE and max(self.family, self.given) >= STRONG
        if not both_strong and not (date.verdict is DateVerdict.EXACT and one_close):
            if self.family < STRONG and self.given < STRONG:
                return False, "family and given names agree only approximately"
            if self.family < STRONG and self.family_partial:
                return False, "only part of the family name agrees"
            part = "family" if self.family < self.given else "given"
            return False, f"the {part} name agrees only approximately"
        if date.verdict is DateVerdict.UNKNOWN and self.name_score < NAME_ONLY_MATCH:
            return False, "without a date of birth only a fully agreeing name can be a match"
        return True, ""


@lru_cache(maxsize=16384)
def _scored(query_text: str, name: str | None, forename: str | None) -> _Scored | None:
    """The name part of the score of a query spelling against a notice name; ``None`` when
    no part of the names aligns.

    Kept per (spelling, notice name) because the index scores one query against notices of
    the same name with other dates of birth (a third of the scores of a screen: most of
    them within one query, all of them within 16,384 kept), and the name part is all but
    the whole cost of a score. It is immutable, so results may share its alignments.
    """
    q = _query_name(query_text)
    n = _notice_name(name, forename)
    pairs = align_units(q.units, n.units)
    if not pairs:
        return None
    n_sims: dict[int, float] = {}
    q_sims: dict[int, float] = {}
    for pair in pairs:
        for i in pair.notice_span:
            n_sims[i] = pair.match.similarity
        for i in pair.query_span:
            q_sims[i] = pair.match.similarity
    pieces = n.pieces
    family = _weighted(pieces, n_sims, n.main_family, n.main_family_weight)
    family_partial = any(i not in n_sims for i in n.main_family)
    alias = _weighted(pieces, n_sims, n.alias_family, n.alias_family_weight)
    notice_cov = _coverage(n, n_sims)
    if alias is not None and family is not None and alias > family:
        # The query names the notice's alias surname: count it in place of the main one.
        notice_cov += n.main_family_weight * (alias - family) / max(n.covered_weight, 1e-9)
        family = alias
        family_partial = any(i not in n_sims for i in n.alias_family)
    return _Scored(
        name_score=NOTICE_SHARE * notice_cov + (1 - NOTICE_SHARE) * _coverage(q, q_sims),
        family=family,
        family_partial=family_partial,
        given=_weighted(pieces, n_sims, n.first_given, n.first_given_weight),
        gender_form=any(
            pair.match.rule == "gender form"
            and any(pieces[i].role is Role.FAMILY for i in pair.notice_span)
            for pair in pairs
        ),
        alignments=_alignments(pairs, pieces),
    )


def _alignments(pairs: list[UnitPair], pieces: tuple[Piece, ...]) -> tuple[Alignment, ...]:
    """The aligned pairs in words, family name first."""
    found = [
        Alignment(
            pair.query,
            pair.notice,
            pieces[min(pair.notice_span)].role,
            round(pair.match.similarity, 3),
            pair.match.rule,
            pair.match.reason,
        )
        for pair in pairs
    ]
    return tuple(sorted(found, key=_alignment_order))


def _apply_evidence(
    scored: _Scored, query: Query, candidate: Candidate, date: DateComparison
) -> tuple[float, bool, list[str]]:
    """Final score, whether ``match`` stays allowed, and notes in words."""
    value = scored.name_score
    allowed, why_not = scored.name_is_certain(date)
    notes: list[str] = []
    if scored.gender_form:
        value *= GENDER_FORM_FACTOR
    if date.verdict is DateVerdict.EXACT:
        value += (1 - value) * DOB_EXACT_PULL
    elif date.verdict is DateVerdict.COMPATIBLE:
        value += (1 - value) * DOB_COMPATIBLE_PULL
    elif date.verdict is DateVerdict.NEAR:
        value *= DOB_NEAR_FACTOR
        allowed, why_not = False, why_not or "the date of birth differs by a slip"
    elif date.verdict is DateVerdict.CONFLICT:
        value *= DOB_CONFLICT_FACTOR
        allowed, why_not = False, "the date of birth conflicts"
    notice_sex = candidate.sex_id if candidate.sex_id in ("M", "F") else None
    if query.sex and notice_sex:
        if query.sex == notice_sex:
            notes.append(f"sex agrees ({notice_sex})")
        else:
            value *= SEX_CONFLICT_FACTOR
            allowed, why_not = False, f"sex conflicts (query {query.sex}, notice {notice_sex})"
    if query.nationality and candidate.nationalities:
        if query.nationality in candidate.nationalities:
            value += (1 - value) * NATIONALITY_PULL
            notes.append(f"nationality agrees ({query.nationality})")
        else:
            listed = ", ".join(candidate.nationalities)
            notes.append(f"{CRIMEA_NOTE}: query {query.nationality}, notice {listed}")
    if why_not and not allowed:
        notes.append(f"not a match because {why_not}")
    elif allowed and date.verdict is DateVerdict.UNKNOWN:
        notes.append("a match on the name alone: confirm the date of birth")
    return value, allowed, notes


def _score_name(
    query_text: str, query: Query, candidate: Candidate, date: DateComparison
) -> Result | None:
    scored = _scored(query_text, candidate.name, candidate.forename)
    if scored is None:
        return None
    value, allowed, notes = _apply_evidence(scored, query, candidate, date)
    value = min(1.0, max(0.0, value))
    decision: Decision | None = None
    if allowed and value >= MATCH_THRESHOLD:
        decision = Decision.MATCH
    elif value >= POSSIBLE_THRESHOLD:
        decision = Decision.POSSIBLE
    return Result(
        entity_id=candidate.entity_id,
        score=round(value, 4),
        decision=decision,
        query_name=query_text,
        alignments=scored.alignments,
        date=date,
        notes=tuple(notes),
    )


_notice_date = lru_cache(maxsize=65536)(parse_notice_date)


def score(query: Query, candidate: Candidate) -> Result | None:
    """Best result over the query's spellings; ``None`` when no part of any name aligns."""
    date = compare_dates(query.dob, _notice_date(candidate.date_of_birth))
    best: Result | None = None
    for text in query.names:
        result = _score_name(text, query, candidate, date)
        if result is not None and (best is None or result.score > best.score):
            best = result
    return best
