"""Properties of the risk rules (hypothesis) and their behaviour on the fake corpus."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from redwatch.fake import generate_corpus
from redwatch.risk import HIGH, LEVELS, NONE, assess_detail, classify_charge
from redwatch.risk.charges import fold
from redwatch.risk.gazetteer import find_places
from redwatch.risk.indicators import INDICATORS, dates_in
from redwatch.risk.levels import weigh

texts = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "Z", "S")), max_size=200
)


@settings(deadline=None)
@given(texts)
def test_fold_keeps_positions(text: str) -> None:
    assert len(fold(text)) == len(text)


@settings(max_examples=200, deadline=None)
@given(texts, st.sampled_from(["RU", "SV", "UA", None]))
def test_any_text_classifies_and_evidence_is_its_own_words(text: str, issuer: str | None) -> None:
    written = " ".join(text.split())
    for match in classify_charge(text, issuer):
        assert match.evidence
        if match.article is None:
            assert match.evidence in written


@settings(deadline=None)
@given(texts)
def test_places_are_found_in_the_text(text: str) -> None:
    for match in find_places(text):
        assert match.evidence in text


@settings(deadline=None)
@given(texts)
def test_dates_are_real_dates(text: str) -> None:
    for date, words in dates_in(text):
        assert 1900 <= date.year <= 2099
        assert words


def rank(level: str) -> int:
    return LEVELS.index(level)  # high=0, elevated=1, none=2


def test_adding_a_flag_never_lowers_the_level() -> None:
    codes = list(INDICATORS)
    for size in range(len(codes) + 1):
        for combination in itertools.combinations(codes, size):
            level, _ = weigh(set(combination))
            for extra in codes:
                more, _ = weigh({*combination, extra})
                assert rank(more) <= rank(level), (combination, extra)
    assert weigh(set())[0] == NONE
    assert weigh({"issuer_abuse"})[0] == NONE


def test_fake_corpus_flags_follow_the_rules() -> None:
    """On generated notices: Ukrainians sought by Russia on a terrorism or armed-formation
    charge are high, El Salvador's gang charges never flagged, fake Crimean birthplaces and the
    "26 February 2014" Simferopol riots charge found."""
    seen_occupied = seen_retroactive = 0
    for notice in generate_corpus(size=1500, seed=3):
        assessment = assess_detail(notice)
        issuers = {w["issuing_country_id"] for w in notice["arrest_warrants"]}
        if issuers == {"SV"}:
            assert assessment.level == NONE
        if "occupied_territory" in assessment.codes:
            seen_occupied += 1
            assert "RU" in issuers
            assert find_places(notice["place_of_birth"] or "") or any(
                find_places(w["charge"]) for w in notice["arrest_warrants"]
            )
        if "retroactive_crimea" in assessment.codes:
            seen_retroactive += 1
            assert assessment.level == HIGH
            assert "occupied_territory" in assessment.codes  # Simferopol named in the charge
        ukrainian = "UA" in (notice["nationalities"] or [])
        if "RU" in issuers and ukrainian and "dual_use_charge" in assessment.codes:
            assert assessment.level == HIGH
    assert seen_occupied > 0
    assert seen_retroactive > 0
