"""Which script a name is written in, and which orthography it most likely follows.

The answer decides which romanisation tables are worth trying and lets explanations say
"Ukrainian spelling" rather than "Cyrillic". Detection is by distinctive letters only: a
name is too short for statistics, and a wrong guess costs little because matching never
depends on it alone (every plausible reading is tried).
"""

from __future__ import annotations

import unicodedata
from enum import StrEnum

__all__ = ["Orthography", "Script", "detect_script", "guess_orthographies"]


class Script(StrEnum):
    LATIN = "latin"
    CYRILLIC = "cyrillic"
    MIXED = "mixed"
    OTHER = "other"
    NONE = "none"


class Orthography(StrEnum):
    RUSSIAN = "russian"
    UKRAINIAN = "ukrainian"
    BELARUSIAN = "belarusian"
    CRIMEAN_TATAR_CYRILLIC = "crimean_tatar_cyrillic"
    CRIMEAN_TATAR_LATIN = "crimean_tatar_latin"
    TURKISH = "turkish"
    AZERBAIJANI = "azerbaijani"
    BELARUSIAN_LATIN = "belarusian_latin"
    ROMANISED = "romanised"
    """Plain ASCII Latin: an English, passport or police romanisation of some other script."""


def _letter_script(char: str) -> Script | None:
    if not char.isalpha():
        return None
    name = unicodedata.name(char, "")
    if name.startswith("LATIN"):
        return Script.LATIN
    if name.startswith("CYRILLIC"):
        return Script.CYRILLIC
    return Script.OTHER


class _ScriptTable(dict[str, Script | None]):
    """``_letter_script`` of each character met so far (``unicodedata.name`` is slow)."""

    def __missing__(self, char: str) -> Script | None:
        found = self[char] = _letter_script(char)
        return found


_SCRIPT_OF = _ScriptTable()


def detect_script(text: str) -> Script:
    """Latin, Cyrillic, a mixture (often a homoglyph typo such as a Cyrillic М), or other."""
    if text.isascii():
        # The ASCII letters (the only ASCII characters with a case) are Latin.
        return Script.LATIN if text.lower() != text.upper() else Script.NONE
    seen = {s for s in map(_SCRIPT_OF.__getitem__, set(text)) if s is not None}
    if not seen:
        return Script.NONE
    if len(seen) == 1:
        return seen.pop()
    return Script.MIXED


# Letters that exist in one Cyrillic alphabet and not in the others.
_UKRAINIAN_ONLY = frozenset("іїєґ")  # і is shared with Belarusian
_BELARUSIAN_ONLY = frozenset("ў")
_NOT_UKRAINIAN = frozenset("ыэёъ")
_NOT_BELARUSIAN = frozenset("ищъ")
_CRIMEAN_TATAR_DIGRAPHS = ("къ", "гъ", "нъ")

_CRIMEAN_TATAR_LATIN_ONLY = frozenset("ñ")
_AZERBAIJANI_ONLY = frozenset("ə")
_TURKIC_LATIN = frozenset("qğıışçöüâ")
_NOT_TURKISH = frozenset("qxwñə")
_BELARUSIAN_LATIN_ONLY = frozenset("ŭćńśźĺł")


def _cyrillic_orthographies(low: str) -> list[Orthography]:
    letters = set(low)
    has_crh = any(d in low for d in _CRIMEAN_TATAR_DIGRAPHS)
    if has_crh:
        return [Orthography.CRIMEAN_TATAR_CYRILLIC]
    if letters & _BELARUSIAN_ONLY:
        return [Orthography.BELARUSIAN]
    if letters & _UKRAINIAN_ONLY:
        # Belarusian shares і but has neither и nor ї, є, ґ; Ukrainian has no ы, э or ё.
        if letters & frozenset("їєґи"):
            return [Orthography.UKRAINIAN]
        if letters & _NOT_UKRAINIAN:
            return [Orthography.BELARUSIAN]
        return [Orthography.UKRAINIAN, Orthography.BELARUSIAN]
    found = [Orthography.RUSSIAN]
    if not letters & _NOT_UKRAINIAN:
        found.append(Orthography.UKRAINIAN)
    found.append(Orthography.CRIMEAN_TATAR_CYRILLIC)
    if not letters & _NOT_BELARUSIAN:
        found.append(Orthography.BELARUSIAN)
    return found


def _latin_orthographies(low: str) -> list[Orthography]:
    letters = set(low)
    if letters & _AZERBAIJANI_ONLY:
        return [Orthography.AZERBAIJANI]
    if letters & _CRIMEAN_TATAR_LATIN_ONLY:
        return [Orthography.CRIMEAN_TATAR_LATIN]
    if letters & _BELARUSIAN_LATIN_ONLY:
        return [Orthography.BELARUSIAN_LATIN]
    if letters & _TURKIC_LATIN:
        found = []
        if not letters & _NOT_TURKISH:
            found.append(Orthography.TURKISH)
        found.append(Orthography.CRIMEAN_TATAR_LATIN)
        if "â" not in letters:
            found.append(Orthography.AZERBAIJANI)
        return found
    if "q" in letters and "qu" not in low:
        return [Orthography.CRIMEAN_TATAR_LATIN, Orthography.AZERBAIJANI, Orthography.ROMANISED]
    return [Orthography.ROMANISED]


def guess_orthographies(text: str) -> tuple[Orthography, ...]:
    """Plausible orthographies, most likely first; empty when the text has no letters."""
    low = unicodedata.normalize("NFC", text).lower()
    script = detect_script(low)
    if script is Script.CYRILLIC:
        return tuple(_cyrillic_orthographies(low))
    if script is Script.LATIN:
        return tuple(_latin_orthographies(low))
    if script is Script.MIXED:
        cyr = "".join(c for c in low if _SCRIPT_OF[c] is Script.CYRILLIC)
        lat = "".join(c for c in low if _SCRIPT_OF[c] is Script.LATIN)
        merged = _cyrillic_orthographies(cyr) + _latin_orthographies(lat)
        return tuple(dict.fromkeys(merged))
    return ()
