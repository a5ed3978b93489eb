"""A phonetic key under which the romanisation systems of one name become the same string.

The key is *not* a general sound-alike code (Soundex, Metaphone): those merge names that are
plainly different people and miss the differences that matter here. Each rule below undoes one
difference that a real romanisation system, alphabet or keyboard produces for the *same*
Cyrillic or Turkic letter, and nothing else. Rules, with an example each:

===================  ====================================================  ===================
class                 spellings merged                                      example
===================  ====================================================  ===================
дж / ж  → ``j``       dzh dž dj dsch zh ž j c(Turkic)                        Cemilev = DZHEMILEV
ч       → ``ç``       ch ç č tch tsch cz                                     Çelebi = CHELEBI
ш       → ``ş``       sh ş š ș (sch: variant, see below)                     Şamil = SHAMIL
щ       → ``şç``      shch šč şç schtsch                                     Щукин = SHCHUKIN
х / г   → ``x``       kh h x gh g ğ (Ukrainian г = h = Russian г = g)        Hryhorii ~ GRIGORII
ц       → ``ts``      ts tc(GOST) tz ţ ț                                     TCAREV = TSAREV
и ы й і → ``i``       i y ı î ï                                              ANDREY = ANDREI
к       → ``k``       k q(Crimean Tatar къ) ck                               Qurtseitov = KURTSEITOV
н       → ``n``       n ñ(Crimean Tatar нъ) ń                                Añ = AN
в       → ``v``       v w                                                    Ivanow = IVANOV
vowels                â→a ö→o ü→u ə→a ë→e, other accents stripped            Kâmil = Kamil
е       → ``e``       ye ie → e (BGN ye, Ukrainian є, ICAO ъе = iee)         Aliyev = ALIEV
doubles               any doubled letter is written once                     Kaybullayev = KAYBULAEV
marks                 ь ъ ' ’ ʼ " · hyphens and spaces dropped               Il'in = ILIN
===================  ====================================================  ===================

Some letters have two honest readings; the first is the key, the others give *variant keys*
(``phonetic_keys``), tried only when the keys differ:

- ``j`` may be й (Jelena = YELENA); ``c`` may be ц (Cichanoŭskaja) or k (Carlos);
  ``ch`` may be х (Czech, Polish, German, Belarusian); ``x`` may be ks (Alexander);
  ``q`` may be Azerbaijani г (Qasımov = GASYMOV); ``ə`` may be е (Məmmədov = MAMEDOV).
- â, ö, ü may be я, ё, ю (Kâmil = KYAMIL), and after a consonant ya/yu/yo may be written
  a/u/o (Turkish Kamil = KYAMIL); ё written yo may be ICAO's e (Fyodor = FEDOR).
- ``sch`` is с+ч (ICAO) or German ш (Schamil = SHAMIL).
- ``sh`` and ``zh`` may be с+х and з+г where h is Crimean Tatar х or Ukrainian г
  (Crimean Tatar Basha = Russian BASKHA).
- Belarusian ў after a vowel is Russian в (Tsikhanouskaya = TIKHANOVSKAYA) and its ць is
  Russian ть (the same example).
- к before х may be swallowed: Бекхан is BEKKHAN in ICAO and Bekhan as people write it.
- Latin letters with diacritics are also read without them, as they are typed on foreign
  keyboards (Şahin = SAHIN, Kılıç = KILIC).

Whole words are also read as the French table of Russian passports (ch = ш, tch = ч, ou = у,
dj = дж, gu = г, final -ine = -ин) when they bear a French mark (ou, dj, tch, gui, gue), and
as German spellings of Turkish names (oe, ue, sch). ``ch`` alone is no mark, but a person
writes all of their name by one table: ``name_reading`` tells when a name shows the French
one, and ``analyse(word, reading)`` then reads its unmarked words by it too (Charip = Шарип
beside Aboubakarov).

The key deliberately keeps vowels (other than the е glide) and the voiced/voiceless contrast:
merging those floods a 7,000-notice list with false candidates. Near misses such as
Mammadov/MAMEDOV are left to the fuzzy comparison and to ``skeleton``, a coarser key for
blocking only.
"""

from __future__ import annotations

import contextlib
import itertools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter, methodcaller
from typing import Any

from redwatch.names.given_names import GIVEN_NAMES

__all__ = [
    "FRENCH",
    "READINGS",
    "TokenKey",
    "analyse",
    "analyses_of",
    "explain_difference",
    "gender_pair",
    "name_key",
    "name_reading",
    "other_gender_forms",
    "phonetic_key",
    "phonetic_keys",
    "remember_analyses",
    "skeleton",
]

# Internal class symbols (upper case so they cannot collide with plain letters).
_J, _C, _S, _H, _T = "J", "C", "S", "H", "T"
_RENDER = {_J: "j", _C: "ç", _S: "ş", _H: "x", _T: "ts"}
_VOWELS = frozenset("aeiou")

Alt = tuple[str, str]  # (replacement symbols, rule id)


def _entry(symbol: str, *alts: Alt) -> tuple[str, tuple[Alt, ...]]:
    return symbol, alts


