"""Cyrillic → Latin in every system that police and the people themselves use.

A red notice holds whatever romanisation the issuing police chose. Russia alone has used
MVD 310-1997, MVD 782-2000, GOST R 52535.1-2006 and ICAO Doc 9303 (passports since 2013),
and the press uses BGN/PCGN. Ukrainians write KMU-2010, Belarusians their passport or national
system, Crimean Tatars their own Latin alphabet. ``romanizations`` gives all of them so that
explanations and benchmarks can name the system behind a spelling.

Russian tables come from ``iuliia`` and the Ukrainian one from ``translitua``; both are wrapped
per word because their handling of ALL-CAPS words is wrong (see ``_by_word``). Belarusian and
Crimean Tatar tables are written here by hand: no maintained Python package implements them
(ICU has only BGN Belarusian, and MediaWiki's CrhConverter is PHP).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from enum import StrEnum
from functools import lru_cache

import iuliia
import translitua

from redwatch.names.scripts import Orthography, Script, detect_script, guess_orthographies

__all__ = [
    "BELARUSIAN_SYSTEMS",
    "RUSSIAN_SYSTEMS",
    "SYSTEM_LABELS",
    "System",
    "belarusian_bgn",
    "belarusian_national",
    "belarusian_passport",
    "bgn_pcgn",
    "crimean_tatar_to_cyrillic",
    "crimean_tatar_to_latin",
    "gost_52535",
    "icao_9303",
    "kmu_2010",
    "mvd_310",
    "mvd_782",
    "romanizations",
    "romanizations_by_system",
    "romanize",
    "russianise",
]


class System(StrEnum):
    ICAO_9303 = "icao_9303"
    GOST_52535 = "gost_52535"
    MVD_310 = "mvd_310"
    MVD_782 = "mvd_782"
    BGN_PCGN = "bgn_pcgn"
    KMU_2010 = "kmu_2010"
    BELARUSIAN_PASSPORT = "belarusian_passport"
    BELARUSIAN_NATIONAL = "belarusian_national"
    BELARUSIAN_BGN = "belarusian_bgn"
    CRIMEAN_TATAR = "crimean_tatar"


SYSTEM_LABELS: dict[System, str] = {
    System.ICAO_9303: "ICAO 9303",
    System.GOST_52535: "GOST R 52535.1",
    System.MVD_310: "MVD 310-1997",
    System.MVD_782: "MVD 782-2000",
    System.BGN_PCGN: "BGN/PCGN",
    System.KMU_2010: "Ukrainian KMU-2010",
    System.BELARUSIAN_PASSPORT: "Belarusian passport",
    System.BELARUSIAN_NATIONAL: "Belarusian national",
    System.BELARUSIAN_BGN: "BGN/PCGN Belarusian",
    System.CRIMEAN_TATAR: "Crimean Tatar Latin",
}
"""Short names for explanations: ICAO 9303 is Russian passports since 2013, MVD 310-1997
the passports of 1997-2010, KMU-2010 Ukrainian passports, BGN/PCGN the press and maps."""

RUSSIAN_SYSTEMS = (
    System.ICAO_9303,
    System.GOST_52535,
    System.MVD_310,
    System.MVD_782,
    System.BGN_PCGN,
)
BELARUSIAN_SYSTEMS = (
    System.BELARUSIAN_PASSPORT,
    System.BELARUSIAN_NATIONAL,
    System.BELARUSIAN_BGN,
)

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'", "´": "'", "ʹ": "'"})
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")


def _turkic_upper(text: str) -> str:
    return text.replace("i", "İ").replace("ı", "I").upper()


def _recase(original: str, romanised: str, *, turkic: bool = False) -> str:
    upper = _turkic_upper if turkic else str.upper
    if not romanised:
        return romanised
    if len(original) > 1 and original.isupper():
        return upper(romanised)
    if original[0].isupper():
        return upper(romanised[0]) + romanised[1:]
    return romanised


def _turkic_lower(text: str) -> str:
    return text.replace("I", "ı").replace("İ", "i").lower()


def _by_word(
    text: str,
    convert: Callable[[str], str],
    *,
    turkic: bool = False,
    lower: Callable[[str], str] = str.lower,
) -> str:
    """Convert word by word from lower case, then restore each word's case.

    Both libraries mis-case ALL-CAPS input: iuliia capitalises multi-letter outputs
    (``ЮЛИЯ`` → ``IuLIIa`` with iuliia 0.13) and translitua upper-cases the result only when the
    whole text is upper case. Names arrive in every case, so we never let them see case.
    """
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES)

    def one(match: re.Match[str]) -> str:
        word = match.group()
        return _recase(word, convert(lower(word)), turkic=turkic)

    return _WORD.sub(one, text)


# --- Russian (iuliia) -------------------------------------------------------------------

_IUILIIA_SCHEMAS = {
    System.ICAO_9303: iuliia.ICAO_DOC_9303,
    System.GOST_52535: iuliia.GOST_52535,
    System.MVD_310: iuliia.MVD_310,
    System.MVD_782: iuliia.MVD_782,
    System.BGN_PCGN: iuliia.BGN_PCGN,
}

# Non-Russian Cyrillic letters rewritten as a Russian registry office would spell them, so
# that Russian systems can romanise Ukrainian, Belarusian and Crimean Tatar names: Russian
# passports of Crimeans carry exactly such re-spellings (Джемілєв → Джемилев → DZHEMILEV).
_RUSSIANISE = str.maketrans({"і": "и", "ї": "и", "є": "е", "ґ": "г", "ў": "в", "'": ""})
_RUSSIANISE_DIGRAPHS = (("къ", "к"), ("гъ", "г"), ("нъ", "н"))


def russianise(word: str) -> str:
    """Spell a lower-case Ukrainian, Belarusian or Crimean Tatar word with Russian letters."""
    for digraph, letter in _RUSSIANISE_DIGRAPHS:
        word = word.replace(digraph, letter)
    return word.translate(_RUSSIANISE)


def _iuliia(system: System) -> Callable[[str], str]:
    schema = _IUILIIA_SCHEMAS[system]

    def convert(word: str) -> str:
        out = str(schema.translate(russianise(word)))
        # iuliia 0.13 writes BGN/PCGN ë as the *Cyrillic* letter ё (Ёлкин → Yёlkin); the
        # standard's letter is Latin ë (U+00EB).
        return out.replace("ё", "ë")

    return convert


# --- Ukrainian (translitua) ---------------------------------------------------------------

_UKRAINIANISE = str.maketrans({"ы": "и", "э": "е", "ъ": "'", "ё": "ьо"})


def _kmu_2010(word: str) -> str:
    # translitua's UkrainianKMU follows the 2010 resolution (checked against its examples in
    # tests/names/test_romanize.py). Its RussianInternationalPassport is the 1997 MVD table,
    # not ICAO, so Russian names go through iuliia instead.
    return str(translitua.translit(word.translate(_UKRAINIANISE), translitua.UkrainianKMU))


# --- Belarusian (by hand) -------------------------------------------------------------------

_BE_VOWELS = frozenset("аеёіоуыэюяиў'ь")
_BE_COMMON = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "h",
    "ґ": "g",
    "д": "d",
    "з": "z",
    "і": "i",
    "и": "i",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "ы": "y",
    "э": "e",
}
# Iotated vowels: (at word start / after a vowel, after a consonant).
_BE_PASSPORT = _BE_COMMON | {
    "ж": "zh",
    "й": "i",
    "ў": "u",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ь": "",
    "ъ": "",
    "'": "",
}
_BE_PASSPORT_IOTATED = {"е": ("ye", "e"), "ё": ("yo", "io"), "ю": ("yu", "iu"), "я": ("ya", "ia")}
_BE_BGN = _BE_COMMON | {
    "ж": "zh",
    "й": "y",
    "ў": "w",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ь": "’",
    "ъ": "”",
    "'": "”",
}
_BE_BGN_IOTATED = {"е": ("ye", "ye"), "ё": ("yo", "yo"), "ю": ("yu", "yu"), "я": ("ya", "ya")}
_BE_NATIONAL = _BE_COMMON | {
    "ж": "ž",
    "й": "j",
    "ў": "ŭ",
    "х": "ch",
    "ц": "c",
    "ч": "č",
    "ш": "š",
    "щ": "šč",
    "ь": "",
    "ъ": "",
    "'": "",
}
_BE_NATIONAL_IOTATED = {"е": ("je", "ie"), "ё": ("jo", "io"), "ю": ("ju", "iu"), "я": ("ja", "ia")}
_BE_NATIONAL_SOFT = {"з": "ź", "л": "ĺ", "н": "ń", "с": "ś", "ц": "ć"}


def _belarusian(
    table: dict[str, str],
    iotated: dict[str, tuple[str, str]],
    soft: dict[str, str] | None = None,
) -> Callable[[str], str]:
    def convert(word: str) -> str:
        out: list[str] = []
        for i, char in enumerate(word):
            prev = word[i - 1] if i else ""
            nxt = word[i + 1] if i + 1 < len(word) else ""
            if char in iotated:
                start, after_consonant = iotated[char]
                out.append(start if not prev or prev in _BE_VOWELS else after_consonant)
            elif soft is not None and char in soft and nxt == "ь":
                out.append(soft[char])
            elif char == "т" and nxt == "с" and table is _BE_BGN:
                out.append("t·")  # BGN/PCGN writes тс as t·s so it is not read as ц
            else:
                out.append(table.get(char, char))
        return "".join(out)

    return convert


# --- Crimean Tatar (by hand, after MediaWiki's CrhConverter) -------------------------------
# CrhConverter (languages/LanguageCrh.php) adds word exception lists that need a dictionary;
# we implement its letter table and the context rules that matter for names: digraphs,
# е/ё/ю/я by position, я → â and ё/ю → ö/ü after consonants, and the soft sign fronting
# о/у to ö/ü.

_CRH_VOWELS_CYR = frozenset("аеёиоуыэюяьъ")
_CRH_C2L_DIGRAPHS = {"къ": "q", "гъ": "ğ", "нъ": "ñ", "дж": "c"}
_CRH_C2L = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "ж": "j",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "h",
    "ц": "ts",
    "ч": "ç",
    "ш": "ş",
    "щ": "şç",
    "ы": "ı",
    "э": "e",
    "ь": "",
    "ъ": "",
    "'": "",
}
# (word start / after a vowel, after a consonant)
_CRH_C2L_IOTATED = {"е": ("ye", "e"), "ё": ("yo", "ö"), "ю": ("yu", "ü"), "я": ("ya", "â")}


def crimean_tatar_to_latin(text: str) -> str:
    """Crimean Tatar Cyrillic → Latin (Къайбуллаев → Qaybullayev, Джемилев → Cemilev)."""
    return _by_word(text, _crh_c2l_word, turkic=True)


def _crh_c2l_word(word: str) -> str:
    fronted = _crh_soft_word(word)
    out: list[str] = []
    i = 0
    prev_vowel = True  # word start behaves like "after a vowel"
    while i < len(word):
        pair = word[i : i + 2]
        if pair in _CRH_C2L_DIGRAPHS:
            out.append(_CRH_C2L_DIGRAPHS[pair])
            prev_vowel = False
            i += 2
            continue
        char = word[i]
        if char in _CRH_C2L_IOTATED:
            start, after_consonant = _CRH_C2L_IOTATED[char]
            out.append(start if prev_vowel else after_consonant)
        elif fronted and char in "оу" and char == fronted:
            out.append("ö" if char == "о" else "ü")
            fronted = ""
        else:
            out.append(_CRH_C2L.get(char, char))
        prev_vowel = char in _CRH_VOWELS_CYR
        i += 1
    return "".join(out)


def _crh_soft_word(word: str) -> str:
    """The back vowel a final soft sign turns front ("озь" is öz), or "" when none does."""
    if not word.endswith("ь") or len(word) < 3:
        return ""
    vowels = [c for c in word if c in "аеиоуыэ"]
    if len(vowels) == 1 and vowels[0] in "оу":
        return vowels[0]
    return ""


_CRH_L2C_SINGLE = {
    "a": "а",
    "b": "б",
    "c": "дж",
    "ç": "ч",
    "d": "д",
    "e": "е",
    "f": "ф",
    "g": "г",
    "ğ": "гъ",
    "h": "х",
    "ı": "ы",
    "i": "и",
    "j": "ж",
    "k": "к",
    "l": "л",
    "m": "м",
    "n": "н",
    "ñ": "нъ",
    "o": "о",
    "p": "п",
    "q": "къ",
    "r": "р",
    "s": "с",
    "ş": "ш",
    "t": "т",
    "u": "у",
    "v": "в",
    "y": "й",
    "z": "з",
    "x": "кс",
    "w": "в",
}
_CRH_L2C_Y = {"a": "я", "u": "ю", "o": "ё", "e": "е"}
_CRH_LATIN_VOWELS = frozenset("aâeıioöuü")
_TURKIC_CASING_HINTS = frozenset("ığşçñâöüq")


def crimean_tatar_to_cyrillic(text: str) -> str:
    """Crimean Tatar Latin → Cyrillic (Qaybullayev → Къайбуллаев, Cemilev → Джемилев)."""
    if any(c in _TURKIC_CASING_HINTS for c in text.lower()):
        # Turkish casing (I is the capital of ı) when the text is plainly Turkic Latin;
        # otherwise I is taken as an ordinary i, as on any foreign keyboard.
        return _by_word(text, _crh_l2c_word, lower=_turkic_lower)
    return _by_word(text, _crh_l2c_word)


def _crh_l2c_word(word: str) -> str:
    out: list[str] = []
    i = 0
    prev_vowel = True
    while i < len(word):
        char = word[i]
        nxt = word[i + 1] if i + 1 < len(word) else ""
        if char == "y" and nxt in _CRH_L2C_Y:
            if not prev_vowel and i > 0 and not out[-1].endswith("ъ"):
                out.append("ь")  # Zekirya = Зекирья: y after a consonant is ь + я
            out.append(_CRH_L2C_Y[nxt])
            prev_vowel = True
            i += 2
            continue
        if char == "e" and i == 0:
            out.append("э")
        elif char in "âöü":
            plain = {"â": "а", "ö": "о", "ü": "у"}[char]
            soft = {"â": "я", "ö": "ё", "ü": "ю"}[char]
            out.append(plain if prev_vowel else soft)
        else:
            out.append(_CRH_L2C_SINGLE.get(char, char))
        prev_vowel = char in _CRH_LATIN_VOWELS
        i += 1
    return "".join(out)


# --- dispatch ---------------------------------------------------------------------------------

_CONVERTERS: dict[System, Callable[[str], str]] = {
    **{system: _iuliia(system) for system in RUSSIAN_SYSTEMS},
    System.KMU_2010: _kmu_2010,
    System.BELARUSIAN_PASSPORT: _belarusian(_BE_PASSPORT, _BE_PASSPORT_IOTATED),
    System.BELARUSIAN_NATIONAL: _belarusian(_BE_NATIONAL, _BE_NATIONAL_IOTATED, _BE_NATIONAL_SOFT),
    System.BELARUSIAN_BGN: _belarusian(_BE_BGN, _BE_BGN_IOTATED),
}


def romanize(text: str, system: System) -> str:
    """Romanise Cyrillic ``text`` by one system, keeping each word's case."""
    if system is System.CRIMEAN_TATAR:
        return crimean_tatar_to_latin(text)
    return _by_word(text, _CONVERTERS[system])


