"""Indicators and levels on charge texts copied from real public notices (Nov 2023).

The texts are embedded so that these tests run without ../shared; the same texts occur in
``details-2023-11.jsonl`` (checked by ``test_real_data.py`` when the file is present).
"""

from __future__ import annotations

from typing import Any

import pytest

from redwatch.risk import (
    ELEVATED,
    HIGH,
    NONE,
    Assessment,
    Flag,
    Rules,
    assess_detail,
    assess_notice,
)
from redwatch.risk.issuers import parse_issuers


def notice(
    charge: str | None,
    issuer: str = "RU",
    *,
    nationalities: list[str] | None = None,
    place: str | None = None,
) -> dict[str, Any]:
    return {
        "entity_id": "2020/1",
        "nationalities": nationalities if nationalities is not None else ["RU"],
        "place_of_birth": place,
        "country_of_birth_id": None,
        "arrest_warrants": [
            {"charge": charge, "issuing_country_id": issuer, "charge_translation": None}
        ],
    }


def codes(assessment: Assessment) -> set[str]:
    return {flag.code for flag in assessment.flags}


# Real charges: the commonest Russian ones (foreign fighters and Crimean Tatars alike).
REAL_DUAL_USE = [
    "participation in illegal armed formation",
    "Participation in illegal armed formation.",
    "participation in the activity of a terrorist organization; participation in the "
    "activity of an illegal armed formation",
    "Organization of activity of the terrorist organization and participation in activity "
    "of such organization. \nParticipation in illegal armed formation.",
    # typos as filed
    "getting trained with the aim of terrorist activity; participation in the activity of a "
    "terrorist organization; participation in an illegal arned formation",
    "particpation in an illegal armed formation",
    "Piarticipaton in illegal armed formation",
    "participation in illegal armed fromation",
    "participation in activity of a terrorist  organization, pParticipation in illegal armed "
    "ormation",
    "Participation in terrroist organization; participation in illegal armed formation.",
    "Participation in organization which is recognized as terrorist in accordance with the "
    "legislation of Russian Federation.",
    "financing of terrorism",
    "Contributing to Terrorist Activity",
    "particpation in an illegal armed group",
]


@pytest.mark.parametrize("charge", REAL_DUAL_USE)
def test_real_russian_dual_use_charges_alone_are_elevated(charge: str) -> None:
    assessment = assess_detail(notice(charge))
    assert codes(assessment) == {"issuer_abuse", "dual_use_charge"}
    assert assessment.level == ELEVATED
    flag = next(f for f in assessment.flags if f.code == "dual_use_charge")
    written = " ".join(charge.split()).lower()
    assert all(part.lower() in written for part in flag.evidence.split("; "))
    assert any("Art. 83" in g or "Art. 82-83" in g for g in flag.grounds)


def test_el_salvador_gang_terrorism_charges_are_not_flagged() -> None:
    for charge in (
        "ORGANIZACIONES TERRORISTAS",
        "HOMICIDIO AGRAVADO Y ORGANIZACIONES TERRORISTAS",
        "Organizaciones Terroristas y Extorsión Agravada",
    ):
        assessment = assess_detail(notice(charge, "SV", nationalities=["SV"]))
        assert assessment.flags == []
        assert assessment.level == NONE
        assert "terrorism" in assessment.categories


def test_ordinary_russian_charge_is_context_only() -> None:
    assessment = assess_detail(
        notice("Especially large scale fraud (two crimes), large scale fraud")
    )
    assert codes(assessment) == {"issuer_abuse"}
    assert assessment.level == NONE
    assert assessment.categories == ["fraud_economic"]


def test_dual_use_charge_with_ukrainian_national_is_high() -> None:
    assessment = assess_detail(
        notice("participation in terrorist organization", nationalities=["UA"])
    )
    assert codes(assessment) == {"issuer_abuse", "dual_use_charge", "ukrainian_sought_by_russia"}
    assert assessment.level == HIGH
    assert assessment.basis[0].startswith("H1")


def test_crimean_birthplace_with_dual_use_charge_is_high() -> None:
    assessment = assess_detail(
        notice(
            "Organization of activity of the terrorist organization and participation in "
            "activity of such organization",
            place="SIMFEROPOL, AUTONOMOUS REPUBLIC OF CRIMEA",
        )
    )
    assert "occupied_territory" in codes(assessment)
    assert assessment.level == HIGH
    flag = next(f for f in assessment.flags if f.code == "occupied_territory")
    assert "SIMFEROPOL" in flag.evidence
    assert any("Geneva" in g for g in flag.grounds)