_LATIN: dict[str, tuple[str, tuple[Alt, ...]]] = {
    "schtsch": _entry(_S + _C),
    "shtch": _entry(_S + _C),
    "shch": _entry(_S + _C),
    "šč": _entry(_S + _C),
    "şç": _entry(_S + _C),
    "tsch": _entry(_C, (_T + _H, "ch=х")),
    # In police romanisations sch is сч (Счастливцев = SCHASTLIVTSEV); German press writes ш.
    "sch": _entry("s" + _C, (_S, "sch=ш"), ("s" + _H, "ch=х")),
    "tch": _entry(_C),
    "dzh": _entry(_J),
    "dsch": _entry(_J),
    "dsh": _entry(_J),
    "dž": _entry(_J),
    "dj": _entry(_J, ("di", "j=й")),
    "zh": _entry(_J, ("z" + _H, "h=х/г")),
    "ž": _entry(_J),
    "j": _entry(_J, ("i", "j=й")),
    "c": _entry(_J, (_T, "c=ц"), ("k", "c=к"), (_C, "c=ç")),
    "ç": _entry(_C),
    "č": _entry(_C),
    "ch": _entry(_C, (_H, "ch=х")),
    "cz": _entry(_C),
    "sh": _entry(_S, ("s" + _H, "h=х/г")),
    "ş": _entry(_S),
    "š": _entry(_S),
    "ș": _entry(_S),
    "kh": _entry(_H),
    "gh": _entry(_H),
    "ğ": _entry(_H),
    "g": _entry(_H),
    "h": _entry(_H),
    "x": _entry(_H, ("ks", "x=кс")),
    "ts": _entry(_T),
    "tc": _entry(_T),
    "tz": _entry(_T),
    "ţ": _entry(_T),
    "ț": _entry(_T),
    "ć": _entry(_T, (_C, "ć=ч")),
    "q": _entry("k", (_H, "q=г")),
    "ck": _entry("k", (_T + "k", "c=ц")),  # Polish, Belarusian -cki (Bialiacki)
    "ph": _entry("f"),
    "w": _entry("v"),
    "y": _entry("i"),
    "ı": _entry("i"),
    "ñ": _entry("n"),
    "ń": _entry("n"),
    "ś": _entry("s"),
    "ź": _entry("z"),
    "ĺ": _entry("l"),
    "ł": _entry("l"),
    "ø": _entry("o"),
    "đ": _entry("d"),
    "ß": _entry("ss"),
    "æ": _entry("ae"),
    "œ": _entry("oe"),
    "ə": _entry("a", ("e", "ə=е")),
    "â": _entry("a", ("ia", "â=я")),
    "ö": _entry("o", ("io", "ö=ё")),
    "ü": _entry("u", ("iu", "ü=ю")),
    "ŭ": _entry("u", ("v", "ў=в")),
    "ë": _entry("e", ("io", "ë=ё")),
}
for _letter in "abdefiklmnoprstuvz":
    _LATIN.setdefault(_letter, _entry(_letter))

_CYRILLIC: dict[str, tuple[str, tuple[Alt, ...]]] = {
    "къ": _entry("k"),
    "гъ": _entry(_H),
    "нъ": _entry("n"),
    "дж": _entry(_J),
    "а": _entry("a"),
    "б": _entry("b"),
    "в": _entry("v"),
    "г": _entry(_H),
    "ґ": _entry(_H),
    "д": _entry("d"),
    "е": _entry("e"),
    "ё": _entry("e", ("io", "ё=yo")),
    "є": _entry("ie"),
    "ж": _entry(_J),
    "з": _entry("z"),
    "и": _entry("i"),
    "і": _entry("i"),
    "ї": _entry("ii"),
    "й": _entry("i"),
    "к": _entry("k"),
    "л": _entry("l"),
    "м": _entry("m"),
    "н": _entry("n"),
    "о": _entry("o"),
    "п": _entry("p"),
    "р": _entry("r"),
    "с": _entry("s"),
    "т": _entry("t"),
    "у": _entry("u"),
    "ў": _entry("u", ("v", "ў=в")),
    "ф": _entry("f"),
    "х": _entry(_H),
    "ц": _entry(_T),
    "ч": _entry(_C),
    "ш": _entry(_S),
    "щ": _entry(_S + _C),
    "ъ": _entry(""),
    "ы": _entry("i"),
    "ь": _entry(""),
    "э": _entry("e"),
    "ю": _entry("iu"),
    "я": _entry("ia"),
    # Other Cyrillic alphabets of the region (Kazakh, Tatar, Bashkir, Tajik, Chechen).
    "ә": _entry("a", ("e", "ə=е")),
    "ғ": _entry(_H),
    "қ": _entry("k"),
    "ң": _entry("n"),
    "ө": _entry("o"),
    "ү": _entry("u"),
    "ұ": _entry("u"),
    "һ": _entry(_H),
    "ҳ": _entry(_H),
    "ҷ": _entry(_J),
    "ӣ": _entry("i"),
    "ӯ": _entry("u"),
    "ҙ": _entry("z"),
    "ҡ": _entry("k"),
    "ҫ": _entry("s"),
    "ӏ": _entry(""),  # Chechen palochka: not written in Russian documents
}

_TABLE = {**_LATIN, **_CYRILLIC}


def _tokenizer(spellings: Iterable[str]) -> re.Pattern[str]:
    """The longest of ``spellings`` at each position, as the tables intend ("shch" before
    "sh"), else one character.

    The spellings as a tree of their letters (``s(?:h(?:ch)?)?``...; a letter that starts
    no longer spelling in one character set), so that the regex engine reads each character
    once instead of trying a hundred alternatives at every position; greedy ``?`` tries the
    longer spelling first.
    """
    tree: dict[str, Any] = {}
    for spelling in spellings:
        node = tree
        for letter in spelling:
            node = node.setdefault(letter, {})
        node[""] = {}  # a spelling ends here

    def rest(node: dict[str, Any]) -> str:
        branches = [re.escape(c) + rest(child) for c, child in node.items() if c]
        if not branches:
            return ""
        group = "(?:" + "|".join(branches) + ")"
        return group + "?" if "" in node else group

    alone = "".join(sorted(c for c, child in tree.items() if list(child) == [""]))
    longer = [re.escape(c) + rest(child) for c, child in tree.items() if list(child) != [""]]
    return re.compile("|".join([f"[{re.escape(alone)}]", *longer, "."]), re.DOTALL)


_TOKENIZER = _tokenizer(_TABLE)
_DIACRITIC_LETTERS = frozenset(c for k in _LATIN for c in k if not c.isascii())
_MARKS = re.compile(r"[\s'’ʼ‘`´ʹʺ\"”“„·\-‐‑–—.]+")

