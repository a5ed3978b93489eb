"""What a charge is about: offence categories recognised in the words notices really use.

Charges arrive as the issuing police wrote them: English descriptions with typos
(``illegal arned formation``, ``particpation``), Russian with article numbers
(``ч. 2 ст. 205.5 УК РФ``), Spanish, French, Ukrainian. Each category is recognised three
ways: regular expressions over the folded text, a typo-tolerant comparison of a few key
English phrases (rapidfuzz, which the matching code already uses), and Russian Criminal Code
article numbers when the warrant comes from Russia or the text names the Russian code.

Categories have a ``kind``:

* ``political``: political in character whoever asks (treason, extremism, army "fakes");
* ``dual_use``: used against political targets by some states and against ordinary criminals
  by others (a terrorist organisation, an illegal armed formation, mass riots, violence
  against officials) — meaningful only with the issuing state (see ``indicators``);
* ``conflict``: tied to an armed conflict or military service (the "military" limb of Art. 3);
* ``ordinary``: everything else, kept for the figures by charge category.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

POLITICAL = "political"
DUAL_USE = "dual_use"
CONFLICT = "conflict"
ORDINARY = "ordinary"


@dataclass(frozen=True)
class Category:
    code: str
    label: str
    kind: str
    patterns: tuple[re.Pattern[str], ...]
    phrases: tuple[str, ...] = ()  # English key phrases matched with typos tolerated
    articles: tuple[str, ...] = ()  # Russian Criminal Code articles


@dataclass(frozen=True)
class ChargeMatch:
    category: Category
    evidence: str  # the words of the charge that matched, as written
    article: str | None = None  # the article number, when recognised by number


def _category(
    code: str,
    label: str,
    kind: str,
    patterns: tuple[str, ...],
    phrases: tuple[str, ...] = (),
    articles: str = "",
) -> Category:
    return Category(
        code,
        label,
        kind,
        tuple(re.compile(p, re.IGNORECASE) for p in patterns),
        phrases,
        tuple(articles.split()),
    )


# Word stems tolerant of the typos seen in real notices.
_ARMED = r"\b(?:ar[mn]e?d|armd)"
_FORMATION = r"(?:f?o?r?m\w{0,4}ations?|formations?|fromations?|ormations?)"
_TERROR = r"\bte?r{1,3}o?r{1,2}(?:is[mt]\w*|oris\w*)"

CATEGORIES: tuple[Category, ...] = (
    # --- political in character, whoever asks ------------------------------------------
    _category(
        "treason_espionage",
        "treason, espionage",
        POLITICAL,
        (
            r"\btreason\w*",
            r"\bespionage\b|\bspying\b",
            r"confidential\s+(?:co-?operation|collaboration)\s+with\s+a\s+foreign",
            r"государственн\w+\s+измен\w*|\bизмен\w+\s+родин\w*|\bшпионаж\w*",
            r"конфиденциальн\w+\s+сотрудничеств\w*",
            r"державн\w+\s+зрад\w*|\bшпигунств\w*",
            r"\btraici[oó]n\b|\bespionaje\b|\btrahison\b",
        ),
        ("high treason",),
        "275 275.1 276 283",
    ),
    _category(
        "extremism",
        "extremism, hatred, separatism",
        POLITICAL,
        (
            # "terrorist and extremist training" is a foreign fighter's charge, not speech.
            r"\bextremis\w*+(?!\s+training)",
            r"экстремист\w*|экстремизм\w*|екстреміст\w*|екстремізм\w*",
            r"(?:hatred|enmity)\b",
            r"возбуждени\w+\s+ненавист\w*|ненавист\w+\s+(?:и|либо)\s+вражд\w*",
            r"(?:abasement|humiliation|degradation)\s+of\s+(?:human\s+)?dignity",
            r"territorial\s+integrity|территориальн\w+\s+целостност\w*|"
            r"територіальн\w+\s+цілісн\w*",
            r"\bseparatis\w*|сепаратис\w*",
            r"undesirable\s+organi[sz]ation|нежелательн\w+\s+организаци\w*",
            r"rehabilitation\s+of\s+nazism|реабилитаци\w+\s+нацизма",
            r"foreign\s+agent|иностранн\w+\s+агент\w*",
        ),
        (
            "public calls for extremist activity",
            "public appeals for extremist activity",
            "incitement of hatred or enmity",
            "abasement of human dignity",
        ),
        "280 280.1 280.2 280.4 282 282.1 282.2 282.3 282.4 284.1 330.1 354.1",
    ),
    _category(
        "justifying_terrorism",
        "public calls to or justification of terrorism",
        POLITICAL,
        (
            r"justif\w*\s+(?:of\s+)?(?:the\s+)?terror\w*",
            r"(?:calls?|appeals?|incitement)\s+(?:\w+\s+){0,3}(?:the\s+)?"
            r"(?:performance|commission|carrying\s+out|implementation)\s+of\s+terror\w*",
            r"(?:calls?|appeals?)\s+(?:for|to)\s+terror\w*",
            r"оправдани\w+\s+терроризм\w*|пропаганд\w+\s+терроризм\w*",
            r"призыв\w*\s+к\s+осуществлению\s+террористическ\w*",
        ),
        (
            "public justification of terrorism",
            "public appeals for the performance of terrorist activity",
        ),
        "205.2",
    ),
    _category(
        "army_fakes",
        "false information about or discrediting the armed forces",
        POLITICAL,
        (
            r"(?:false|fake)\w*\s+(?:\w+\s+){0,6}armed\s+forces",
            r"\bdiscredit\w*",
            r"заведомо\s+ложн\w+\s+информаци\w*|\bфейк\w*",
            r"дискредит\w*",
        ),
        ("knowingly false information about the use of the armed forces",),
        "207.3 280.3",
    ),
    _category(
        "insulting_authorities",
        "insulting or defaming the head of state or officials",
        POLITICAL,
        (
            r"(?:insult|defam|slander)\w*\s+(?:\w+\s+){0,3}(?:president|head\s+of\s+(?:the\s+)?state|"
            r"representatives?\s+of\s+(?:the\s+)?authorit\w*)",
            r"(?:оскорблени|клевет)\w*\s+(?:\w+\s+){0,3}(?:президент\w*|представител\w+\s+власти)",
        ),
        (),
        "319",
    ),
    # --- used both ways: read together with the issuing state ----------------------------
    _category(
        "terrorism",
        "terrorism (membership, training, financing, acts)",
        DUAL_USE,
        (
            _TERROR,
            r"террор\w*|терор\w*",
            r"hizb\s*ut[- ]?tahrir|хизб\s*ут[- ]?тахрир",
        ),
        ("terrorist organization", "terrorist activity"),
        "205 205.1 205.3 205.4 205.5 205.6",
    ),
    _category(
        "armed_formation",
        "illegal armed formation",
        DUAL_USE,
        (
            _ARMED + r"\s+(?:\w+\s+){0,2}" + _FORMATION,
            r"illegal\s+armed\s+(?:gang\s+)?group",
            r"вооруж[её]нн\w+\s+формировани\w*|незаконн\w+\s+вооруж\w+|\bНВФ\b",
            r"збройн\w+\s+формуванн\w*",
            r"\bparamilitar\w*",
        ),
        ("illegal armed formation",),
        "208",
    ),
    _category(
        "mass_riots",
        "mass riots",
        DUAL_USE,
        (
            r"mass\s+(?:riots?|disorders?|unrest)",
            r"массов\w+\s+беспорядк\w*|масов\w+\s+заворушен\w*",
        ),
        ("participation in mass riots",),
        "212",
    ),
    _category(
        "sabotage",
        "sabotage",
        DUAL_USE,
        (r"\bsabotage\b", r"диверси\w*"),
        (),
        "281",
    ),
    _category(
        "violence_against_officials",
        "violence against officials",
        DUAL_USE,
        (
            r"violence\s+(?:\w+\s+){0,2}(?:against|towards?)\s+(?:a\s+|the\s+)?"
            r"(?:representative|official|officer|police|authorit)\w*",
            r"(?:encroachment\s+on|attempt\s+on)\s+(?:the\s+)?life\s+of\s+(?:a\s+)?"
            r"(?:law\s+enforcement|police|official)\w*",
            r"насили\w+\s+в\s+отношении\s+представител\w+\s+власти",
            r"посягательств\w+\s+на\s+жизнь\s+сотрудник\w+",
        ),
        (),
        "317 318",
    ),
    # --- tied to an armed conflict or military service ----------------------------------
    _category(
        "armed_conflict",
        "armed conflict, mercenaries, fighting abroad",
        CONFLICT,
        (
            r"\bmercenar\w*|наемни\w*|наёмни\w*|найманств\w*",
            r"armed\s+conflict|\bhostilities\b|\bcombatant\w*",
            r"вооруж[её]нн\w+\s+конфликт\w*|боев\w+\s+действи\w*",
            r"territory\s+of\s+(?:a\s+|the\s+)?foreign\s+state|"
            r"на\s+территории\s+иностранного\s+государства",
            r"not\s+provided\s+(?:for\s+)?by\s+(?:a\s+|the\s+)?(?:federal\s+)?law\s+of\s+"
            r"(?:this|that|the|a\s+foreign)\s+state",
            r"armed\s+forces\s+of\s+ukraine|вооруж[её]нн\w+\s+сил\w*\s+украин\w*|\bВСУ\b|\bЗСУ\b",
            r"\bbattalion\b|батальон\w*|\bazov\b|\bаидар|\bайдар\w*|\bazov\b",
            r"foreign\s+(?:paramilitary|armed\s+group|fighters?)",
        ),
        (
            "participation in an armed conflict",
            "armed conflicts or military actions",
            "on the territory of a foreign state",
            "on the territory of a foreign country",
            "joining foreign paramilitary",
            "as a mercenary",
        ),
        "359",
    ),
    _category(
        "military_service",
        "desertion, evading military service",
        CONFLICT,
        (
            r"\bdesert(?:ion|ed|er)\b|дезертир\w*",
            r"evasion\s+of\s+(?:\w+\s+){0,2}(?:service|mobili[sz]ation|conscription)",
            r"уклонени\w+\s+от\s+(?:военной\s+службы|призыва|мобилизаци\w*|прохождения)",
            r"самовольн\w+\s+оставлени\w*",
        ),
        (),
        "328 337 338 339",
    ),
    # --- ordinary offences, for the figures ---------------------------------------------
    _category(
        "international_crimes",
        "war crimes, genocide, crimes against humanity",
        ORDINARY,
        (r"war\s+crimes?|genocid\w*|crimes?\s+against\s+humanity|геноцид\w*|военн\w+\s+преступ",),
    ),
    _category(
        "homicide",
        "homicide",
        ORDINARY,
        (
            r"\bmurder\w*|\bmuder\b|\bhomicid\w*|\bhomici?o\b|\basesinato\b|\bfeminicidio\b|\bfemicidio\b",
            r"\bmeurtre\b|\bassassinat\b|\bkilling\b|manslaughter",
            r"causing\s+(?:\w+\s+){0,2}death|caused\s+(?:\w+\s+){0,2}death|death\s+of",
            r"убийств\w*|вбивств\w*|смерт\w*",
        ),
        (),
        "105 106 107 108 109",
    ),
    _category(
        "sexual_offences",
        "sexual offences",
        ORDINARY,
        (
            r"\brape\w*|\bsexual\w*|\bviolaci[oó]n\b|\bviol\b|\babuso\s+sexual",
            r"agresi[oó]n\s+sexual|estupro|pornogra\w*|изнасиловани\w*|сексуальн\w*|зґвалтуван\w*",
        ),
        (),
        "131 132 134 135 242.1",
    ),
    _category(
        "drugs",
        "drugs",
        ORDINARY,
        (
            r"\bdrugs?\b|narcotic\w*|psychotropic|controlled\s+substance\w*|\bcocaine\b|\bheroin\b",
            r"estupefacientes?|\bdrogas?\b|marihuana|marijuana|narcotr[aá]fico|ley\s+(?:n[°º]?\s*)?23\.?737|stup[eé]fiants?",
            r"наркот\w*|психотроп\w*",
        ),
        (),
        "228 228.1 228.2 229 229.1",
    ),
    _category(
        "fraud_economic",
        "fraud, embezzlement, money laundering, smuggling",
        ORDINARY,
        (
            r"\bfraud\w*|\bembezzl\w*|money\s+launder\w*|\blaundering\b|\bcheating\b|\bbribe\w*",
            r"\bcorrupt\w*|\btax\b|\bdefraud\w*|breach\s+of\s+trust|\bsmuggl\w*|\bforg\w+",
            r"\bestafa\w*|\bdefraudaci[oó]n|lavado\s+de\s+(?:dinero|activos)|contrabando",
            r"\bpeculado\b|apropiaci[oó]n\s+indebida|administraci[oó]n\s+fraudulenta",
            r"\bescroquerie\b|blanchiment|abus\s+de\s+confiance",
            r"мошенничеств\w*|растрат\w*|присвоени\w*|легализаци\w*|взятк\w*|шахрайств\w*",
        ),
        (),
        "159 159.1 159.2 159.3 159.4 159.5 159.6 160 174 174.1 199 290 291",
    ),
    _category(
        "robbery_theft",
        "robbery, theft",
        ORDINARY,
        (
            r"\brobber\w*|\btheft\b|\bburglar\w*|\bstole\w*|\bstealing\b",
            r"\brobo\b|\bhurto\b|\brapi[nñ]a\b|\bvol\b|\bvols\b|грабеж\w*|разбо\w+|краж\w*|крадіжк\w*",
            r"заволодіння|carjack\w*",
        ),
        (),
        "158 161 162 166",
    ),
    _category(
        "kidnapping_extortion",
        "kidnapping, extortion",
        ORDINARY,
        (
            r"\bkidnap\w*|\babduct\w*|\bextort\w*|\bhostage\w*",
            r"\bsecuestro\w*|\bextorsi[oó]n\w*|privaci[oó]n\s+de\s+(?:la\s+)?libertad",
            r"\bs[eé]questration\b|похищени\w*|вымогательств\w*",
        ),
        (),
        "126 127 163 206",
    ),
    _category(
        "organised_crime",
        "criminal organisation, gang",
        ORDINARY,
        (
            r"criminal\s+(?:organi[sz]ation|community|association|group|gang|enterprise)",
            r"agrupaciones?\s+il[ií]citas?|asociaci[oó]n(?:es)?\s+il[ií]cita|"
            r"asociaciones?\s+delictivas?",
            r"organized\s+(?:crime|group)|association\s+de\s+malfaiteurs|bande\s+organis",
            r"\bbanditry\b|бандитизм\w*|преступн\w+\s+сообществ\w*|организованн\w+\s+групп\w*",
        ),
        (),
        "209 210",
    ),
    _category(
        "weapons",
        "weapons, explosives",
        ORDINARY,
        (
            r"\bfire-?arms?\b|\bweapons?\b|\bammunition\b|\bexplosive\w*|\bguns?\b",
            r"\barmas?\s+de\s+fuego|\bexplosivos?\b|\barmes?\b",
            r"оружи\w*|боеприпас\w*|взрывчат\w*|взрывн\w+\s+устройств\w*",
        ),
        (),
        "222 222.1 223 223.1",
    ),
    _category(
        "human_trafficking",
        "human trafficking, smuggling of people",
        ORDINARY,
        (
            r"human\s+trafficking|trafficking\s+in\s+(?:human|persons|people)|\btrata\b",
            r"tr[aá]fico\s+il[eí]gal\s+de\s+personas",
            r"migrant\s+smuggling|illegal\s+crossing|торговл\w+\s+людьми",
        ),
        (),
        "127.1 322.1",
    ),
    _category(
        "violence",
        "assault, injury",
        ORDINARY,
        (
            r"\bassault\w*|\binjur\w*|\bwounding\b|bodily\s+harm|\blesiones\b|\bviolence\b",
            r"\bcoups\b|телесн\w+\s+повреждени\w*|вред\w*\s+здоровью|тілесн\w+\s+ушкоджен\w*",
        ),
        (),
        "111 112 115 116",
    ),
)

BY_CODE: dict[str, Category] = {c.code: c for c in CATEGORIES}
OTHER = Category("other", "other or not recognised", ORDINARY, ())

_RUSSIA: dict[str, Category] = {a: c for c in CATEGORIES for a in c.articles}
# Belarus's Criminal Code numbers its charges against protesters and the opposition differently
# (361-1 "extremist formation", 342 "actions grossly violating public order", 368 "insulting
# the President"); read only for Belarusian warrants or texts naming that code.
_BELARUS: dict[str, Category] = {
    number: BY_CODE[code]
    for number, code in (
        ("130", "extremism"),
        ("293", "mass_riots"),
        ("342", "mass_riots"),
        ("356", "treason_espionage"),
        ("358", "treason_espionage"),
        ("361", "extremism"),
        ("361.1", "extremism"),
        ("361.4", "extremism"),
        ("367", "insulting_authorities"),
        ("368", "insulting_authorities"),
        ("369", "insulting_authorities"),
    )
}

# "ст. 205.5", "ч. 2 ст. 208 УК РФ", "Art. 208 Part 2", "articles 205.5, 208", "статья 282.2"
_ARTICLE_LIST = re.compile(
    r"(?:\bст\.?|\bстат\w*|\bart\.?|\barticles?|§)\s*"
    r"((?:\d{3}(?:[.-]\d{1,2})?(?:\s*(?:ч\.?|part|п\.?|пункт\w*|\(\d\))\s*\d*)?[\s,;и&]*(?:and\s+)?)+)",
    re.IGNORECASE,
)
_ARTICLE_BEFORE_CODE = re.compile(
    r"(\d{3}(?:[.-]\d{1,2})?)\s*(?:ч\.?\s*\d+\s*)?(?:УК\s*РФ|УК\s+России|CC\s*RF|RF\s*CC|УК\s*РБ)",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\d{3}(?:[.-]\d{1,2})?")
_RUSSIAN_CODE = re.compile(
    r"УК\s*РФ|Уголовн\w+\s+кодекс\w*\s+Российской|Criminal\s+Code\s+of\s+(?:the\s+)?Russian|"
    r"\bCC\s*RF\b|\bRF\s*CC\b|\bRF\s+Criminal\s+Code",
    re.IGNORECASE,
)
_BELARUSIAN_CODE = re.compile(
    r"УК\s*РБ|Уголовн\w+\s+кодекс\w*\s+Республики\s+Беларусь|"
    r"Criminal\s+Code\s+of\s+(?:the\s+)?Republic\s+of\s+Belarus|КК\s+Рэспублікі\s+Беларусь",
    re.IGNORECASE,
)


def _criminal_code(text: str, issuer: str | None) -> dict[str, Category]:
    """Which code's article numbers a charge uses: the one it names, else the issuer's."""
    if _RUSSIAN_CODE.search(text):
        return _RUSSIA
    if _BELARUSIAN_CODE.search(text):
        return _BELARUS
    return {"RU": _RUSSIA, "BY": _BELARUS}.get(issuer or "", {})


def fold(text: str) -> str:
    """Lower case, Latin accents dropped, line breaks as spaces; the length stays the same
    so that positions found in the folded text point at the words as written."""
    out = []
    for char in text:
        low = char.lower()[:1] or char
        if low in "\r\n\t":
            low = " "
        elif low == "ё":
            low = "е"
        elif not low.isascii():
            base = unicodedata.normalize("NFKD", low)[:1]
            if base.isascii() and base.isalpha():
                low = base
        out.append(low)
    return "".join(out)


# Clauses end at ";", line breaks, "1)", ", " and ". " — but not after abbreviations such as
# "г.", "ч.", "ст.", "Art." ("ч. 2 ст. 208", "в г. Симферополь").
_CLAUSE_END = re.compile(r"[;\r\n]|(?<![^\w]\w)(?<![^\w]\w\w)(?<![Aa]rt)(?<!ART)\.\s|\d\)|,\s")


def _evidence(text: str, start: int, end: int) -> str:
    """The clause of the charge around the matched words (a case worker reads the offence,
    not a stem), single-spaced."""
    before = [m.end() for m in _CLAUSE_END.finditer(text, 0, start)]
    after = _CLAUSE_END.search(text, end)
    clause = text[before[-1] if before else 0 : after.start() if after else len(text)]
    return " ".join(clause.split()).strip(" .,:-")


def article_numbers(text: str) -> list[str]:
    """Article numbers named in a charge, ``361-1`` written as ``361.1``."""
    found: list[str] = []
    numbers = [n for m in _ARTICLE_LIST.finditer(text) for n in _NUMBER.findall(m.group(1))]
    numbers += [m.group(1) for m in _ARTICLE_BEFORE_CODE.finditer(text)]
    for number in numbers:
        number = number.replace("-", ".")
        if number not in found:
            found.append(number)
    return found


@lru_cache(maxsize=65536)
def classify_charge(text: str, issuer: str | None = None) -> tuple[ChargeMatch, ...]:
    """Every category a charge text falls in, with the words that show it (each once)."""
    if not text or not text.strip():
        return ()
    folded = fold(text)
    found: dict[str, ChargeMatch] = {}
    for category in CATEGORIES:
        for pattern in category.patterns:
            match = pattern.search(folded)
            if match:
                found[category.code] = ChargeMatch(
                    category, _evidence(text, match.start(), match.end())
                )
                break
        if category.code in found:
            continue
        for phrase in category.phrases:
            if len(folded) < len(phrase) - 3:
                continue
            alignment = fuzz.partial_ratio_alignment(phrase, folded, score_cutoff=88)
            if alignment is not None:
                found[category.code] = ChargeMatch(
                    category, _evidence(text, alignment.dest_start, alignment.dest_end)
                )
                break
    code = _criminal_code(text, issuer)
    if code:
        for number in article_numbers(text):
            by_number = code.get(number)
            if by_number is None and code is _RUSSIA and number.startswith("205."):
                by_number = BY_CODE["terrorism"]  # a part of Art. 205 not listed above
            if by_number is None:
                continue
            category = by_number
            if category.code not in found:
                found[category.code] = ChargeMatch(category, f"Art. {number}", number)
            elif found[category.code].article is None:
                previous = found[category.code]
                words = previous.evidence
                if number not in words:
                    words = f"{words} (Art. {number})"
                found[category.code] = ChargeMatch(category, words, number)
    return tuple(found[c.code] for c in CATEGORIES if c.code in found)


def categories_of(text: str, issuer: str | None = None) -> list[str]:
    """Category codes of a charge, ``other`` when none is recognised (for the figures)."""
    matches = classify_charge(text, issuer)
    return [m.category.code for m in matches] or [OTHER.code]
