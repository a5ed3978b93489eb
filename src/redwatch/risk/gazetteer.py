"""Places in the territory of Ukraine occupied by Russia, in the spellings notices use.

Notices write places in upper-case Latin romanised by the issuing police (``SIMFEROPOL``,
``EVPATORIYA``), sometimes in Cyrillic (``Симферополь``, ``Сімферополь``) or in Crimean Tatar
(``Aqmescit``). Rather than list every spelling, each entry lists a few forms and is matched
through the phonetic keys of ``redwatch.names`` (the same folding that matches people's names
across scripts), so ``YEVPATORIYA``, ``EVPATORIA`` and ``Євпаторія`` are one place.

Names shared with many places outside the occupied territory (``PERVOMAISKE``, ``LENINE``,
``KIROVSKE``, ``SOVETSKIY``) are left out on purpose: they would flag people born in Russia.
Names with a namesake in Russia (Donetsk in Rostov oblast) carry the words that rule it out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from redwatch.names import phonetic_key


@dataclass(frozen=True)
class Place:
    name: str  # the English name used in flags
    region: str  # crimea | donetsk | luhansk | zaporizhzhia | kherson
    forms: tuple[str, ...]  # spellings; each may be several words
    not_with: tuple[str, ...] = ()  # words that point at a namesake elsewhere


@dataclass(frozen=True)
class PlaceMatch:
    place: Place
    evidence: str  # the words of the text that matched

    @property
    def crimea(self) -> bool:
        return self.place.region == "crimea"


def _p(name: str, region: str, forms: str, not_with: str = "") -> Place:
    return Place(
        name,
        region,
        tuple(f.strip() for f in forms.split("|") if f.strip()),
        tuple(w.strip() for w in not_with.split("|") if w.strip()),
    )


# Occupied since February–March 2014: the Autonomous Republic of Crimea and Sevastopol.
_CRIMEA: tuple[Place, ...] = (
    _p(
        "Crimea",
        "crimea",
        "CRIMEA|CRIMEAN|KRYM|KRIM|Крым|Крим|Кырым|Къырым|Qırım|"
        "QIRIM|KIRIM|Республика Крым|Автономна Республіка Крим",
    ),
    _p("Sevastopol", "crimea", "SEVASTOPOL|SEVASTOPOLJ|Севастополь|Севастополь|Aqyar|AKYAR"),
    _p("Simferopol", "crimea", "SIMFEROPOL|SIMFEROPOLJ|Симферополь|Сімферополь|Aqmescit|AKMESCHIT"),
    _p("Kerch", "crimea", "KERCH|KERCHJ|Керчь|Керч|Keriç"),
    _p("Yalta", "crimea", "YALTA|JALTA|IALTA|Ялта"),
    _p("Feodosia", "crimea", "FEODOSIA|FEODOSIYA|FEODOSIIA|TEODOSIIA|Феодосия|Феодосія|Kefe"),
    _p(
        "Yevpatoria",
        "crimea",
        "YEVPATORIYA|EVPATORIYA|EVPATORIA|YEVPATORIIA|IEVPATORIIA|Евпатория|Євпаторія|Kezlev|Gözleve",
    ),
    _p("Dzhankoi", "crimea", "DZHANKOI|DZHANKOY|DZHANKOJ|DJANKOY|Джанкой|Canköy|JANKOY"),
    _p(
        "Bakhchysarai",
        "crimea",
        "BAKHCHYSARAI|BAKHCHISARAI|BAKHCHISARAY|BAKHCHYSARAY|Бахчисарай|Бахчисарай|Bağçasaray",
    ),
    _p("Alushta", "crimea", "ALUSHTA|Алушта|Aluşta"),
    _p("Sudak", "crimea", "SUDAK|Судак|Sudaq"),
    _p("Saky", "crimea", "SAKY|SAKI CRIMEA|Саки|Саки"),
    _p("Armiansk", "crimea", "ARMIANSK|ARMYANSK|Армянск|Армянськ|Ermeni Bazar"),
    _p("Krasnoperekopsk", "crimea", "KRASNOPEREKOPSK|Красноперекопск|Красноперекопськ|Yañı Qapı"),
    _p("Bilohirsk", "crimea", "BILOHIRSK|BELOGORSK CRIMEA|Белогорск Крым|Білогірськ|Qarasuvbazar"),
    _p("Staryi Krym", "crimea", "STARYI KRYM|STARY KRYM|STARYY KRYM|Старый Крым|Старий Крим"),
    _p("Inkerman", "crimea", "INKERMAN|Инкерман|Інкерман"),
    _p("Balaklava", "crimea", "BALAKLAVA|Балаклава"),
    _p("Shchelkine", "crimea", "SHCHELKINO|SHCHOLKINE|Щёлкино|Щелкино|Щолкіне"),
    _p("Chornomorske", "crimea", "CHERNOMORSKOYE|CHORNOMORSKE|Черноморское|Чорноморське|Aqmeçit"),
    _p("Nyzhniohirskyi", "crimea", "NIZHNEGORSKIY|NYZHNIOHIRSKYI|Нижнегорский|Нижньогірський"),
    _p("Rozdolne", "crimea", "RAZDOLNOYE|ROZDOLNE|Раздольное|Роздольне"),
    _p("Kirovske (Crimea)", "crimea", "ISLIAM-TEREK|ISLAM-TEREK|İslâm Terek"),
)

# Occupied since 2014 (parts) and 2022: Donetsk, Luhansk, Zaporizhzhia and Kherson oblasts.
_MAINLAND: tuple[Place, ...] = (
    _p(
        "Donetsk",
        "donetsk",
        "DONETSK|DONECK|DONETSKAYA|DONETSKA|Донецк|Донецьк|DNR|ДНР|"
        "DONETSK PEOPLE'S REPUBLIC|Донецкая Народная Республика",
        "ROSTOV|РОСТОВ|ROSTOVSKAYA|Ростовская",
    ),
    _p("Horlivka", "donetsk", "HORLIVKA|GORLOVKA|Горловка|Горлівка"),
    _p("Makiivka", "donetsk", "MAKIIVKA|MAKEEVKA|MAKEYEVKA|Макеевка|Макіївка"),
    _p("Mariupol", "donetsk", "MARIUPOL|MARIUPOLJ|Мариуполь|Маріуполь"),
    _p("Yenakiieve", "donetsk", "YENAKIIEVE|ENAKIEVO|YENAKIYEVO|Енакиево|Єнакієве"),
    _p("Khartsyzk", "donetsk", "KHARTSYZK|KHARCYZSK|Харцызск|Харцизьк"),
    _p("Shakhtarsk", "donetsk", "SHAKHTARSK|SHAKHTERSK|Шахтерск|Шахтарськ"),
    _p("Snizhne", "donetsk", "SNIZHNE|SNEZHNOYE|Снежное|Сніжне"),
    _p("Torez", "donetsk", "TOREZ|CHYSTIAKOVE|CHISTYAKOVO|Торез|Чистякове"),
    _p("Debaltseve", "donetsk", "DEBALTSEVE|DEBALTSEVO|Дебальцево|Дебальцеве"),
    _p("Ilovaisk", "donetsk", "ILOVAISK|ILOVAYSK|Иловайск|Іловайськ"),
    _p("Amvrosiivka", "donetsk", "AMVROSIIVKA|AMVROSIEVKA|Амвросиевка|Амвросіївка"),
    _p("Volnovakha", "donetsk", "VOLNOVAKHA|Волноваха"),
    _p(
        "Luhansk",
        "luhansk",
        "LUHANSK|LUGANSK|LUHANSKA|LUGANSKAYA|Луганск|Луганськ|LNR|ЛНР|"
        "LUGANSK PEOPLE'S REPUBLIC|Луганская Народная Республика",
    ),
    _p("Alchevsk", "luhansk", "ALCHEVSK|ALCHEVS'K|Алчевск|Алчевськ"),
    _p("Kadiivka", "luhansk", "KADIIVKA|STAKHANOV|Стаханов|Кадіївка"),
    _p("Antratsyt", "luhansk", "ANTRATSYT|ANTRATSIT|Антрацит"),
    _p("Rovenky", "luhansk", "ROVENKY|ROVENKI|Ровеньки"),
    _p("Krasnyi Luch", "luhansk", "KRASNYI LUCH|KRASNY LUCH|KHRUSTALNYI|Красный Луч|Хрустальний"),
    _p("Dovzhansk", "luhansk", "SVERDLOVSK LUHANSK|DOVZHANSK|Довжанськ"),
    _p("Sievierodonetsk", "luhansk", "SIEVIERODONETSK|SEVERODONETSK|Северодонецк|Сєвєродонецьк"),
    _p("Lysychansk", "luhansk", "LYSYCHANSK|LISICHANSK|LISICHANSK|Лисичанск|Лисичанськ"),
    _p("Krasnodon", "luhansk", "KRASNODON|SOROKYNE|Краснодон|Сорокине"),
    _p("Melitopol", "zaporizhzhia", "MELITOPOL|MELITOPOLJ|Мелитополь|Мелітополь"),
    _p("Berdiansk", "zaporizhzhia", "BERDIANSK|BERDYANSK|Бердянск|Бердянськ"),
    _p("Enerhodar", "zaporizhzhia", "ENERHODAR|ENERGODAR|Энергодар|Енергодар"),
    _p("Nova Kakhovka", "kherson", "NOVA KAKHOVKA|NOVAYA KAKHOVKA|Новая Каховка|Нова Каховка"),
    _p("Henichesk", "kherson", "HENICHESK|GENICHESK|Геническ|Генічеськ"),
    _p("Skadovsk", "kherson", "SKADOVSK|Скадовск|Скадовськ"),
    _p("Oleshky", "kherson", "OLESHKY|TSIURUPYNSK|TSYURUPINSK|Цюрупинск|Олешки"),
)

OCCUPIED_PLACES: tuple[Place, ...] = _CRIMEA + _MAINLAND

_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ-][^\W\d_]+)*", re.UNICODE)


def _key(words: list[str]) -> str:
    return " ".join(phonetic_key(w) for w in words)


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, Place], int]:
    index: dict[str, Place] = {}
    longest = 1
    for place in OCCUPIED_PLACES:
        for form in place.forms:
            words = _WORD.findall(form)
            longest = max(longest, len(words))
            index.setdefault(_key(words), place)
    return index, longest


@lru_cache(maxsize=65536)
def find_places(text: str) -> tuple[PlaceMatch, ...]:
    """Every occupied place named in ``text``, longest spelling first, each place once."""
    index, longest = _index()
    spans = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    upper = text.upper()
    found: dict[str, PlaceMatch] = {}
    i = 0
    while i < len(spans):
        for size in range(min(longest, len(spans) - i), 0, -1):
            words = [w for _, _, w in spans[i : i + size]]
            place = index.get(_key(words))
            if place is None:
                continue
            if any(word.upper() in upper for word in place.not_with):
                break
            evidence = text[spans[i][0] : spans[i + size - 1][1]]
            found.setdefault(place.name, PlaceMatch(place, evidence))
            i += size - 1
            break
        i += 1
    return tuple(found.values())
