"""Free text and notice fields → name tokens with roles (given, family, patronymic).

People type names in every order: ``Mustafa Dzhemilev``, ``DZHEMILEV Mustafa``,
``Dzhemilev, Mustafa``, ``Джемилев Мустафа Абдульджемилевич`` (Russian official order).
Roles guessed from free text are hints: the scorer aligns tokens whatever their roles, so a
wrong guess only changes the wording of an explanation, never whether a notice is found.
``NameParts.roles_known`` says whether the roles came from structure (a comma, upper-case
surname, the notice's own fields) rather than from guessing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

__all__ = [
    "NameParts",
    "NameToken",
    "Role",
    "looks_like_patronymic",
    "looks_like_surname",
    "parse_name",
    "parse_notice_name",
]


class Role(StrEnum):
    GIVEN = "given"
    FAMILY = "family"
    PATRONYMIC = "patronymic"


_HYPHENS = re.compile(r"[-‐‑–]")


@dataclass(frozen=True)
class NameToken:
    """One word of a name as written; a hyphenated compound (Emir-Usein) stays one token."""

    text: str
    role: Role
    particle: bool = False
    """A connecting word such as de, van, bin, al: weak evidence either way."""
    alias: bool = False
    """Written in parentheses, as in the notice name ``ANGELOV (STOYANOV)``."""

    @property
    def parts(self) -> tuple[str, ...]:
        """The hyphen-separated pieces (``Emir-Usein`` → ``Emir``, ``Usein``)."""
        return _hyphen_parts(self.text)


@lru_cache(maxsize=65536)
def _hyphen_parts(text: str) -> tuple[str, ...]:
    # Read for every word of every name compared, so split once per word (a cached_property
    # splits once per token, but its first read takes a lock: dearer than this cache).
    return tuple(p for p in _HYPHENS.split(text) if p)


@dataclass(frozen=True)
class NameParts:
    source: str
    tokens: tuple[NameToken, ...]
    roles_known: bool = False

    def with_role(self, role: Role) -> tuple[NameToken, ...]:
        return tuple(t for t in self.tokens if t.role is role)

    @property
    def given(self) -> tuple[NameToken, ...]:
        return self.with_role(Role.GIVEN)

    @property
    def family(self) -> tuple[NameToken, ...]:
        return self.with_role(Role.FAMILY)

    @property
    def patronymic(self) -> tuple[NameToken, ...]:
        return self.with_role(Role.PATRONYMIC)

    def __str__(self) -> str:
        return " ".join(t.text for t in self.tokens)


# Inside a word: apostrophes (Знам'янка, O'Brien), hyphens, and the marks BGN/PCGN writes for
# ъ, ь and separations (Ob”yedkin, Yur’yev, Zh·ebë).
_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ‘”\"ʹʺ·\-‐‑–][^\W\d_]+)*")
_WORD_OR_BRACKET = re.compile(r"[()\[\]]|" + _WORD.pattern)
# Word lists read better as text than as 40 one-word lines.
_PARTICLES = frozenset(
    "de del della di da do dos das du la le las los van von der den ter bin ben ibn bint "  # noqa: SIM905
    "al el ul y e".split()
)
# "Son / daughter of" inside a given name (AHMAD BIN ALI): particles even in the forename.
_CONNECTORS = frozenset({"bin", "ibn", "bint", "binti", "ben"})
# Turkic "son of" / "daughter of" written as a separate word after the father's name.
_TURKIC_PATRONYMIC_WORDS = frozenset(
    "oglu ogly ogli oğlu oğli ogl qizi qızı kizi kyzy gyzy uly uuly ulu uulu".split()  # noqa: SIM905
)
_SLAVIC_PATRONYMIC = re.compile(
    r"(ovich|evich|ievich|yevich|ovych|evych|ovitch|evitch|ovna|evna|ievna|yevna|ichna|"
    r"ivna|yivna|ович|евич|ьевич|овна|евна|ьевна|ична|івна|ївна)$"
)
_TURKIC_PATRONYMIC_SUFFIX = re.compile(r"(oglu|ogly|oğlu|kyzy|qızı|ogli)$")
_SURNAME_ENDING = re.compile(
    r"(ov|ova|ev|eva|iev|ieva|yev|yeva|sky|skiy|skii|ski|ska|skaya|skaia|enko|uk|iuk|yuk|"
    r"chuk|shvili|dze|ian|yan|oglu|oğlu|zade|zada|ов|ова|ев|ева|ский|ская|енко|ук|юк|"
    r"швили|дзе|ян)$"
)


def _fold(word: str) -> str:
    if word.isascii():
        return word.lower()  # NFC leaves ASCII as it is
    return unicodedata.normalize("NFC", word).lower()


def looks_like_patronymic(word: str) -> bool:
    """Russian/Ukrainian patronymic (Abdulovich, Ivanivna) or a joined Turkic one."""
    low = _fold(word)
    return bool(_SLAVIC_PATRONYMIC.search(low) or _TURKIC_PATRONYMIC_SUFFIX.search(low))


def looks_like_surname(word: str) -> bool:
    """Ends like a typical family name of the region (-ov, -enko, -shvili, -ian, -oglu...)."""
    return bool(_SURNAME_ENDING.search(_fold(word))) and len(word) > 3


def _words(text: str) -> list[tuple[str, bool]]:
    """Words with a flag for those written in parentheses."""
    if "(" not in text and "[" not in text:
        return [(word, False) for word in _WORD.findall(text)]  # most names: no bracket
    found: list[tuple[str, bool]] = []
    depth = 0
    for match in _WORD_OR_BRACKET.finditer(text):
        piece = match.group()
        if piece in "([":
            depth += 1
        elif piece in ")]":
            depth = max(0, depth - 1)
        else:
            found.append((piece, depth > 0))
    return found


def _is_caps(word: str) -> bool:
    if word.isascii():
        # ASCII letters are the ASCII characters with a case.
        return word.isupper() and sum(map(str.isalpha, word)) > 1
    letters = [c for c in word if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def _tokens(
    words: list[tuple[str, bool]], roles: list[Role], *, structured: bool = False
) -> tuple[NameToken, ...]:
    flags = _particle_flags([w for w, _ in words], roles, structured=structured)
    return tuple(
        NameToken(word, role, particle=flag, alias=alias)
        for (word, alias), role, flag in zip(words, roles, flags, strict=True)
    )


def _particle_flags(texts: list[str], roles: list[Role], *, structured: bool) -> list[bool]:
    """Which words are particles: only one that connects to a following name word.

    A listed word alone is a name, not a particle: the Vietnamese family names LE and DO, the
    surname EL of a notice. In the notice's fields (``structured``) the word must also
    precede a name word of its own field, and in the forename only the Arabic connectors
    (bin, ibn...) count: the Vietnamese middle name VAN is a name, the Dutch VAN in
    ``VAN DER BERG`` a particle.
    """
    folded = [_fold(t) for t in texts]
    flags = []
    for i, (word, role) in enumerate(zip(folded, roles, strict=True)):
        if word not in _PARTICLES:
            flags.append(False)
            continue
        if structured:
            if role is not Role.FAMILY and word not in _CONNECTORS:
                flags.append(False)
                continue
            later = [w for w, r in zip(folded[i + 1 :], roles[i + 1 :], strict=True) if r is role]
        else:
            later = folded[i + 1 :]
        flags.append(any(w not in _PARTICLES for w in later))
    return flags


def _mark_turkic_patronymics(words: list[tuple[str, bool]], roles: list[Role]) -> None:
    for i, (word, _) in enumerate(words):
        if _fold(word) in _TURKIC_PATRONYMIC_WORDS and i > 0:
            roles[i] = Role.PATRONYMIC
            roles[i - 1] = Role.PATRONYMIC


def _guess_roles(words: list[tuple[str, bool]]) -> tuple[list[Role], bool]:
    """Roles for a name written without a comma; second value: roles are structural."""
    n = len(words)
    roles = [Role.GIVEN] * n
    texts = [w for w, _ in words]
    caps = [_is_caps(w) for w in texts]
    if n == 1:
        return [Role.FAMILY], False
    # Mixed case with some words in capitals: the capitals are the family name.
    if any(caps) and not all(caps):
        for i, is_caps in enumerate(caps):
            if is_caps:
                roles[i] = Role.FAMILY
        _mark_turkic_patronymics(words, roles)
        _mark_slavic_patronymics(texts, roles)
        return roles, True
    _mark_turkic_patronymics(words, roles)
    patronymic = [looks_like_patronymic(w) and roles[i] is Role.GIVEN for i, w in enumerate(texts)]
    if n >= 3 and patronymic[-1] and not patronymic[0]:
        # Russian official order: Family Given Patronymic.
        roles[0] = Role.FAMILY
        roles[-1] = Role.PATRONYMIC
        return roles, False
    if n >= 3 and any(patronymic[1:-1]):
        # Given Patronymic Family.
        for i in range(1, n - 1):
            if patronymic[i]:
                roles[i] = Role.PATRONYMIC
        roles[-1] = Role.FAMILY
        return roles, False
    free = [i for i, r in enumerate(roles) if r is Role.GIVEN]
    if not free:
        return roles, False
    first, last = free[0], free[-1]
    if looks_like_surname(texts[first]) and not looks_like_surname(texts[last]):
        roles[first] = Role.FAMILY
    else:
        roles[last] = Role.FAMILY
    return roles, False


def _mark_slavic_patronymics(texts: list[str], roles: list[Role]) -> None:
    given = [i for i, r in enumerate(roles) if r is Role.GIVEN]
    for i in given[1:]:
        if looks_like_patronymic(texts[i]):
            roles[i] = Role.PATRONYMIC


def parse_name(text: str) -> NameParts:
    """Parse a name typed by a person: any script, any order, with or without a comma."""
    text = unicodedata.normalize("NFC", text).strip()
    if text.count(",") == 1:
        before, after = text.split(",")
        family_words, given_words = _words(before), _words(after)
        if family_words and given_words:
            return _structured(text, family_words, given_words)
    words = _words(text)
    if not words:
        return NameParts(text, ())
    roles, known = _guess_roles(words)
    return NameParts(text, _tokens(words, roles), roles_known=known)


_PLACEHOLDERS = frozenset({"", "-", "--", "?", "N/A"})


def parse_notice_name(name: str | None, forename: str | None) -> NameParts:
    """Parse a notice's ``name`` (family) and ``forename`` (given) fields.

    The forename may hold several given names and, for Azerbaijani notices, a patronymic
    (``RADZHAB OGLY``); ``-`` and empty values are placeholders for "unknown".
    """
    name = (name or "").strip()
    forename = (forename or "").strip()
    family_words = [] if name.upper() in _PLACEHOLDERS else _words(name)
    given_words = [] if forename.upper() in _PLACEHOLDERS else _words(forename)
    source = f"{name}, {forename}" if forename else name
    return _structured(source, family_words, given_words)


def _structured(
    source: str, family_words: list[tuple[str, bool]], given_words: list[tuple[str, bool]]
) -> NameParts:
    """Roles given by structure: family words, then given words that may hold a patronymic."""
    words = family_words + given_words
    roles = [Role.FAMILY] * len(family_words) + [Role.GIVEN] * len(given_words)
    _mark_turkic_patronymics(words, roles)
    _mark_slavic_patronymics([w for w, _ in words], roles)
    for i in range(len(family_words)):
        roles[i] = Role.FAMILY  # a family word is never re-labelled by the rules above
    return NameParts(source, _tokens(words, roles, structured=True), roles_known=True)
