"""Belarusian and Azerbaijani forms of a name against its Russian form, letter by letter.

A Belarusian registers as ``Лукашэнка`` and a Russian notice holds ``LUKASHENKO``; an
Azerbaijani passport holds ``MAMMADOV`` for the ``Мамедов`` of a Russian registry. These are
not two romanisations of one spelling (the keys of ``phonetic`` differ) but the same name in
two languages, whose spellings differ by a few *systematic* correspondences. Each is listed
below with its source; two keys agree when every difference between them is one of them.

Belarusian (the orthography of 2008, *Правілы беларускай арфаграфіі і пунктуацыі*, §§ on
аканне, яканне, hard consonants, ў, дзеканне and прыстаўное в; the Russian forms of the same
surnames in Бірыла, *Беларуская антрапанімія*):

===========  ======================================================  =======================
rule          Belarusian spelling = Russian spelling                  example
===========  ======================================================  =======================
akanne        а for unstressed о                                      Калеснікаў = Колесников
-ka=-ko       final -а for unstressed -о (-ка, -ла, -енка)            Лукашэнка = Лукашенко
yakanne       я for unstressed е                                      Ярмошын = Ермошин
hard          а after р ж ш ч ц дз (always hard) for е or я           Шаўцоў = Шевцов
ў=в           ў after a vowel for в                                   Калеснікаў = Колесников
ць=ть         ць, дзь (before a front vowel) for ть, дь                Цярэшка = Терешко
в             в before о, у after a vowel (epenthetic)                Навумчык = Наумчик
===========  ======================================================  =======================

Akanne inside a word is also how two Russian names can differ (Казаков and Козаков are two
families), a final -а for -о how Spanish and Italian names change gender (FRANCISCA,
FRANCISCO), and on Latin letters au and ci are also CLAUDIA and PATRICIA. So akanne, -ka=-ko,
ў=в and ць=ть count only in a word that shows it is Belarusian: a Belarusian letter (ў ŭ і
э, Łacinka ć ń ś ź ĺ ł č š ž), шы жы чы (Russian writes ши жи чи), дз (not the dzh of дж),
the endings -енка and -аў -оў -еў (-au -ou -eu), or yakanne, hard or в in the same word.
A final а after р is not read as е (ALEXANDRA, ALEXANDRE). Keys of fewer than seven letters
are not read at all: they are mostly given names, which the table of ``given_names`` links.

Azerbaijani (the Latin alphabet of 1991 and the passport transliteration, which writes ə
as A, as in MAMMADOV; the Russian registry writes ə as а or е: Мамедов, Керимов, Гасанов):

===========  ======================================================  =======================
ə=a/e         a or e typed for ə = Russian а or е                     Mammadov = Мамедов
===========  ======================================================  =======================

An ASCII ``a`` may be ə or a, so the rule is read only where it is an Azerbaijani family
name: a stem of two syllables or more with the Russian suffix -ов/-ев (-ова/-ева) that
Azerbaijani surnames kept, and with only the vowels ə (a, e), e and i in the stem, as Arabic
names take them in Azerbaijani (Məmməd, Kərim, Həsən, Məhərrəm; vowel harmony). Given names
are left to the table of ``given_names`` (Alina and Elina are two names).

Keys are compared, so ``Lukashenka``, ``Лукашэнка`` and ``LUKASHENKA`` are one Belarusian
form and every romanisation of the Russian form is one Russian form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

__all__ = ["AZERBAIJANI_NOTES", "BELARUSIAN_NOTES", "azerbaijani_form", "belarusian_form"]

_VOWELS = frozenset("aeiou")
_HARD = frozenset({"r", "ş", "j", "ç", "ts", "dz"})
"""Consonants that Belarusian always pronounces hard (р ж ш ч ц дз, as keys)."""
_UNITS = re.compile(r"ts|dz|.")

BELARUSIAN_NOTES = {
    "akanne": "Belarusian а for unstressed о (akanne)",
    "-ka=-ko": "Belarusian final -a = Russian -o (Lukashenka = LUKASHENKO)",
    "yakanne": "Belarusian я for unstressed е (yakanne)",
    "hard": "Belarusian а after a hard р ж ш ч ц for Russian е, я",
    "ў=в": "Belarusian ў = Russian в",
    "ць=ть": "Belarusian ць/дзь = Russian ть/дь",
    "в": "Belarusian в before о, у (Навум = Наум)",
}
AZERBAIJANI_NOTES = {
    "ə=a/e": "Azerbaijani ə, written a or e, = Russian а or е (Məmmədov = MAMEDOV)",
}

# Marks of a Belarusian spelling in the folded word (see the module docstring).
_BELARUSIAN_LETTERS = frozenset("ўŭіэćńśźĺłčšž")
_BELARUSIAN_SPELLINGS = re.compile(
    r"шы|жы|чы|дз|енка$|энка$|(?:sh|zh|ch|š|ž|č)y|dz(?!h)|enka$|[aoe]u$"
)
_EVIDENT = frozenset({"yakanne", "hard", "в"})
"""Rules that only a Belarusian spelling produces: each is evidence on its own. The others
are not, read on keys: a final -a for -o is how Spanish and Italian names change gender
(FRANCISCA, FRANCISCO), and Latin au, ci are also CLAUDIA and PATRICIA; they count in a
word with a mark of a Belarusian spelling (a final -аў -оў -еў is one)."""
_MIN_BELARUSIAN_KEY = 7
"""Shorter words are mostly given names (left to ``given_names``: DANIEL and DANIYAL, MARET
and MARIYAT are not read as я for е) or too short for two spellings to say much."""


def _units(key: str) -> tuple[str, ...]:
    return tuple(_UNITS.findall(key))


def _front(units: tuple[str, ...], at: int) -> bool:
    return at < len(units) and units[at] in ("i", "e")


def _readings(units: tuple[str, ...], at: int) -> Iterator[tuple[str, int, str]]:
    """(Russian letters, Belarusian units consumed, rule) for the Belarusian unit at ``at``."""
    unit = units[at]
    before = units[at - 1] if at else ""
    after = units[at + 1] if at + 1 < len(units) else ""
    yield unit, 1, ""
    if unit == "a":
        final = at == len(units) - 1
        yield "o", 1, "-ka=-ko" if final else "akanne"
        if before in _HARD and not final:  # ALEXANDRA is not ALEXANDRE
            yield "e", 1, "hard"
            if before == "r":
                yield "ia", 1, "hard"
    elif unit == "i" and after == "a":
        yield "e", 2, "yakanne"
    elif unit == "u" and before in _VOWELS:
        yield "v", 1, "ў=в"
    elif unit == "ts" and _front(units, at + 1):
        yield "t", 1, "ць=ть"
    elif unit == "dz" and _front(units, at + 1):
        yield "d", 1, "ць=ть"
    elif unit == "v" and after in ("o", "u") and (not before or before in _VOWELS):
        yield "", 1, "в"


@lru_cache(maxsize=65536)
def _belarusian_rules(belarusian: str, russian: str) -> frozenset[str] | None:
    """The fewest rules that turn key ``belarusian`` into key ``russian``; None if none do."""
    return _fewest_from(_units(belarusian), russian, {}, 0, 0)


def _fewest_from(
    units: tuple[str, ...],
    russian: str,
    best: dict[tuple[int, int], frozenset[str] | None],
    at: int,
    to: int,
) -> frozenset[str] | None:
    """``_belarusian_rules`` from unit ``at`` and letter ``to`` on, remembered in ``best``
    (a function of its own: a nested one that calls itself is a reference cycle, which only
    the cyclic collector frees)."""
    if (at, to) in best:
        return best[at, to]
    found: frozenset[str] | None = None
    if at == len(units):
        found = frozenset() if to == len(russian) else None
    else:
        for letters, consumed, rule in _readings(units, at):
            if not russian.startswith(letters, to):
                continue
            rest = _fewest_from(units, russian, best, at + consumed, to + len(letters))
            if rest is None:
                continue
            used = rest | {rule} if rule else rest
            if found is None or len(used) < len(found):
                found = used
    best[at, to] = found
    return found


_KEY_RULES = {"ou=ov": "ў=в", "ў=в": "ў=в", "ci=ti": "ць=ть"}
"""Variant readings of ``phonetic`` that are these rules (a key made by one already applied
it)."""


def belarusian_form(
    belarusian: str, russian: str, belarusian_text: str, key_rules: frozenset[str] = frozenset()
) -> frozenset[str] | None:
    """The rules by which key ``belarusian`` (of the word ``belarusian_text``, made by the
    variant readings ``key_rules``) is the Belarusian form of the Russian key ``russian``;
    None when it is not, or when the only difference is akanne in a word with no mark of a
    Belarusian spelling."""
    if belarusian == russian or len(belarusian) < _MIN_BELARUSIAN_KEY:
        return None
    found = _belarusian_rules(belarusian, russian)
    if not found:
        return None
    rules = found | {_KEY_RULES[r] for r in key_rules if r in _KEY_RULES}
    if not rules & _EVIDENT and not _looks_belarusian(belarusian_text):
        return None
    return rules


def _looks_belarusian(text: str) -> bool:
    return bool(_BELARUSIAN_LETTERS & set(text)) or bool(_BELARUSIAN_SPELLINGS.search(text))


_AZERBAIJANI_SUFFIX = re.compile(r"(?:ov|ev)a?$")
_AZERBAIJANI_STEM_VOWELS = frozenset("aei")
_MIN_AZERBAIJANI_SYLLABLES = 2


def azerbaijani_form(azerbaijani: str, russian: str) -> frozenset[str] | None:
    """``{"ə=a/e"}`` when the keys are one Azerbaijani family name (see the module docstring)
    whose a and e differ only where ə stands; None otherwise. Symmetric."""
    if azerbaijani == russian or len(azerbaijani) != len(russian):
        return None
    suffix = _AZERBAIJANI_SUFFIX.search(azerbaijani)
    if suffix is None or not russian.endswith(suffix.group()):
        return None
    stem, other = azerbaijani[: suffix.start()], russian[: suffix.start()]
    for word in (stem, other):
        vowels = [c for c in word if c in _VOWELS]
        if len(vowels) < _MIN_AZERBAIJANI_SYLLABLES or not set(vowels) <= _AZERBAIJANI_STEM_VOWELS:
            return None
    for mine, theirs in zip(stem, other, strict=True):
        if mine != theirs and {mine, theirs} != {"a", "e"}:
            return None
    return frozenset({"ə=a/e"})
