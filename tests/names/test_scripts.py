import pytest

from redwatch.names.scripts import Orthography, Script, detect_script, guess_orthographies


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("Mustafa Cemilev", Script.LATIN),
        ("Мустафа Джемилев", Script.CYRILLIC),
        ("MУСТАФА", Script.MIXED),  # a Latin M typed among Cyrillic letters
        ("محمد", Script.OTHER),
        ("1990 --", Script.NONE),
    ],
)
def test_detect_script(text: str, script: Script) -> None:
    assert detect_script(text) is script


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Джемілєв", Orthography.UKRAINIAN),  # і, є
        ("Ґалаґан", Orthography.UKRAINIAN),
        ("Їжакевич", Orthography.UKRAINIAN),
        ("Ціханоўская", Orthography.BELARUSIAN),  # ў
        ("Лукашэнка", Orthography.RUSSIAN),  # э without ў: Russian letters only
        ("Къайбуллаев", Orthography.CRIMEAN_TATAR_CYRILLIC),  # къ
        ("Гъафаров", Orthography.CRIMEAN_TATAR_CYRILLIC),
        ("Объедкин", Orthography.RUSSIAN),
        ("Məmmədov", Orthography.AZERBAIJANI),  # ə
        ("Añ", Orthography.CRIMEAN_TATAR_LATIN),  # ñ
        ("Qaybullayev", Orthography.CRIMEAN_TATAR_LATIN),  # q
        ("Kırımoğlu", Orthography.TURKISH),
        ("Cichanoŭskaja", Orthography.BELARUSIAN_LATIN),
        ("Dzhemilev", Orthography.ROMANISED),
    ],
)
def test_guess_orthography(text: str, first: Orthography) -> None:
    assert guess_orthographies(text)[0] is first


def test_shared_letters_keep_every_plausible_orthography() -> None:
    # Only letters common to Russian and Ukrainian: both stay plausible, Russian first.
    found = guess_orthographies("Мустафа Джемилев")
    assert found[:2] == (Orthography.RUSSIAN, Orthography.UKRAINIAN)
    assert Orthography.BELARUSIAN not in found  # Belarusian has no и


def test_ukrainian_letters_exclude_other_alphabets() -> None:
    assert guess_orthographies("Джемілєв") == (Orthography.UKRAINIAN,)
    assert guess_orthographies("Іван Бяліцкі") == (
        Orthography.UKRAINIAN,
        Orthography.BELARUSIAN,
    )


def test_turkish_letters_do_not_suggest_azerbaijani_with_circumflex() -> None:
    assert Orthography.AZERBAIJANI not in guess_orthographies("Kâmil Çelebi")


def test_no_letters_no_orthography() -> None:
    assert guess_orthographies("12/05") == ()
