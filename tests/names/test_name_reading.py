"""The name-level French reading (``phonetic.name_reading`` and ``analyse(word, reading)``).

The French table of Russian passports (MVD 310-1997, French; iuliia's ``mvd_310_fr``) writes
ш as ch, ч as tch, у as ou, дж as dj, г before е/и as gu and a final -ин as -ine. ``ch``
alone is no mark of it (ICAO's ч is ch too), so a word such as Charip (Шарип) is read as
French only when another word of the name shows the table.
"""

import iuliia
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redwatch.names.given_names import GIVEN_NAMES
from redwatch.names.phonetic import FRENCH, _analyse_folded, _fold, analyse, name_reading


def _shared(query: str, notice: str, reading: str | None) -> set[str]:
    return set(analyse(query, reading).keys & analyse(notice).keys)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Charip Aboubakarov", FRENCH),  # ou
        ("Ibraguim Khachiev", FRENCH),  # gui
        ("Djamal Chamsoudinov", FRENCH),  # dj, ou
        ("Makhatch Chakhbiev", FRENCH),  # tch
        ("Chamil Guenov", FRENCH),  # gue
        ("CHARIP ABUBAKAROV", None),  # ICAO: ch is ч as far as anyone can tell
        ("Sharip Abubakarov", None),
        ("Шарип Абубакаров", None),
        ("Ramzan Kadyrov", None),
    ],
)
def test_a_name_is_read_as_french_when_one_word_shows_the_table(
    name: str, expected: str | None
) -> None:
    assert name_reading(name.split()) == expected


@pytest.mark.parametrize(
    ("name", "word", "notice_word"),
    [
        ("Charip Aboubakarov", "Charip", "SHARIP"),  # the accuracy benchmark's miss (report)
        ("Ibraguim Khachiev", "Khachiev", "KHASHIEV"),  # and its miss in the calibrate half
        ("Iouri Lenine", "Lenine", "LENIN"),  # final -ine = -ин, beside a word with ou
    ],
)
def test_a_word_without_a_mark_is_read_as_french_beside_one_with_a_mark(
    name: str, word: str, notice_word: str
) -> None:
    reading = name_reading(name.split())
    assert not _shared(word, notice_word, None)  # alone, ch is ч (and -ine is -ине)
    shared = _shared(word, notice_word, reading)
    assert shared
    # One French reading, as the scorer wants it to count as another romanisation system.
    assert any(analyse(word, reading).via[key] == {FRENCH} for key in shared)


def test_without_the_reading_ch_stays_ч() -> None:
    # CHUBAROV is not SHUBAROV: the word-level rule is unchanged.
    assert not _shared("CHUBAROV", "SHUBAROV", None)
    assert not _shared("Charip", "SHARIP", None)


def test_the_reading_leaves_the_words_own_analysis_alone() -> None:
    own = analyse("Charip")
    read = analyse("Charip", FRENCH)
    assert own.keys < read.keys
    assert own.key == read.key  # the primary key is still the ICAO reading (ч)
    # The word's own analysis, which the index files, has not picked up the reading.
    assert analyse("Charip") is own
    assert "şarip" not in analyse("CHARIP").keys


@pytest.mark.parametrize("word", ["Ivanov", "Aboubakarov", "Djamal", "Магомед", ""])
def test_words_the_reading_adds_nothing_to_keep_their_analysis(word: str) -> None:
    assert analyse(word, FRENCH) is analyse(word)


_LATIN_WORD = st.text(alphabet="abcdeghijklmnorstuvyz", min_size=1, max_size=12)
_GIVEN_NAME_SURNAME = st.builds(
    "".join,
    st.tuples(
        st.sampled_from([form for forms in GIVEN_NAMES for form in forms if form.isascii()]),
        st.sampled_from(["", "ov", "ova", "in", "ine", "ich", "uk", "enko"]),
    ),
)


@settings(max_examples=500, deadline=None)
@given(st.one_of(_LATIN_WORD, _GIVEN_NAME_SURNAME))
def test_a_word_keeps_its_own_analysis_only_when_the_reading_adds_no_key(word: str) -> None:
    # The word read in full by the French table (what analyse skips when it can tell that the
    # reading adds nothing) has the same keys as analyse's answer.
    read = _analyse_folded(_fold(word), french=True)
    assert analyse(word, FRENCH).keys == read.keys


def test_an_unknown_reading_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown reading"):
        analyse("Charip", "klingon")


# --- property: every word of a French-table name meets its ICAO spelling ---------------------

_ONSETS = [*list("бвгдзклмнпрстфхцчшщж"), "дж"]
_VOWELS = list("аеиоуэ")  # no ы: French writes гы as guy, which no reading here undoes
_CODAS = ["", "", "й", "н", "р", "л", "м", "с"]
_SUFFIXES = ["ов", "ев", "ин", "", "ова", "ина"]


@st.composite
def _russian_word(draw: st.DrawFn) -> str:
    syllables = [
        draw(st.sampled_from(_ONSETS))
        + draw(st.sampled_from(_VOWELS))
        + draw(st.sampled_from(_CODAS))
        for _ in range(draw(st.integers(1, 3)))
    ]
    return "".join(syllables)


def _french(word: str) -> str:
    return str(iuliia.MVD_310_FR.translate(word)).capitalize()


def _icao(word: str) -> str:
    return str(iuliia.ICAO_DOC_9303.translate(word)).upper()


@settings(max_examples=300, deadline=None)
@given(_russian_word(), _russian_word(), st.sampled_from(_SUFFIXES))
def test_french_table_names_meet_their_icao_spelling_word_by_word(
    given_name: str, stem: str, suffix: str
) -> None:
    words = [given_name, stem + suffix]
    french = [_french(w) for w in words]
    reading = name_reading(french)
    for cyrillic, spelled in zip(words, french, strict=True):
        assert analyse(spelled).keys <= analyse(spelled, reading).keys
        if reading == FRENCH:
            assert _shared(spelled, _icao(cyrillic), reading), (spelled, _icao(cyrillic))
