"""Property tests across the whole name pipeline (parse → romanise → key → score)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from redwatch.matching import Candidate, Decision, Query, score
from redwatch.names.parse import parse_name
from redwatch.names.phonetic import phonetic_keys
from redwatch.names.romanize import (
    crimean_tatar_to_cyrillic,
    crimean_tatar_to_latin,
    romanizations_by_system,
)

_RU_ONSETS = [*list("бвгдзклмнпрстфхцчшщж"), "дж"]
_RU_VOWELS = list("аеиоуыэ")
_IOTATED = list("еёюя")
_UK_ONSETS = [*list("бвгґдзклмнпрстфхцчшщж"), "дж"]
_UK_VOWELS = list("аеиіоу")
_UK_IOTATED = list("єїюя")
_CODAS = ["", "", "", "й", "н", "р", "л", "м", "с", "ь"]
_SUFFIXES = ["ов", "ев", "ин", "ский", "енко", "", "ова", "ая"]


@st.composite
def _word(draw: st.DrawFn, onsets: list[str], vowels: list[str], iotated: list[str]) -> str:
    syllables = []
    for _ in range(draw(st.integers(1, 3))):
        onset = draw(st.sampled_from(onsets))
        if draw(st.booleans()):
            soft = draw(st.sampled_from(["", "", "ь", "ъ"])) if not syllables else ""
            vowel = onset + (soft if soft == "ь" else "") + draw(st.sampled_from(iotated))
        else:
            vowel = onset + draw(st.sampled_from(vowels))
        syllables.append(vowel + draw(st.sampled_from(_CODAS)))
    word = "".join(syllables).replace("ьь", "ь")
    return word.capitalize()


_RUSSIAN_NAME = st.tuples(
    _word(_RU_ONSETS, _RU_VOWELS, _IOTATED),
    st.tuples(_word(_RU_ONSETS, _RU_VOWELS, _IOTATED), st.sampled_from(_SUFFIXES)).map(
        lambda t: t[0] + t[1]
    ),
)
_UKRAINIAN_NAME = st.tuples(
    _word(_UK_ONSETS, _UK_VOWELS, _UK_IOTATED), _word(_UK_ONSETS, _UK_VOWELS, _UK_IOTATED)
)


def _all_forms(given_name: str, family: str) -> dict[str, tuple[str, str]]:
    by_given = romanizations_by_system(given_name)
    by_family = romanizations_by_system(family)
    forms = {"cyrillic": (given_name, family)}
    for system in set(by_given) & set(by_family):
        forms[system.value] = (by_given[system], by_family[system])
    return forms


def _assert_all_match(given_name: str, family: str) -> None:
    forms = _all_forms(given_name, family)
    for notice_system, (notice_given, notice_family) in forms.items():
        if notice_system == "cyrillic":
            continue
        candidate = Candidate("x", notice_family.upper(), notice_given.upper(), "1990/05/17")
        for query_system, (query_given, query_family) in forms.items():
            query = Query.build(f"{query_given} {query_family}", dob="17.05.1990")
            result = score(query, candidate)
            assert result is not None, (query_system, notice_system, query.names)
            assert result.decision is Decision.MATCH, (
                query_system,
                notice_system,
                query.names,
                candidate,
                result.explanation,
            )


@settings(max_examples=60, deadline=None)
@given(_RUSSIAN_NAME)
def test_russian_name_matches_across_every_system(name: tuple[str, str]) -> None:
    _assert_all_match(*name)


@settings(max_examples=40, deadline=None)
@given(_UKRAINIAN_NAME)
def test_ukrainian_name_matches_across_every_system(name: tuple[str, str]) -> None:
    _assert_all_match(*name)


@settings(max_examples=200, deadline=None)
@given(_RUSSIAN_NAME)
def test_every_romanisation_shares_a_key_with_the_cyrillic(name: tuple[str, str]) -> None:
    for word in name:
        keys = phonetic_keys(word)
        for system, romanised in romanizations_by_system(word).items():
            assert keys & phonetic_keys(romanised), (word, system, romanised)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_parse_never_crashes(text: str) -> None:
    parts = parse_name(text)
    assert all(token.text for token in parts.tokens)


# Crimean Tatar Cyrillic: its digraphs (къ, гъ, нъ, дж) and the letters that differ in Latin.
_CRH_ONSETS = [*list("бвгдзклмнпрстфхчшж"), "къ", "гъ", "нъ", "дж"]
_CRH_VOWELS = list("аеиоуы")
_CRH_IOTATED = list("ёюя")
_CRIMEAN_TATAR_NAME = st.tuples(
    _word(_CRH_ONSETS, _CRH_VOWELS, _CRH_IOTATED),
    st.tuples(_word(_CRH_ONSETS, _CRH_VOWELS, _CRH_IOTATED), st.sampled_from(["ов", "ев", ""])).map(
        lambda t: t[0] + t[1]
    ),
).filter(lambda name: "ъь" not in "".join(name).lower())  # къ, гъ, нъ take no soft sign


@settings(max_examples=60, deadline=None)
@given(_CRIMEAN_TATAR_NAME)
def test_crimean_tatar_latin_and_back_matches_itself(name: tuple[str, str]) -> None:
    """Cyrillic → Latin → Cyrillic: the Latin is stable and every spelling finds the notice."""
    cyrillic = " ".join(name)
    latin = crimean_tatar_to_latin(cyrillic)
    back = crimean_tatar_to_cyrillic(latin)
    assert crimean_tatar_to_latin(back) == latin, (cyrillic, latin, back)
    given_name, family = name
    forms = _all_forms(given_name, family)
    del forms["cyrillic"]
    for system, (notice_given, notice_family) in forms.items():
        candidate = Candidate("x", notice_family.upper(), notice_given.upper(), "1990/05/17")
        for text in (cyrillic, latin, back):
            result = score(Query.build(text, dob="17.05.1990"), candidate)
            assert result is not None, (system, text, candidate)
            assert result.decision is Decision.MATCH, (system, text, candidate, result.explanation)


# ў is written only after a vowel: it comes in through the ending -оў.
_BE_ONSETS = [*list("бвгдзклмнпрстфхцчшж"), "дз", "дж"]
_BE_VOWELS = list("аеіоуыэ")
_BE_IOTATED = list("ёюя")
_BELARUSIAN_NAME = st.tuples(
    _word(_BE_ONSETS, _BE_VOWELS, _BE_IOTATED),
    st.tuples(
        _word(_BE_ONSETS, _BE_VOWELS, _BE_IOTATED), st.sampled_from(["ін", "оў", "скі", ""])
    ).map(lambda t: t[0] + t[1]),
)


@settings(max_examples=40, deadline=None)
@given(_BELARUSIAN_NAME)
def test_belarusian_name_matches_across_every_system(name: tuple[str, str]) -> None:
    _assert_all_match(*name)