def icao_9303(text: str) -> str:
    """Russian passports since 2013 (Юлия → Iuliia, Объедкин → Obieedkin)."""
    return romanize(text, System.ICAO_9303)


def gost_52535(text: str) -> str:
    """GOST R 52535.1-2006 (Цой → Tcoi)."""
    return romanize(text, System.GOST_52535)


def mvd_310(text: str) -> str:
    """Russian passports 1997-2010 (Юлия → Yuliya)."""
    return romanize(text, System.MVD_310)


def mvd_782(text: str) -> str:
    """MVD order 782 of 2000 (Артём → Artyem)."""
    return romanize(text, System.MVD_782)


def bgn_pcgn(text: str) -> str:
    """BGN/PCGN, the press and maps (Ёлкин → Yëlkin)."""
    return romanize(text, System.BGN_PCGN)


def kmu_2010(text: str) -> str:
    """Ukrainian national system, resolution 55 of 2010 (Згорани → Zghorany)."""
    return romanize(text, System.KMU_2010)


def belarusian_passport(text: str) -> str:
    """Belarusian passport spelling (Ціханоўская → Tsikhanouskaya)."""
    return romanize(text, System.BELARUSIAN_PASSPORT)


def belarusian_national(text: str) -> str:
    """Belarusian national system of 2007 (Ціханоўская → Cichanoŭskaja)."""
    return romanize(text, System.BELARUSIAN_NATIONAL)