def test_crimean_birthplace_matters_only_when_the_occupier_asks() -> None:
    # Real notice 2022/46926: born "Crimea, Yalta", sought by Poland for murder.
    assessment = assess_detail(notice("murder", "PL", nationalities=["UA"], place="Crimea, Yalta"))
    assert assessment.flags == []
    assert assessment.level == NONE


def test_ukrainian_sought_by_russia_for_an_ordinary_crime_is_elevated() -> None:
    # Real notice 2016/17689 (born "KHARKOV TOWN").
    assessment = assess_detail(
        notice("Intentional infliction of a grave injury.", nationalities=["UA"])
    )
    assert codes(assessment) == {"issuer_abuse", "ukrainian_sought_by_russia"}
    assert assessment.level == ELEVATED


def test_pure_political_offence_from_a_listed_state_is_high() -> None:
    assessment = assess_detail(
        notice("Incitement of Hatred or Enmity, as Well as Abasement of Human Dignity")
    )
    assert "political_offence" in codes(assessment)
    assert assessment.level == HIGH
    assert assessment.basis == ["H3: political offence asked for by a state with documented abuse"]


def test_political_offence_from_an_unlisted_state_is_elevated() -> None:
    assessment = assess_detail(notice("Державна зрада", "UA", nationalities=["UA"]))
    assert codes(assessment) == {"political_offence"}
    assert assessment.level == ELEVATED


@pytest.mark.parametrize(
    ("charge", "category"),
    [
        ("Участие в незаконном вооружённом формировании (ч. 2 ст. 208 УК РФ)", "armed_formation"),
        ("ч. 2 ст. 205.5 УК РФ", "terrorism"),
        (
            "Публичные призывы к осуществлению террористической деятельности\r\n"
            "(ч. 2 ст. 205.2 УК РФ)",
            "justifying_terrorism",
        ),
        ("Art. 207.3 of the Criminal Code of the Russian Federation", "army_fakes"),
        ("ст. 280.3 УК РФ", "army_fakes"),
        ("Массовые беспорядки (ч. 2 ст. 212 УК РФ)", "mass_riots"),
        ("Государственная измена (ст. 275 УК РФ)", "treason_espionage"),
        ("ст. 275.1 УК РФ", "treason_espionage"),
        ("ст. 276 УК РФ", "treason_espionage"),
        ("ст. 281 УК РФ", "sabotage"),
        ("ч. 1 ст. 282.2 УК РФ", "extremism"),
        ("ст. 318 УК РФ", "violence_against_officials"),
        ("статья 280.1 УК РФ", "extremism"),
    ],
)
def test_russian_articles_by_number(charge: str, category: str) -> None:
    assessment = assess_detail(notice(charge))
    assert category in assessment.categories
    assert assessment.level in (ELEVATED, HIGH)


def test_article_numbers_of_other_codes_are_not_read_as_russian() -> None:
    # Real: Bolivia's "ART. 308(VIOLACION)" is rape, not Russian Art. 308.
    assessment = assess_detail(notice("ART. 308(VIOLACION) DEL CODIGO PENAL BOLIVIANO", "BO"))
    assert assessment.categories == ["sexual_offences"]


def test_conflict_linked_charge() -> None:
    assessment = assess_detail(
        notice(
            "Participation in an armed formation on the territory of the foreign state that is "
            "not provided for by a federal law of this state"
        )
    )
    assert {"dual_use_charge", "conflict_linked"} <= codes(assessment)
    mercenary = assess_detail(notice("Participation in an armed conflict as a mercenary"))
    assert "conflict_linked" in codes(mercenary)


def test_war_crimes_are_not_conflict_flags() -> None:
    assessment = assess_detail(notice("War crimes and crimes against humanity", "914"))
    assert assessment.flags == []
    assert assessment.categories == ["international_crimes"]


def test_retroactive_crimea() -> None:
    charge = (
        "Массовые беспорядки 26 февраля 2014 года у здания Верховного Совета Автономной "
        "Республики Крым в г. Симферополь (ч. 2 ст. 212 УК РФ)"
    )
    assessment = assess_detail(notice(charge, nationalities=["UA"]))
    assert "retroactive_crimea" in codes(assessment)
    assert assessment.level == HIGH
    flag = next(f for f in assessment.flags if f.code == "retroactive_crimea")
    assert "2014-02-26" in flag.reason
    assert any("91-FZ" in g for g in flag.grounds)
    later = assess_detail(notice(charge.replace("26 февраля 2014", "26 февраля 2015")))
    assert "retroactive_crimea" not in codes(later)


