"""Belarusian and Azerbaijani forms of Russian names, read on phonetic keys."""

import pytest

from redwatch.names.correspondences import (
    AZERBAIJANI_NOTES,
    BELARUSIAN_NOTES,
    azerbaijani_form,
    belarusian_form,
)
from redwatch.names.phonetic import phonetic_key


def _belarusian(belarusian: str, russian: str) -> frozenset[str] | None:
    return belarusian_form(phonetic_key(belarusian), phonetic_key(russian), belarusian.lower())


@pytest.mark.parametrize(
    ("belarusian", "russian", "rules"),
    [
        ("Лукашэнка", "Лукашенко", {"-ka=-ko"}),
        ("Lukashenka", "LUKASHENKO", {"-ka=-ko"}),
        ("Калеснікаў", "Колесников", {"akanne", "ў=в"}),
        ("Ярмошын", "Ермошин", {"yakanne"}),
        ("Бяляцкі", "Беляцкий", {"yakanne"}),
        ("Шаўцоў", "Шевцов", {"hard", "ў=в"}),
        ("Цапкала", "Цепкало", {"hard", "-ka=-ko"}),
        ("Цярэшка", "Терешко", {"ць=ть", "yakanne", "-ka=-ko"}),
        ("Навумчык", "Наумчик", {"в"}),
        ("Лявонава", "Леонова", {"в", "yakanne", "akanne"}),
        ("Лабковіч", "Лобкович", {"akanne"}),  # і marks a Belarusian spelling
    ],
)
def test_belarusian_forms_and_their_rules(belarusian: str, russian: str, rules: set[str]) -> None:
    assert _belarusian(belarusian, russian) == rules
    assert rules <= set(BELARUSIAN_NOTES)


@pytest.mark.parametrize(
    ("belarusian", "russian"),
    [
        ("Казаков", "Козаков"),  # two Russian families: akanne alone needs a Belarusian mark
        ("Pazniak", "POZNYAK"),
        ("Лукашенко", "Лукашэнка"),  # the Russian о is never the Belarusian а: one way only
        ("Лявонава", "Леонов"),  # the other gender form
        ("Ліяна", "Лена"),  # too short
        ("Калеснікаў", "Колесников"[:-1] + "ц"),  # a consonant differs
        ("Francisca", "FRANCISCO"),  # Spanish gender, not Belarusian -ka = -ko
        ("Claudia", "CLAUDIO"),  # Latin au is no Belarusian ў
        ("Patricia", "PATRICIO"),  # nor ci a Belarusian ць
        ("Alexandra", "ALEXANDRE"),  # a final а after р is not read as е
        ("Antonia", "ANTONIO"),
        ("Latushka", "LATUSHKO"),  # -ka = -ko with no other mark: left to the fuzzy rule
    ],
)
def test_not_belarusian_forms(belarusian: str, russian: str) -> None:
    assert _belarusian(belarusian, russian) is None


def test_variant_readings_that_are_belarusian_rules_count_as_evidence() -> None:
    # The key kavalev of Kavaliou comes from reading its final ou as ов (-оў).
    assert belarusian_form("kavalev", "kovalev", "kavaliou", frozenset({"ou=ov"})) == {
        "akanne",
        "ў=в",
    }
    assert belarusian_form("kavalev", "kovalev", "kavalev") is None  # akanne alone, no mark


@pytest.mark.parametrize(
    ("azerbaijani", "russian"),
    [
        ("Mammadov", "MAMEDOV"),
        ("Memmedov", "MAMEDOV"),  # ə written e
        ("Karimov", "KERIMOV"),
        ("Hasanova", "GASANOVA"),  # same key already: not a correspondence
        ("AHMADOVA", "Akhmedova"),
        ("Maharramov", "MAGERRAMOV"),
    ],
)
def test_azerbaijani_forms(azerbaijani: str, russian: str) -> None:
    a, r = phonetic_key(azerbaijani), phonetic_key(russian)
    expected = None if a == r else {"ə=a/e"}
    assert azerbaijani_form(a, r) == expected
    assert azerbaijani_form(r, a) == expected
    assert set(AZERBAIJANI_NOTES) == {"ə=a/e"}


@pytest.mark.parametrize(
    ("azerbaijani", "russian"),
    [
        ("Balov", "BELOV"),  # a stem of one syllable
        ("Alina", "ELINA"),  # a given name
        ("Mammadova", "MAMEDOV"),  # the other gender form
        ("Mamadov", "MAMEDEV"),  # the suffix differs
        ("Tursunov", "TERSUNOV"),  # u in the stem: not an Azerbaijani front stem
        ("Mammadov", "MAMADOK"),
    ],
)
def test_not_azerbaijani_forms(azerbaijani: str, russian: str) -> None:
    assert azerbaijani_form(phonetic_key(azerbaijani), phonetic_key(russian)) is None
