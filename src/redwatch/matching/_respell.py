"""Re-spellings of notice names as the people named might type them, to measure recall.

The generated notices (``redwatch.fake``) hold police romanisations of Cyrillic names; this
writes them back in Cyrillic, in another romanisation system, surname first, shortened or
with a one-letter slip. Used by the index's recall test and ``benchmarks/check_speed.py``,
never by matching itself.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping
from functools import cache
from typing import Any

import iuliia
import translitua

from redwatch.fake import _words as fake_words  # the generator's own Cyrillic name lists
from redwatch.names.romanize import romanizations_by_system

__all__ = ["KINDS", "Respeller"]

KINDS = ("cyrillic", "system", "surname first", "title case", "shortened", "slip")

_POLICE_SCHEMAS = (
    iuliia.ICAO_DOC_9303,
    iuliia.MVD_310,
    iuliia.MVD_782,
    iuliia.GOST_52535,
    iuliia.BGN_PCGN,
)
_VOWELS = "aeiou"


def _police(latin: str) -> str:
    """The generator's upper-case police form: letters, hyphens and spaces only."""
    return re.sub(r"[^A-Z\- ]", "", latin.upper())


@cache
def _originals() -> dict[str, tuple[str, ...]]:
    """Police romanisation of a word → the Cyrillic words it can come from."""
    words: set[str] = set()
    for males, females, surnames in (
        *fake_words.CYRILLIC_FAMILIES.values(),
        fake_words.UKRAINIAN_NATIONAL,
    ):
        words.update(males, females, surnames)
        for surname in surnames:
            for masculine, feminine in fake_words.FEMININE_ENDINGS:
                if surname.endswith(masculine):
                    words.add(surname[: -len(masculine)] + feminine)
                    break
    table: dict[str, set[str]] = {}
    for word in words:
        forms = {_police(str(schema.translate(word))) for schema in _POLICE_SCHEMAS}
        forms.add(_police(str(translitua.translit(word, translitua.UkrainianKMU))))
        for form in forms:
            table.setdefault(form, set()).add(word)
    return {form: tuple(sorted(found)) for form, found in table.items()}


def _title(text: str) -> str:
    return "-".join(part.capitalize() for part in text.split("-"))


class Respeller:
    """Deterministic re-spellings for a seed."""

    def __init__(self, seed: int = 0) -> None:
        self.rng = random.Random(seed)

    def respell(self, notice: Mapping[str, Any]) -> tuple[str, str]:
        """A query text for the notice's name and the kind of re-spelling it is."""
        family = [w for w in str(notice.get("name") or "").split() if w]
        given = [w for w in str(notice.get("forename") or "").split() if w and w != "-"]
        cyrillic = self._cyrillic(family), self._cyrillic(given)
        kinds = ["surname first", "title case", "shortened", "slip"]
        if cyrillic[0] is not None and cyrillic[1] is not None:
            kinds += ["cyrillic", "cyrillic", "system", "system", "system"]
        kind = self.rng.choice(kinds)
        if kind == "cyrillic" and cyrillic[0] is not None and cyrillic[1] is not None:
            return self._order(cyrillic[1], cyrillic[0]), kind
        if kind == "system" and cyrillic[0] is not None and cyrillic[1] is not None:
            text = self._order(cyrillic[1], cyrillic[0])
            spellings = sorted(set(romanizations_by_system(text).values()))
            return self.rng.choice(spellings), kind
        titled_family = [_title(w) for w in family]
        titled_given = [_title(w) for w in given]
        if kind == "surname first":
            if self.rng.random() < 0.5:
                return " ".join([*family, *titled_given]), kind
            return f"{' '.join(titled_family)}, {' '.join(titled_given)}".strip(", "), kind
        if kind == "shortened" and (len(family) > 1 or len(given) > 1):
            return " ".join([*titled_given[:1], *titled_family[:1]]), kind
        if kind == "slip":
            return " ".join([*titled_given, *self._slip(titled_family)]), kind
        return " ".join([*titled_given, *titled_family]), "title case"

    def _cyrillic(self, words: list[str]) -> list[str] | None:
        table = _originals()
        found = []
        for word in words:
            originals = table.get(word)
            if not originals:
                return None
            found.append(self.rng.choice(originals))
        return found

    def _order(self, given: list[str], family: list[str]) -> str:
        if self.rng.random() < 0.3:
            return " ".join([*family, *given])
        return " ".join([*given, *family])

    def _slip(self, words: list[str]) -> list[str]:
        """One letter doubled, dropped or replaced in the longest word of six letters or more."""
        if not words:
            return words
        at = max(range(len(words)), key=lambda i: len(words[i]))
        word = words[at]
        if len(word) < 6 or not word.isalpha():
            return words
        i = self.rng.randrange(2, len(word) - 1)
        choice = self.rng.randrange(3)
        if choice == 0:
            word = word[:i] + word[i] + word[i:]
        elif choice == 1:
            word = word[:i] + word[i + 1 :]
        else:
            letter = word[i].lower()
            pool = _VOWELS if letter in _VOWELS else "bdgklmnprstvz"
            word = word[:i] + self.rng.choice([c for c in pool if c != letter]) + word[i + 1 :]
        return [*words[:at], word, *words[at + 1 :]]
