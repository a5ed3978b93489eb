"""The table of given names that are one name in several languages."""

from redwatch.names.given_names import GIVEN_NAMES
from redwatch.names.phonetic import GIVEN_NAME_MARK, phonetic_key, phonetic_keys


def _classes(word: str) -> set[str]:
    return {k for k in phonetic_keys(word) if k.startswith(GIVEN_NAME_MARK)}


def test_no_spelling_belongs_to_two_names() -> None:
    owner: dict[str, int] = {}
    for number, forms in enumerate(GIVEN_NAMES):
        for form in forms:
            key = phonetic_key(form)
            assert owner.setdefault(key, number) == number, (form, GIVEN_NAMES[owner[key]])


def test_every_form_of_a_line_meets_the_others() -> None:
    for forms in GIVEN_NAMES:
        shared = set.intersection(*(_classes(form) for form in forms))
        assert shared, forms


def test_romanised_forms_meet_in_every_system() -> None:
    for a, b in [
        ("Mykola", "NIKOLAI"),
        ("Mikalai", "NIKOLAY"),
        ("Oleksandr", "Alexander"),
        ("Aliaksandr", "ALEKSANDR"),
        ("Yurii", "IURII"),
        ("Siarhei", "SERGEI"),
        ("Tetiana", "TATIANA"),
    ]:
        assert _classes(a) & _classes(b), (a, b)


def test_other_names_and_genders_stay_apart() -> None:
    for a, b in [("Aleksandr", "Aleksandra"), ("Yevgeniy", "Yevgeniya"), ("Ivan", "Ian")]:
        assert not _classes(a) & _classes(b), (a, b)