def test_assess_notice_reads_a_stored_row() -> None:
    detail = notice("participation in terrorist organization", place="YALTA")
    row = {
        "entity_id": "2020/1",
        "name": "X",
        "forename": "Y",
        "nationalities": ["RU", "UA"],
        "issuing_countries": ["RU"],
        "list_fields": {},
        "detail_fields": {k: v for k, v in detail.items() if k != "nationalities"},
    }
    assessment = assess_notice(row)
    assert assessment.level == HIGH
    assert {"ukrainian_sought_by_russia", "occupied_territory"} <= codes(assessment)
    document = assessment.as_dict()
    assert set(document) >= {"level", "flags"}
    assert set(document["flags"][0]) == {"code", "reason", "evidence", "grounds"}
    no_detail = assess_notice({**row, "detail_fields": None})
    assert codes(no_detail) == {"issuer_abuse", "ukrainian_sought_by_russia"}


def test_own_issuer_list_changes_the_rules_version() -> None:
    issuers = parse_issuers('{"issuers": [{"code": "sv", "name": "X", "sources": ["a report"]}]}')
    rules = Rules.with_issuers(issuers)
    assessment = assess_detail(notice("ORGANIZACIONES TERRORISTAS", "SV"), rules)
    assert "dual_use_charge" in codes(assessment)
    assert assessment.rules != assess_detail(notice("x")).rules
    russian = assess_detail(notice("participation in terrorist organization"), rules)
    assert "issuer_abuse" not in codes(russian)


def test_flag_is_a_plain_value() -> None:
    flag = Flag("x", "why", "words", ["ground"])
    assert flag.as_dict() == {
        "code": "x",
        "reason": "why",
        "evidence": "words",
        "grounds": ["ground"],
    }


def test_foreign_fighters_extremist_training_is_conflict_not_speech() -> None:
    # Real (Kyrgyzstan): a miss found while labelling — "extremist" raised a political flag.
    charge = (
        "Participation of the citizen of the Kyrgyz Republic in armed conflicts or military "
        "actions on the territory of a foreign country or passage for terrorist and extremist "
        "training"
    )
    assessment = assess_detail(notice(charge, "KG", nationalities=["KG"]))
    assert codes(assessment) == {"conflict_linked"}
    assert assessment.level == ELEVATED
    speech = assess_detail(notice("Public calls to extremist activity", "KG"))
    assert codes(speech) == {"political_offence"}


def test_russian_text_with_place_and_year_keeps_abbreviations_in_the_evidence() -> None:
    charge = "Участие в массовых беспорядках в г. Бахчисарай в 2013 году (ч. 2 ст. 212 УК РФ)"
    assessment = assess_detail(notice(charge, nationalities=["UA"]))
    flags = {flag.code: flag for flag in assessment.flags}
    assert flags["dual_use_charge"].evidence == charge
    assert flags["occupied_territory"].evidence == "charge: Бахчисарай"
    assert "retroactive_crimea" in flags
    english = assess_detail(
        notice(
            "Organisation of mass riots in Simferopol on February 26, 2014 (Art. 212 Part 1 of "
            "the Criminal Code of the Russian Federation)"
        )
    )
    assert "retroactive_crimea" in codes(english)
    assert english.level == HIGH


@pytest.mark.parametrize(
    ("charge", "category", "level"),
    [
        ("ч. 1 ст. 361-1 УК Республики Беларусь", "extremism", HIGH),
        ("Art. 342 part 1", "mass_riots", ELEVATED),
        ("Insulting the President of the Republic of Belarus", "insulting_authorities", HIGH),
        ("Массовые беспорядки (ч. 2 ст. 293 УК)", "mass_riots", ELEVATED),
    ],
)
def test_belarusian_articles(charge: str, category: str, level: str) -> None:
    assessment = assess_detail(notice(charge, "BY", nationalities=["BY"]))
    assert category in assessment.categories
    assert assessment.level == level


def test_belarusian_numbers_are_not_read_in_russian_warrants() -> None:
    # Russian Art. 342 is not a protest charge: no category from the number alone.
    assert assess_detail(notice("Art. 342 part 1")).categories == ["other"]