# Internal rendering of the key back into Latin text must re-read as the same key; so every
# rendered digraph that could be read differently is settled here (see ``_settle``).
_SETTLE_PAIRS = tuple(
    (old, new, "ie=e" if old == "ie" else f"{old}={new}")
    for old, new in (("ie", "e"), ("d" + _J, _J), ("t" + _C, _C), ("ts", _T), ("tz", _T))
)
"""(spelling, what it is settled to, the name of the rule)."""
_DOUBLES = re.compile(r"(.)\1+")
# A C callable: with the template r"\1" the re module calls back into Python (re._subx and
# the template's expansion) on every sub.
_FIRST_OF_RUN = methodcaller("group", 1)


def _undouble(text: str) -> str:
    """Each run of one letter written once (``_DOUBLES.sub(r"\1", text)``)."""
    return _DOUBLES.sub(_FIRST_OF_RUN, text)


@dataclass(frozen=True)
class Segment:
    """One letter or letter group of a token and the key symbols it became."""

    source: str
    symbol: str
    alts: tuple[Alt, ...] = ()


@dataclass(frozen=True)
class TokenKey:
    """Everything matching needs to know about one name token, computed once."""

    text: str
    """The token folded (lower case, marks removed) as the key was computed from it."""
    key: str
    """The primary phonetic key."""
    keys: frozenset[str]
    """The primary key and every variant key."""
    segments: tuple[Segment, ...]
    fired: frozenset[str]
    """Normalisation rules that changed the primary key (``doubles``, ``ie=e``)."""
    via: dict[str, frozenset[str]] = field(compare=False, hash=False)
    """For each variant key, the variant rules that produced it."""
    feminine: frozenset[tuple[str, int]] = frozenset()
    """(stem, ending pair) for each key ending in a feminine surname ending."""
    masculine: frozenset[tuple[str, int]] = frozenset()
    """(stem, ending pair) for each key ending in the matching masculine ending."""

    def gender_pair(self, other: TokenKey) -> bool:
        """Whether one of the two is the other's surname in the other gender form."""
        return bool(self.feminine & other.masculine or self.masculine & other.feminine)


def _fold_char(char: str) -> str:
    """One lower-case character folded: kept, or its letter without diacritics, marks gone."""
    if char in _DIACRITIC_LETTERS or char in _CYRILLIC or char.isascii():
        return _MARKS.sub("", char)
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    known = base in _DIACRITIC_LETTERS or base in _CYRILLIC or base.isascii()
    return _MARKS.sub("", base if known else char)


