import pytest

from redwatch.names.parse import (
    Role,
    looks_like_patronymic,
    looks_like_surname,
    parse_name,
    parse_notice_name,
)


def _roles(text: str) -> list[tuple[str, Role]]:
    return [(t.text, t.role) for t in parse_name(text).tokens]


G, F, P = Role.GIVEN, Role.FAMILY, Role.PATRONYMIC


@pytest.mark.parametrize(
    ("text", "expected", "known"),
    [
        ("Mustafa Dzhemilev", [("Mustafa", G), ("Dzhemilev", F)], False),
        (
            "Dzhemilev Mustafa",
            [("Dzhemilev", F), ("Mustafa", G)],
            False,
        ),  # -ev looks like a surname
        ("DZHEMILEV Mustafa", [("DZHEMILEV", F), ("Mustafa", G)], True),  # upper-case first
        ("Mustafa DZHEMILEV", [("Mustafa", G), ("DZHEMILEV", F)], True),
        ("Dzhemilev, Mustafa", [("Dzhemilev", F), ("Mustafa", G)], True),
        (
            "Джемилев Мустафа Абдульджемилевич",
            [("Джемилев", F), ("Мустафа", G), ("Абдульджемилевич", P)],
            False,
        ),
        (
            "Мустафа Абдульджемилевич Джемилев",
            [("Мустафа", G), ("Абдульджемилевич", P), ("Джемилев", F)],
            False,
        ),
        ("Ivanova Anna Petrovna", [("Ivanova", F), ("Anna", G), ("Petrovna", P)], False),
        ("Emir-Usein Kuku", [("Emir-Usein", G), ("Kuku", F)], False),
        ("Abdul Rahman Ahmadi", [("Abdul", G), ("Rahman", G), ("Ahmadi", F)], False),
        (
            "Elnur Radzhab ogly Mamedov",
            [("Elnur", G), ("Radzhab", P), ("ogly", P), ("Mamedov", F)],
            False,
        ),
        ("Mustafa", [("Mustafa", F)], False),
        ("O'Brien, Sean", [("O'Brien", F), ("Sean", G)], True),
        ("Знам'янка Оксана", [("Знам'янка", G), ("Оксана", F)], False),
    ],
)
def test_parse_name(text: str, expected: list[tuple[str, Role]], known: bool) -> None:
    parts = parse_name(text)
    assert [(t.text, t.role) for t in parts.tokens] == expected
    assert parts.roles_known is known


def test_hyphenated_token_keeps_its_pieces() -> None:
    token = parse_name("Emir-Usein Kuku").tokens[0]
    assert token.parts == ("Emir", "Usein")


def test_compound_surname_in_capitals() -> None:
    parts = parse_name("Elvin José PEREZ GOMEZ")
    assert [t.text for t in parts.family] == ["PEREZ", "GOMEZ"]
    assert [t.text for t in parts.given] == ["Elvin", "José"]


def test_particles_are_flagged() -> None:
    parts = parse_name("Aurelio de Jesús Barrios de Leon")
    assert [t.text for t in parts.tokens if t.particle] == ["de", "de"]


def test_punctuation_and_noise_are_ignored() -> None:
    assert [t.text for t in parse_name("  «Mustafa»   Cemilev!! 1943 ").tokens] == [
        "Mustafa",
        "Cemilev",
    ]
    assert parse_name("").tokens == ()
    assert parse_name("1990 / -").tokens == ()


def test_parse_notice_name() -> None:
    parts = parse_notice_name("PEREZ GOMEZ", "ELVIN JOSE")
    assert [(t.text, t.role) for t in parts.tokens] == [
        ("PEREZ", F),
        ("GOMEZ", F),
        ("ELVIN", G),
        ("JOSE", G),
    ]
    assert parts.roles_known


def test_notice_alias_in_parentheses() -> None:
    parts = parse_notice_name("ANGELOV (STOYANOV)", "GYURDZHAN")
    assert [(t.text, t.alias) for t in parts.family] == [("ANGELOV", False), ("STOYANOV", True)]


def test_notice_placeholders_and_missing_fields() -> None:
    assert parse_notice_name("SHAPAN", None).given == ()
    assert parse_notice_name("SHAPAN", "-").given == ()
    assert parse_notice_name(None, "ALI").family == ()


def test_notice_azerbaijani_patronymic_in_forename() -> None:
    parts = parse_notice_name("MAMEDOV", "ELNUR RADZHAB OGLY")
    assert [t.text for t in parts.given] == ["ELNUR"]
    assert [t.text for t in parts.patronymic] == ["RADZHAB", "OGLY"]


def test_notice_family_word_is_never_relabelled() -> None:
    parts = parse_notice_name("ABRAMOVICH", "ROMAN")
    assert [t.text for t in parts.family] == ["ABRAMOVICH"]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Abdulovich", True),
        ("Petrovna", True),
        ("Ivanivna", True),
        ("Абдульджемилевич", True),
        ("Kırımoğlu", True),
        ("Mustafa", False),
        ("Ivanov", False),
    ],
)
def test_looks_like_patronymic(word: str, expected: bool) -> None:
    assert looks_like_patronymic(word) is expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Dzhemilev", True),
        ("Tsikhanouskaya", True),
        ("Tikhanovskaya", True),
        ("Shevchenko", True),
        ("Khangoshvili", True),
        ("Mustafa", False),
        ("Ov", False),
    ],
)
def test_looks_like_surname(word: str, expected: bool) -> None:
    assert looks_like_surname(word) is expected


def test_a_particle_word_alone_is_a_name() -> None:
    # Vietnamese LE and DO are family names; a notice surname EL is the whole surname.
    assert not any(t.particle for t in parse_notice_name("LE", "VAN THANH").tokens)
    assert not any(t.particle for t in parse_notice_name("DO", "VAN HUNG").tokens)
    assert not any(t.particle for t in parse_notice_name("EL", "AHMED").tokens)


def test_particles_connect_to_a_name_word_of_their_field() -> None:
    parts = parse_notice_name("VAN DER BERG", "JAN")
    assert [t.text for t in parts.tokens if t.particle] == ["VAN", "DER"]
    # In the forename only the Arabic connectors are particles (not Vietnamese VAN).
    parts = parse_notice_name("MUSA", "AHMAD BIN ALI")
    assert [t.text for t in parts.tokens if t.particle] == ["BIN"]