def belarusian_bgn(text: str) -> str:
    """BGN/PCGN Belarusian of 1979 (Ціханоўская → Tsikhanowskaya)."""
    return romanize(text, System.BELARUSIAN_BGN)


_SYSTEMS_FOR: dict[Orthography, tuple[System, ...]] = {
    Orthography.RUSSIAN: RUSSIAN_SYSTEMS,
    Orthography.UKRAINIAN: (System.KMU_2010, *RUSSIAN_SYSTEMS),
    Orthography.BELARUSIAN: (*BELARUSIAN_SYSTEMS, *RUSSIAN_SYSTEMS),
    Orthography.CRIMEAN_TATAR_CYRILLIC: (System.CRIMEAN_TATAR, *RUSSIAN_SYSTEMS),
}


@lru_cache(maxsize=65536)
def romanizations_by_system(text: str) -> dict[System, str]:
    """Each applicable system's spelling of ``text``; empty unless it has Cyrillic letters.

    Latin Crimean Tatar is first written back in Cyrillic, so that ``Qaybullayev`` also gives
    the Russian passport forms ``KAIBULLAEV`` (ICAO) and ``KAYBULLAYEV`` (BGN/PCGN).
    """
    script = detect_script(text)
    orthographies = guess_orthographies(text)
    if script is Script.LATIN and Orthography.CRIMEAN_TATAR_LATIN in orthographies:
        cyrillic = crimean_tatar_to_cyrillic(text)
        found = {s: romanize(cyrillic, s) for s in RUSSIAN_SYSTEMS}
        found[System.CRIMEAN_TATAR] = crimean_tatar_to_latin(cyrillic)
        return found
    if script not in (Script.CYRILLIC, Script.MIXED):
        return {}
    systems: dict[System, None] = {}
    for orthography in orthographies:
        systems.update(dict.fromkeys(_SYSTEMS_FOR.get(orthography, ())))
    return {system: romanize(text, system) for system in systems}


def romanizations(text: str) -> set[str]:
    """Every plausible Latin spelling of a Cyrillic (or Crimean Tatar Latin) name."""
    found = set(romanizations_by_system(text).values())
    if detect_script(text) is Script.LATIN:
        found.add(text)
    return found