class _FoldTable(dict[int, str]):
    """``str.translate`` table of ``_fold_char``, filled as characters are met."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()
# ASCII text only loses its marks (every other ASCII character is kept).
_ASCII_FOLD = str.maketrans({c: None for c in map(chr, range(128)) if _MARKS.fullmatch(c)})


@lru_cache(maxsize=65536)
def _fold(text: str) -> str:
    """Lower case, marks removed; letters with diacritics we have no rule for lose them (é → e,
    Cyrillic ѐ → е).

    Character by character (the marks are single characters, so removing them from each
    character's fold is removing them from the whole), through a translation table.
    """
    if text.isascii():
        return text.lower().translate(_ASCII_FOLD)
    return unicodedata.normalize("NFC", text).lower().translate(_FOLD_TABLE)


# One shared (immutable) segment per spelling in the tables.
_SEGMENT_OF = {source: Segment(source, symbol, alts) for source, (symbol, alts) in _TABLE.items()}


_SYMBOL = attrgetter("symbol")
_ALTS = attrgetter("alts")


def _segments(folded: str) -> tuple[Segment, ...]:
    # None (dropped by filter; a Segment is always true): a character no name needs (digit,
    # other script).
    return tuple(filter(None, map(_SEGMENT_OF.get, _TOKENIZER.findall(folded))))


def _internal(segments: tuple[Segment, ...]) -> str:
    return "".join(map(_SYMBOL, segments))


_UNSETTLED = re.compile("|".join([r"(.)\1", *(re.escape(old) for old, _, _ in _SETTLE_PAIRS)]))
"""Matches where a normalisation rule applies (a doubled letter, or a pair to settle)."""
_NONE_FIRED: frozenset[str] = frozenset()


@lru_cache(maxsize=262144)
def _settle(internal: str) -> tuple[str, frozenset[str]]:
    """Apply the normalisation rules until none applies; report which ones fired."""
    if _UNSETTLED.search(internal) is None:
        return internal, _NONE_FIRED  # most texts: one search instead of a pass of each rule
    fired: set[str] = set()
    for _ in range(8):
        collapsed = _undouble(internal)
        if collapsed != internal:
            fired.add("doubles")
            internal = collapsed
        for old, new, rule in _SETTLE_PAIRS:
            if old in internal:
                internal = internal.replace(old, new)
                fired.add(rule)
        if _UNSETTLED.search(internal) is None:
            break  # one search instead of a last pass that would change nothing
    return internal, frozenset(fired)


def _render(internal: str) -> str:
    # Five replaces (a search each when the symbol is absent) cost a third of a translate,
    # which looks up every character; no rendering holds a symbol, so the order is free.
    return (
        internal.replace(_J, "j")
        .replace(_C, "ç")
        .replace(_S, "ş")
        .replace(_H, "x")
        .replace(_T, "ts")
    )


assert all(_render(symbol) == text for symbol, text in _RENDER.items())
assert not any(symbol in text for symbol in _RENDER for text in _RENDER.values())


# Variant rules on the settled internal string: (rule id, pattern, replacement, texts).
# A pattern starts with its letters, the context checked behind them, so that the regex
# engine can look for the letters first (``i`` after a consonant, before a, o or u; ``io``
# at the start or after a consonant; ``u`` after a, e or o, before a consonant or the end).
# The last field holds texts of which every match contains one: without them the rule is not
# tried (a sub that finds nothing costs as much as one that does).
_POST_RULES: tuple[tuple[str, re.Pattern[str], str, tuple[str, ...]], ...] = (
    ("glide", re.compile(r"i(?<=[^aeiou]i)(?=[aou])"), "", ("ia", "io", "iu")),
    ("yo=e", re.compile(r"io(?<![aeiou]io)"), "e", ("io",)),
    ("ou=ov", re.compile(r"u(?<=[aeo]u)(?=[^aeiou]|$)"), "v", ("au", "eu", "ou")),
    ("ci=ti", re.compile(rf"{_T}(?=i)"), "t", (_T + "i",)),
    ("ci=ti", re.compile(r"dz(?=i)"), "d", ("dzi",)),
    ("kkh=kh", re.compile(rf"k(?={_H})"), "", ("k" + _H,)),
)
_MAX_READINGS = 32
"""Cap on keys from letter readings; context rules may then add up to _MAX_VARIANTS."""
_MAX_VARIANTS = 96

Reading = tuple[tuple[tuple[int, str], ...], frozenset[str]]
"""Which readable segments (by their order among those with alternatives) take which
alternative, and the rules that names."""


@lru_cache(maxsize=4096)
def _readings(shape: tuple[tuple[Alt, ...], ...]) -> tuple[Reading, ...]:
    """The letter readings ``_variants`` tries, in order, for the alternatives ``shape`` of
    a word's readable segments (those that have alternatives).

    They depend on these alternatives only, not on the rest of the word, so they are worked
    out once for all words with the same ones (most words have none, or one c). A reading the
    same as an earlier one is left out: it gives the same text, which counts once.
    """
    found: dict[tuple[tuple[int, str], ...], frozenset[str]] = {}

    def add(picked: dict[int, str], used: frozenset[str]) -> None:
        found.setdefault(tuple(sorted(picked.items())), used)

    # First each reading applied to every segment it concerns (a name is usually spelled in
    # one system), then single segments read differently (Shasha may be ш + сг).
    rules = sorted({rule for alts in shape for _, rule in alts})
    for size in range(len(rules) + 1):
        for chosen_rules in itertools.combinations(rules, size):
            chosen_set = frozenset(chosen_rules)
            picked: dict[int, str] = {}
            for at, alts in enumerate(shape):
                for alt, rule in alts:  # the segment's first reading among the chosen
                    if rule in chosen_set:
                        picked[at] = alt
                        break
            add(picked, chosen_set)
    counts: dict[str, int] = {}
    for alts in shape:
        for _, rule in alts:
            counts[rule] = counts.get(rule, 0) + 1
    choices = [
        (at, alt, rule)
        for at, alts in enumerate(shape)
        for alt, rule in alts
        if counts[rule] > 1  # a reading found once is already covered above
    ]
    # ... on the plain reading and on the one with every once-found reading applied.
    once = {rule for rule, count in counts.items() if count == 1}
    bases: list[tuple[dict[int, str], frozenset[str]]] = [({}, frozenset())]
    if once:
        applied: dict[int, str] = {}
        applied_rules: set[str] = set()
        for at, alts in enumerate(shape):
            for alt, rule in alts:
                if rule in once:
                    applied[at] = alt
                    applied_rules.add(rule)
                    break
        bases.append((applied, frozenset(applied_rules)))
    for base, base_rules in bases:
        for size in (1, 2):
            for chosen in itertools.combinations(choices, size):
                picked = {at: alt for at, alt, _ in chosen}
                if len(picked) < len(chosen):
                    continue  # two readings of one segment
                add(base | picked, base_rules | {rule for _, _, rule in chosen})
    return tuple(found.items())


_RULE_SETS = {rule: frozenset({rule}) for rule, *_ in _POST_RULES}
_NEEDED_TEXTS = sorted({text for *_, needed in _POST_RULES for text in needed})
# Found where each starts (a lookahead finds overlapping ones): none may start another.
assert not any(a != b and b.startswith(a) for a in _NEEDED_TEXTS for b in _NEEDED_TEXTS)
_NEEDED = re.compile("(?=(" + "|".join(map(re.escape, _NEEDED_TEXTS)) + "))")


def _variants(
    segments: tuple[Segment, ...], internal: str | None = None, settled: str | None = None
) -> dict[str, frozenset[str]]:
    """Every variant key (rendered) and the rules that produced it (``internal``: the
    segments' symbols, and ``settled`` its settled form, when already known)."""
    if internal is None:
        internal = _internal(segments)
    plain_word = not any(map(_ALTS, segments))
    if plain_word:
        if settled is None:
            settled = _settle(internal)[0]
        if _NEEDED.search(internal) is None and _NEEDED.search(settled) is None:
            # Most words: no letter reading and no context rule, only the key.
            return {_render(settled): _NONE_FIRED}
    found: dict[str, frozenset[str]] = {}
    raws: dict[str, tuple[frozenset[str], str]] = {}
    """Each text tried → (the rules that made it, its settled form)."""
    texts: list[str] = []
    """The texts tried and their settled forms."""

    def add(internal: str, used: frozenset[str], settled: str | None = None) -> None:
        if internal in raws:
            return
        if settled is None:
            settled = _settle(internal)[0]
        raws[internal] = (used, settled)
        texts.append(internal)
        texts.append(settled)
        key = _render(settled)
        if key not in found or len(used) < len(found[key]):
            found[key] = used

    if plain_word:
        add(internal, _NONE_FIRED, settled)
    else:
        where = [at for at, seg in enumerate(segments) if seg.alts]
        plain = [seg.symbol for seg in segments]
        for picked, used in _readings(tuple(segments[at].alts for at in where)):
            if len(found) >= _MAX_READINGS:
                break
            if not picked:
                add(internal, used, settled)
                continue
            symbols = plain.copy()
            for at, alt in picked:
                symbols[where[at]] = alt
            add("".join(symbols), used)
    # Context rules on top of every variant so far, before and after normalisation (ё in
    # Bioov must meet ICAO's Beov before oo is written once).
    present: set[str] = set()
    """Which texts that rules need are in the texts tried (most rules fit none of them)."""
    scanned = 0
    for rule, pattern, replacement, needed in _POST_RULES:
        if scanned < len(texts):
            present.update(_NEEDED.findall("|".join(texts[scanned:])))
            scanned = len(texts)
            if not present:
                break  # no rule can apply, and none has added a text
        for text in needed:
            if text in present:
                break
        else:
            continue
        tried = list(raws.items())
        rule_set = _RULE_SETS[rule]
        for raw, (used, settled) in tried:
            for form in (raw,) if raw == settled else (raw, settled):
                for text in needed:
                    if text in form:
                        break
                else:
                    continue  # the pattern cannot match
                changed = pattern.sub(replacement, form)
                if changed != form and len(found) < _MAX_VARIANTS:
                    add(changed, used | rule_set)
    return found


# Whole-word readings of foreign spellings, rewritten into the letters they stand for: the
# French table of Russian passports (MVD 310 French: Iouri Khrouchtchev, Chamil, Taguirov,
# Djouraev) and German registries' spellings of Turkish names (OEZTUERK = Öztürk,
# Guenesch = Güneş).
_FRENCH = (("tch", "ч"), ("ch", "ш"), ("ou", "у"), ("dj", "дж"), ("gui", "ги"), ("gue", "ге"))
# "ch" alone is no mark: in ICAO and most systems it is ч (CHUBAROV is not SHUBAROV); a
# word with none is read as French only beside one with a mark (``name_reading``).
_FRENCH_MARKS = ("ou", "dj", "tch", "gui", "gue")
_GERMAN = (("tsch", "ç"), ("sch", "ş"), ("oe", "ö"), ("ue", "ü"))
_GERMAN_MARKS = ("oe", "ue", "sch")


_FOREIGN_MARK = re.compile("|".join(_FRENCH_MARKS + _GERMAN_MARKS))
_FRENCH_MARK = re.compile("|".join(_FRENCH_MARKS))

FRENCH = "french"
"""The name-level reading of ``analyse`` (``name_reading``): the French table of Russian
passports for every word of a name, as in the word-level rule ``french``."""
READINGS = frozenset({FRENCH})


def name_reading(words: Iterable[str]) -> str | None:
    """The reading of a whole name that one of its words shows: ``FRENCH`` once a word bears
    a mark of the French table (ou, dj, tch, gui, gue), else None.

    A person romanises all of their name by one table. The French one writes ш as ch, which
    alone is no mark (ICAO's ч is ch too), so a word such as Charip (Шарип) or Khachiev
    (Хашиев) is read as French only beside a word that shows the table: Charip Aboubakarov
    (Абубакаров: ou = у), Ibraguim Khachiev (Ибрагим: gui = ги). Words with their own mark
    are read as French anyway.
    """
    for word in words:
        if _FRENCH_MARK.search(_fold(word)) is not None:
            return FRENCH
    return None


def _foreign_forms(folded: str, french: bool = False) -> list[tuple[str, str]]:
    """The word rewritten as each foreign table its marks show (``french``: the name's other
    words show the French table, so read this word by it too)."""
    found: list[tuple[str, str]] = []
    if not french and _FOREIGN_MARK.search(folded) is None:
        return found
    for marks, table, rule in (
        (_FRENCH_MARKS, _FRENCH, FRENCH),
        (_GERMAN_MARKS, _GERMAN, "german"),
    ):
        if (french and rule == FRENCH) or any(mark in folded for mark in marks):
            form = folded
            for old, new in table:
                form = form.replace(old, new)
            if rule == FRENCH and form.endswith("ine"):
                form = form[:-1]  # the French table writes final -ин as -ine (Chtchoukine)
            found.append((form, rule))
            ascii_form = _ascii_form(form)
            if ascii_form is not None:  # OEZTUERK = Öztürk = OZTURK
                found.append((ascii_form, rule))
    return found


def _primary(folded: str) -> str:
    """The primary key of a folded spelling (no variants, no given-name classes)."""
    return _render(_settle(_internal(_segments(folded)))[0])


def _ascii_form(folded: str) -> str | None:
    """The token as typed without diacritics, if that differs (Şahin → sahin)."""
    if folded.isascii():
        return None
    plain = "".join(
        c
        for c in unicodedata.normalize("NFKD", folded.replace("ı", "i").replace("ə", "e"))
        if not unicodedata.combining(c)
    )
    plain = plain.replace("ł", "l").replace("ø", "o")
    return plain if plain != folded and plain.isascii() else None


def analyse(token: str, reading: str | None = None) -> TokenKey:
    """Key, variant keys and trace of one token (a word, or a hyphenated compound).

    Cached on the folded form, so ``MUSTAFA`` and ``Mustafa`` share one analysis; ``text``
    is that folded form. ``reading`` is the reading of the whole name the token is a word of
    (``name_reading``): with ``FRENCH`` the word is also read by the French table though it
    bears no French mark of its own (Charip = Шарип beside Aboubakarov).
    """
    folded = _fold(token)
    if reading is not None:
        return _analyse_in_reading(folded, reading)
    found = _ANALYSES.get(folded)
    if found is None:
        found = _analyse_folded(folded)
        _remember(folded, found)
    return found


@lru_cache(maxsize=16384)
def _analyse_in_reading(folded: str, reading: str) -> TokenKey:
    """``analyse`` of a word of a name read by ``reading``; the word's own analysis when the
    reading adds nothing to it (most words: no ch, or their own French mark).

    Kept apart from ``_ANALYSES``: those analyses are the words' own, which the index files
    and ``remember_analyses`` restores.
    """
    if reading not in READINGS:
        raise ValueError(f"unknown reading {reading!r}")
    own = analyse(folded)
    if _FRENCH_MARK.search(folded) is not None or _french_adds_no_key(own):
        return own  # already read as French, or the French forms' keys are its own
    read = _analyse_folded(folded, french=True)
    return own if read.keys == own.keys else read


def _french_adds_no_key(own: TokenKey) -> bool:
    """Whether the French reading of a word would give it no key beyond ``own`` (so that
    most words, which that reading leaves as they are, are not analysed twice).

    It adds the keys of the word's French forms to its letter readings, and then the keys
    made of those (given-name classes, surnames from given names, frames); when each of
    these forms' keys is already one of the letter readings (not a surname from a given
    name, which is made of them), so is every key made of them.
    """
    for form, rule in _foreign_forms(own.text, french=True):
        if rule == FRENCH:
            used = own.via.get(_primary(form))
            if used is None or _NAME_STEM.issubset(used):
                return False
    return True


_ANALYSES: dict[str, TokenKey] = {}
"""Folded token → its analysis. A dict rather than ``lru_cache`` so the analyses of a
list's words can be kept with its index and restored (``remember_analyses``)."""
_MAX_ANALYSES = 262144
"""Past this many, the oldest analysis is forgotten for each new one."""


def _remember(folded: str, found: TokenKey) -> None:
    if len(_ANALYSES) >= _MAX_ANALYSES:
        # Another thread may have forgotten it first.
        with contextlib.suppress(KeyError, RuntimeError, StopIteration):
            del _ANALYSES[next(iter(_ANALYSES))]
    _ANALYSES[folded] = found


def analyses_of(tokens: Iterable[str]) -> dict[str, TokenKey]:
    """The analyses of these tokens by folded form, to keep (``remember_analyses``)."""
    found: dict[str, TokenKey] = {}
    for token in tokens:
        analysis = analyse(token)
        found[analysis.text] = analysis
    return found


def remember_analyses(analyses: Mapping[str, TokenKey]) -> None:
    """Take analyses made earlier by this same code (``analyses_of``) as already done."""
    for folded, analysis in analyses.items():
        if isinstance(analysis, TokenKey) and analysis.text == folded:
            _remember(folded, analysis)


def _analyse_folded(folded: str, french: bool = False) -> TokenKey:
    segments = _segments(folded)
    internal = _internal(segments)
    settled, fired = _settle(internal)
    key = _render(settled)
    via = _variants(segments, internal, settled)
    for form, rule in _foreign_forms(folded, french):
        # One key per foreign reading, not its variants: each reading would otherwise
        # multiply the keys of every word that merely contains "ch" or "ou".
        via.setdefault(_primary(form), frozenset({rule}))
    ascii_form = _ascii_form(folded)
    if ascii_form is not None:
        for variant, used in _variants(_segments(ascii_form)).items():
            via.setdefault(variant, used | {"ascii"})
    via[key] = _NONE_FIRED
    letters = list(via)  # no letter key starts with a mark
    names = _given_name_table()
    for label, rule in dict.fromkeys(names[k] for k in letters if k in names):
        via.setdefault(label, frozenset({rule}))
    stems = _given_name_stems()
    for variant in letters[:]:
        if variant[:_STEM_PREFIX] in stems:
            for russian in _surnames_of_given_names(variant):
                if russian not in via:
                    via[russian] = via[variant] | _NAME_STEM
                    letters.append(russian)
    for variant in letters:
        if len(variant) >= _MIN_FRAME_KEY:
            frame = _frame(variant)
            if frame is not None:
                via.setdefault(frame, _VOWELS_RULE)
    feminine, masculine = _gender_stems(letters)
    return TokenKey(folded, key, frozenset(via), segments, fired, via, feminine, masculine)


_NAME_STEM = frozenset({"name stem"})
_VOWELS_RULE = frozenset({"vowels"})

GIVEN_NAME_MARK = "="
"""Keys of given-name equivalence classes start with it: no letter key can."""
FRAME_MARK = "~"
"""Consonant frames (see ``_frame``) start with it."""
MARKS = frozenset({GIVEN_NAME_MARK, FRAME_MARK})
_MIN_FRAME_CONSONANTS = 4
_MIN_FRAME_KEY = 7


def _frame(key: str) -> str | None:
    """The consonants of a key, undoubled, and whether it ends in a vowel.

    Belarusian writes unstressed о as а and е as я (Лукашэнка = Лукашенко, Калеснікаў =
    Колесников, Бяляцкі = Беляцкий), and ICAO, BGN and the people themselves disagree on
    vowels more than on consonants; the frame is what such spellings share. It is a weak
    link (the scorer's ``vowels`` rule, as strong as a close fuzzy pair), and only for keys
    of seven letters or more with four consonants or more: the frames of shorter keys are
    shared by many unrelated names and fetch them as candidates (181 instead of 150 per query
    over 7,000 notices, for no gain on the accuracy benchmark). The final vowel mark keeps
    IVANOV and IVANOVA apart (gender forms).
    """
    if len(key) < _MIN_FRAME_KEY:
        return None
    # The vowels (_VOWELS) dropped by five replaces: less than a translate that deletes (it
    # looks up every character).
    consonants = _undouble(
        key.replace("a", "").replace("e", "").replace("i", "").replace("o", "").replace("u", "")
    )
    if len(consonants) < _MIN_FRAME_CONSONANTS:
        return None
    return FRAME_MARK + consonants + ("a" if key[-1] in _VOWELS else "")


@lru_cache(maxsize=1)
def _given_name_table() -> dict[str, tuple[str, str]]:
    """Primary key of each listed form → (class key, rule naming the forms)."""
    table: dict[str, tuple[str, str]] = {}
    for number, forms in enumerate(GIVEN_NAMES):
        label = f"{GIVEN_NAME_MARK}{number}"
        rule = "one given name: " + " = ".join(forms[:3])
        for form in forms:
            folded = _fold(form)
            spellings = {folded, _ascii_form(folded) or folded}
            for spelling in spellings:
                table.setdefault(_primary(spelling), (label, rule))
    return table


_STEM_PREFIX = 4
"""Shortest given-name key read as the stem of a surname (and the length it is filed by)."""
_SURNAME_SUFFIX = re.compile(r"[aoe][vu]a?|ina?|(?:[aoe]v)?iç|ç[iu]k|[iu]k|enk[ao]")
"""What Slavic surnames add to a given name, as keys: -ов -ев -аў -еў (-ова...), -ин, -ович
-евич -іч, -чик -чык -чук, -ук -ик, -енко -енка."""


@lru_cache(maxsize=1)
def _given_name_stems() -> dict[str, list[tuple[str, str]]]:
    """(key of a listed non-Russian form, key of the Russian form), by the first letters.

    Also without a final й (Сяргей: Сяргееў = Сергеев), which surnames drop.
    """
    stems: dict[str, list[tuple[str, str]]] = {}
    for russian_form, *forms in GIVEN_NAMES:
        russian = _primary(_fold(russian_form))
        for form in forms:
            own = _primary(_fold(form))
            pairs = [(own, russian)]
            if own.endswith("i") and russian.endswith("i"):
                pairs.append((own[:-1], russian[:-1]))
            for stem, russian_stem in pairs:
                if own != russian and len(stem) >= _STEM_PREFIX:
                    stems.setdefault(stem[:_STEM_PREFIX], []).append((stem, russian_stem))
    return stems


def _surnames_of_given_names(key: str) -> list[str]:
    """A surname formed from a listed given name in its Belarusian or Ukrainian form, with the
    Russian form of that name put in (Лявонава → Леонава, Мікалаеў → Николаев).

    Surnames made from given names (Леонов from Леон, Наумчик from Наум) take the name's form
    in each language; the Russian registry writes the Russian one. The rest of the surname is
    left as it is: its vowels are the business of ``correspondences``.
    """
    found = []
    for stem, russian_stem in _given_name_stems().get(key[:_STEM_PREFIX], ()):
        if key.startswith(stem) and _SURNAME_SUFFIX.fullmatch(key, len(stem)):
            found.append(_primary(russian_stem + key[len(stem) :]))
    return found


def phonetic_key(token: str) -> str:
    """The primary key of one token; idempotent (``phonetic_key`` of a key is the key)."""
    return analyse(token).key


def phonetic_keys(token: str) -> frozenset[str]:
    """The primary key and the variant keys of one token."""
    return analyse(token).keys


def name_key(text: str) -> str:
    """Key of a whole name: the keys of its words, in order, space-separated."""
    return " ".join(k for k in (phonetic_key(w) for w in text.split()) if k)


_DEVOICE = {"d": "t", "b": "p", "z": "s", "v": "f", "j": "ç"}
_CONSONANTS_DEVOICED = str.maketrans({**_DEVOICE, **dict.fromkeys(_VOWELS)})


def skeleton(key: str) -> str:
    """A coarse blocking key: first letter, then consonants only, devoiced, undoubled.

    It catches what the phonetic key leaves to fuzzy comparison (Mammadov/MAMEDOV,
    Ahmed/AHMET, Lukashenka/LUKASHENKO) and is never used to decide a match.
    """
    if not key:
        return ""
    return _undouble(key[0] + key[1:].translate(_CONSONANTS_DEVOICED))


# Gendered surname endings: (feminine, masculine) on keys.
_GENDER_ENDINGS = (
    ("ova", "ov"),
    ("eva", "ev"),
    ("ina", "in"),
    ("ina", "ine"),  # French -ine for -ин (Chtchoukine)
    ("skaia", "ski"),
    ("ska", "ski"),
    ("aia", "i"),
    ("aia", "oi"),
)


_FEMININE_BY_LAST_TWO: dict[str, list[tuple[int, str]]] = {}
_MASCULINE_BY_LAST: dict[str, list[tuple[int, str]]] = {}
for _index, (_fem, _masc) in enumerate(_GENDER_ENDINGS):
    _FEMININE_BY_LAST_TWO.setdefault(_fem[-2:], []).append((_index, _fem))
    _MASCULINE_BY_LAST.setdefault(_masc[-1], []).append((_index, _masc))
# Every feminine ending ends in a and no masculine one does: a key's last letter says which
# endings it can have, and (feminine endings having two letters or more) its last two which
# feminine ones.
assert all(fem[-1] == "a" != masc[-1] and len(fem) >= 2 for fem, masc in _GENDER_ENDINGS)


def _gender_stems(
    keys: Iterable[str],
) -> tuple[frozenset[tuple[str, int]], frozenset[tuple[str, int]]]:
    """(stem, ending pair) of the letter keys (no class or frame key) in each gender form."""
    feminine: set[tuple[str, int]] = set()
    masculine: set[tuple[str, int]] = set()
    for key in keys:
        if not key:
            continue
        if key[-1] == "a":
            for index, fem in _FEMININE_BY_LAST_TWO.get(key[-2:], ()):
                if key.endswith(fem):
                    feminine.add((key[: -len(fem)], index))
            continue
        for index, masc in _MASCULINE_BY_LAST.get(key[-1], ()):
            if key.endswith(masc) and len(key) > len(masc) + 1:
                masculine.add((key[: -len(masc)], index))
    return frozenset(feminine), frozenset(masculine)


@lru_cache(maxsize=65536)
def other_gender_forms(key: str) -> frozenset[str]:
    """The surname key with its gendered ending swapped (IVANOVA → IVANOV and back)."""
    found: set[str] = set()
    for fem, masc in _GENDER_ENDINGS:
        if key.endswith(fem):
            found.add(key[: -len(fem)] + masc)
        if key.endswith(masc) and len(key) > len(masc) + 1:
            found.add(key[: -len(masc)] + fem)
    return frozenset(found)


def gender_pair(key_a: str, key_b: str) -> bool:
    """Whether two surname keys are the feminine and masculine forms of one family name."""
    for fem, masc in _GENDER_ENDINGS:
        for female, male in ((key_a, key_b), (key_b, key_a)):
            if (
                female.endswith(fem)
                and male.endswith(masc)
                and female[: -len(fem)] == male[: -len(masc)]
                and len(male) > len(masc) + 1
            ):
                return True
    return False


# --- explanations ----------------------------------------------------------------------------

_CLASS_NAMES = {
    _J: "дж/ж",
    _C: "ч",
    _S: "ш",
    _H: "х/г",
    _T: "ц",
    _S + _C: "щ",
    "i": "и/й/ы",
    "k": "к",
    "n": "н",
    "v": "в",
    "a": "а",
    "o": "о",
    "u": "у",
    "e": "е",
    "ie": "є",
    "ia": "я",
    "iu": "ю",
    "ii": "ї",
}
_CLASS_ORDER = {symbol: order for order, symbol in enumerate(_CLASS_NAMES)}
"""The order in which explanations name the classes."""

_SPELLING_NOTES: dict[tuple[str, str], str] = {
    (_J, "c"): "Crimean Tatar/Turkish c",
    (_J, "j"): "English j",
    (_J, "dzh"): "Russian дж = dzh",
    (_J, "dj"): "French dj",
    (_J, "dž"): "dž",
    (_J, "dsh"): "German dsh",
    (_J, "dsch"): "German dsch",
    (_J, "zh"): "Russian ж = zh",
    (_J, "ж"): "Cyrillic ж",
    (_J, "дж"): "Cyrillic дж",
    (_C, "ç"): "Turkish/Crimean Tatar ç",
    (_C, "ch"): "Russian ч = ch",
    (_C, "tch"): "French tch",
    (_C, "tsch"): "German tsch",
    (_C, "cz"): "Polish cz",
    (_S, "ş"): "Turkish/Crimean Tatar ş",
    (_S, "sh"): "Russian ш = sh",
    (_S, "sch"): "German sch",
    (_H, "h"): "h (Crimean Tatar х, Ukrainian г)",
    (_H, "kh"): "Russian х = kh",
    (_H, "x"): "Azerbaijani/Uzbek x",
    (_H, "g"): "Russian г = g",
    (_H, "ğ"): "Crimean Tatar ğ",
    (_H, "gh"): "gh",
    (_T, "ts"): "ц = ts",
    (_T, "tc"): "GOST ц = tc",
    (_T, "tz"): "German tz",
    ("k", "q"): "Crimean Tatar q (къ)",
    ("n", "ñ"): "Crimean Tatar ñ (нъ)",
    ("i", "y"): "y",
    ("i", "ı"): "Turkish ı",
    ("v", "w"): "w",
    ("a", "â"): "Crimean Tatar â",
    ("a", "ə"): "Azerbaijani ə",
    ("o", "ö"): "ö",
    ("u", "ü"): "ü",
    ("e", "ë"): "ë",
}

_FIRED_NOTES = {
    "doubles": "doubled letters written once",
    "ie=e": "ye/ie = e (BGN ye, Ukrainian є = Russian е)",
}

_VARIANT_NOTES = {
    "j=й": "j read as й",
    "c=ц": "c read as ц (Polish, Belarusian)",
    "c=к": "c read as k",
    "c=ç": "c typed for ç",
    "ch=х": "ch read as х (Czech, Polish, German, Belarusian)",
    "x=кс": "x read as ks",
    "q=г": "Azerbaijani q = Russian г",
    "ə=е": "Azerbaijani ə = Russian е",
    "â=я": "Crimean Tatar â = я (ya)",
    "ö=ё": "ö = ё (yo)",
    "ü=ю": "ü = ю (yu)",
    "ў=в": "Belarusian ў = в",
    "ë=ё": "ë = ё",
    "ё=yo": "ё written yo",
    "glide": "ya/yu/yo after a consonant = a/u/o (Crimean Tatar, Turkish spelling)",
    "yo=e": "ё written e (ICAO, GOST, MVD 310) = yo",
    "ou=ov": "Belarusian ў (u) = Russian в (v)",
    "ci=ti": "Belarusian ць/дзь = Russian ть/дь",
    "ascii": "diacritics dropped",
    "h=х/г": "sh / zh read as с+х / з+г (Crimean Tatar and Ukrainian h)",
    "sch=ш": "German sch = ш",
    "kkh=kh": "кх written kh (BEKKHAN = Bekhan)",
    "vowels": "the same consonants, vowels differ (Belarusian а/о, я/е; unstressed vowels)",
    "name stem": "a surname from a given name in its Belarusian or Ukrainian form (Лявонаў = "
    "Леонов, Мікалаеў = Николаев)",
    "french": "read as French spelling (ch = ш, ou = у, dj = дж, gu = г)",
    "german": "read as German spelling (oe = ö, ue = ü, sch = ш)",
}


def _class_spellings(token: TokenKey) -> dict[str, set[str]]:
    spellings: dict[str, set[str]] = {}
    for seg in token.segments:
        if seg.symbol in _CLASS_NAMES:
            spellings.setdefault(seg.symbol, set()).add(seg.source)
    return spellings


def _note(symbol: str, spelling: str) -> str:
    note = _SPELLING_NOTES.get((symbol, spelling))
    if note is not None:
        return note
    if not spelling.isascii():
        return f"{'Cyrillic ' if _is_cyrillic(spelling) else ''}{spelling}"
    return spelling


def _is_cyrillic(text: str) -> bool:
    return any("CYRILLIC" in unicodedata.name(c, "") for c in text)


def explain_difference(a: TokenKey, b: TokenKey, shared: str | None = None) -> list[str]:
    """The rules that make ``a`` and ``b`` the same key, as short phrases for a case worker.

    ``shared`` is the key they meet on (``None`` for a fuzzy pair); its variant rules are named.
    """
    phrases: list[str] = []
    spell_a, spell_b = _class_spellings(a), _class_spellings(b)
    for symbol in sorted(set(spell_a) | set(spell_b), key=_CLASS_ORDER.__getitem__):
        left, right = spell_a.get(symbol, set()), spell_b.get(symbol, set())
        if not left or not right or left == right:
            continue
        lhs = " / ".join(_note(symbol, s) for s in sorted(left - right or left))
        rhs = " / ".join(_note(symbol, s) for s in sorted(right - left or right))
        phrases.append(f"{lhs} = {rhs}")
    for rule in sorted(a.fired ^ b.fired):
        if rule in _FIRED_NOTES:
            phrases.append(_FIRED_NOTES[rule])
    if shared is not None:
        used = a.via.get(shared, frozenset()) | b.via.get(shared, frozenset())
        phrases.extend(_VARIANT_NOTES.get(rule, rule) for rule in sorted(used))
    return list(dict.fromkeys(phrases))
