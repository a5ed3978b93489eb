"""Generate the labelled query/notice pairs of the accuracy benchmark (``pairs.jsonl``).

Run once and commit the output; ``run.py`` and the test read only the frozen file, so results
are reproducible without ``../shared``:

    python3 benchmarks/accuracy/generate.py [--shared ../shared/data/interpol]

Every pair is a query (what a person types) and a notice (what INTERPOL publishes), labelled
``positive`` (same person) or ``hard_negative`` (not the same person, but close: same family
name with another given name, the family name in the other gender form, or the same name with
a conflicting date of birth).

Where the spellings come from (nothing here calls redwatch, so redwatch is not graded against
its own tables):

- Russian police systems and foreign spellings of Russian Cyrillic: ``iuliia`` schemas
  (ICAO 9303, MVD 310/782, GOST 52535, BGN/PCGN, Wikipedia, scientific, French MVD, Uzbek);
- Ukrainian: ``translitua`` (KMU 2010, passport 2007, 1996 national, BGN, German, French);
- Belarusian national 2007, Belarusian passport, Crimean Tatar Cyrillic → Latin (1997
  alphabet), Azerbaijani passport and German/English typings of Turkish: the small tables
  below, written from the published alphabets (each cites its source);
- names: per family lists below (common given names and surnames of the community, in the
  spelling its members use, with the Russian registry spelling beside it where it differs),
  and real notice names from ``details-2023-11.jsonl`` and ``lists-2023-04-*.psv`` (public
  INTERPOL data), re-spelled as a person of that community would write them.

Each person is put in one split, ``calibrate`` or ``report`` (by a hash of the person), so
thresholds can be tuned on one half and reported on the other.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import iuliia
import translitua
from rapidfuzz import fuzz

HERE = Path(__file__).parent
DEFAULT_SHARED = HERE.parents[2] / "shared" / "data" / "interpol"
SEED = 20261129

FAMILIES = (
    "crimean_tatar",
    "ukrainian",
    "russian",
    "belarusian",
    "north_caucasus",
    "azerbaijani",
    "central_asian",
    "turkish",
)

# --- Romanisation by published tables -------------------------------------------------------

RUSSIAN_POLICE = {
    "ICAO 9303": iuliia.ICAO_DOC_9303,
    "MVD 310": iuliia.MVD_310,
    "MVD 782": iuliia.MVD_782,
    "GOST 52535": iuliia.GOST_52535,
    "BGN/PCGN": iuliia.BGN_PCGN,
}
RUSSIAN_FOREIGN = {
    "Wikipedia": iuliia.WIKIPEDIA,
    "scientific": iuliia.SCIENTIFIC,
    "French MVD": iuliia.MVD_310_FR,
    "Telegram": iuliia.TELEGRAM,
}
UKRAINIAN_POLICE = {
    "KMU 2010": translitua.UkrainianKMU,
    "passport 2007": translitua.UkrainianPassport2007,
}
UKRAINIAN_FOREIGN = {
    "national 1996": translitua.UkrainianNational1996,
    "BGN (uk)": translitua.UkrainianBGN,
    "German (uk)": translitua.UkrainianGerman,
    "French (uk)": translitua.UkrainianFrench,
}


def iuliia_word(schema: iuliia.Schema, text: str) -> str:
    """iuliia per lower-case word (it mis-cases ALL-CAPS input), title-cased back."""
    return " ".join(
        # iuliia 0.13 writes BGN/PCGN ë as the Cyrillic letter ё: the standard's is Latin ë.
        "-".join(
            str(schema.translate(p.lower())).replace("ё", "ë").capitalize() for p in w.split("-")
        )
        for w in text.split()
    )


def translitua_word(table: object, text: str) -> str:
    return " ".join(
        "-".join(str(translitua.translit(p.lower(), table)).capitalize() for p in w.split("-"))
        for w in text.split()
    )


def police(text: str) -> str:
    """As a notice prints it: upper case, ASCII letters, hyphens and spaces."""
    folded = unicodedata.normalize("NFKD", text.replace("ı", "i").replace("ʼ", "'"))
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^A-Z\- ]", "", plain.upper()).strip()


# Crimean Tatar Latin (1997 alphabet; letter table of the Crimean Tatar Wikipedia's converter).
_CRH_DIGRAPHS = {"къ": "q", "гъ": "ğ", "нъ": "ñ", "дж": "c"}
_CRH = dict(
    zip(
        "абвгдежзийклмнопрстуфхцчшщыэьъ",
        [*"abvgdejziyklmnoprstufh", "ts", "ç", "ş", "şç", "ı", "e", "", ""],
        strict=True,
    )
)
_CRH_IOTATED = {"е": ("ye", "e"), "ё": ("yo", "ö"), "ю": ("yu", "ü"), "я": ("ya", "â")}


def crimean_tatar_latin(text: str) -> str:
    def word(w: str) -> str:
        out, i, after_vowel = [], 0, True
        while i < len(w):
            if w[i : i + 2] in _CRH_DIGRAPHS:
                out.append(_CRH_DIGRAPHS[w[i : i + 2]])
                after_vowel, i = False, i + 2
                continue
            c = w[i]
            if c in _CRH_IOTATED:
                out.append(_CRH_IOTATED[c][0 if after_vowel else 1])
            else:
                out.append(_CRH.get(c, c))
            after_vowel = c in "аеёиоуыэюяьъ-"
            i += 1
        return "".join(out)

    return " ".join(
        "-".join(turkic_capitalize(word(p.lower())) for p in w.split("-")) for w in text.split()
    )


def turkic_capitalize(word: str) -> str:
    if not word:
        return word
    head = {"i": "İ", "ı": "I"}.get(word[0], word[0].upper())
    return head + word[1:]


# Belarusian: national system (2007 instruction, Łacinka-based) and the passport spelling
# (Russian-style digraphs, ў = u), as in TSIKHANOUSKAYA / Cichanoŭskaja.
_BE_BASE = dict(zip("абвгдзіклмнопрстуфыэ", "abvhdziklmnoprstufye", strict=True))
_BE_NATIONAL = {**_BE_BASE, "ж": "ž", "й": "j", "ў": "ŭ", "х": "ch", "ц": "c", "ч": "č", "ш": "š"}
_BE_PASSPORT = {
    **_BE_BASE,
    "ж": "zh",
    "й": "i",
    "ў": "u",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
}
_BE_IOTATED = {
    "national": {"е": ("je", "ie"), "ё": ("jo", "io"), "ю": ("ju", "iu"), "я": ("ja", "ia")},
    "passport": {"е": ("ye", "e"), "ё": ("yo", "io"), "ю": ("yu", "iu"), "я": ("ya", "ia")},
}
_BE_SOFT = {"з": "ź", "л": "ĺ", "н": "ń", "с": "ś", "ц": "ć"}


def belarusian(text: str, system: str) -> str:
    table = _BE_NATIONAL if system == "national" else _BE_PASSPORT
    iotated = _BE_IOTATED[system]

    def word(w: str) -> str:
        out = []
        for i, c in enumerate(w):
            prev = w[i - 1] if i else ""
            nxt = w[i + 1] if i + 1 < len(w) else ""
            if c in iotated:
                out.append(iotated[c][0 if not prev or prev in "аеёіоуыэюяў'ь" else 1])
            elif c == "ь" or c == "'":
                continue
            elif system == "national" and c in _BE_SOFT and nxt == "ь":
                out.append(_BE_SOFT[c])
            else:
                out.append(table.get(c, c))
        return "".join(out)

    return " ".join(
        "-".join(word(p.lower()).capitalize() for p in w.split("-")) for w in text.split()
    )


# Azerbaijani passports (Latin alphabet of 1991, passport transliteration: ə a, x kh, ş sh,
# ç ch, c j, ğ gh, q g, ü u, ö o, ı i), as in MAMMADOV, GULIYEV, JAFAROV.
_AZ_PASSPORT = {
    "ə": "a",
    "x": "kh",
    "ş": "sh",
    "ç": "ch",
    "c": "j",
    "ğ": "gh",
    "q": "g",
    "ü": "u",
    "ö": "o",
    "ı": "i",
    "i̇": "i",
}


def azerbaijani_passport(text: str) -> str:
    low = text.replace("İ", "i").replace("I", "ı").lower()
    return police("".join(_AZ_PASSPORT.get(c, c) for c in low))


# Turkish typed on foreign keyboards: ASCII (Şahin → Sahin) and German registry (ö → oe).
def turkish_ascii(text: str) -> str:
    return (
        unicodedata.normalize("NFKD", text.replace("ı", "i").replace("İ", "I"))
        .encode("ascii", "ignore")
        .decode()
    )


def turkish_german(text: str) -> str:
    for a, b in (("ö", "oe"), ("ü", "ue"), ("Ö", "Oe"), ("Ü", "Ue"), ("ş", "sch"), ("Ş", "Sch")):
        text = text.replace(a, b)
    return turkish_ascii(text)


# Ukrainian / Belarusian / Crimean Tatar spelling → the Russian registry spelling.
def russian_spelling(text: str) -> str:
    def word(w: str) -> str:
        low = w.lower()
        for a, b in (("къ", "к"), ("гъ", "г"), ("нъ", "н")):
            low = low.replace(a, b)
        return "-".join(p.capitalize() for p in low.split("-"))

    return " ".join(word(w) for w in text.split())


def ukrainian_spelling(text: str) -> str:
    """A Russian-spelled name written with Ukrainian letters (Эмир → Емір, Рустем → Рустем)."""
    return " ".join(
        "-".join(_ukrainian_word(p.lower()).capitalize() for p in w.split("-"))
        for w in text.split()
    )


def _ukrainian_word(word: str) -> str:
    out = []
    for i, c in enumerate(word):
        if c == "и":
            out.append("і")
        elif c == "ы":
            out.append("и")
        elif c == "э":
            out.append("е")
        elif c == "е" and i and word[i - 1] in "аоуиеяю":
            out.append("є")
        elif c == "ё":
            out.append("ьо" if i and word[i - 1] not in "аоуиеяю" else "йо")
        elif c == "ъ":
            out.append("'")
        else:
            out.append(c)
    return "".join(out)


# --- Name lists --------------------------------------------------------------------------

# (given, sex) in the community's spelling; surnames in the masculine form.
CRIMEAN_TATAR_GIVEN = (
    "Мустафа:M Рефат:M Эмир-Усеин:M Сервер:M Ленур:M Эскендер:M Айдер:M Нариман:M Энвер:M "
    "Решат:M Рустем:M Ремзи:M Сейран:M Асан:M Осман:M Ислям:M Бекир:M Джемиль:M Мемет:M "
    "Ахтем:M Эдем:M Ибраим:M Февзи:M Сейт-Умер:M Нури:M Эрнес:M Зекирья:M Мумин:M Ильмий:M "
    "Гульсум:F Эльвира:F Лиля:F Зарема:F Мавиле:F Мумине:F Ленара:F Алие:F Эльмаз:F Севиль:F "
    "Айше:F Фатиме:F Диляра:F Эсма:F Мерьем:F Сусанна:F Урие:F Эдие:F Зоре:F"
)
CRIMEAN_TATAR_FAMILY = (
    "Къайбуллаев Джемилев Чубаров Халилов Умеров Къуртумеров Абдурешитов Аблямитов Асанов "
    "Бекиров Белялов Велиев Зекирьяев Ибраимов Керимов Эмирвелиев Сейтумеров Мамутов "
    "Муждабаев Паралиев Сулейманов Усеинов Эминов Ягъяев Къурт-Сеитов Аметов Абибуллаев "
    "Сеитмеметов Куку Къадыров Языджиев Билялов Бариев Примов Къуртсеитов Нагъаев Эмиров "
    "Джелялов Аджиумеров Смаилов Батталов Салиев Меджитов Гъафаров Нъаматов"
)
UKRAINIAN_GIVEN = (
    "Микола=Николай:M Олександр=Александр:M Андрій=Андрей:M Юрій=Юрий:M Сергій=Сергей:M "
    "Дмитро=Дмитрий:M Василь=Василий:M Олег=Олег:M Тарас=Тарас:M Богдан=Богдан:M "
    "Ігор=Игорь:M Євген=Евгений:M Степан=Степан:M Петро=Пётр:M Іван=Иван:M "
    "Олексій=Алексей:M Григорій=Григорий:M Віталій=Виталий:M Ярослав=Ярослав:M "
    "Володимир=Владимир:M Михайло=Михаил:M Павло=Павел:M Анатолій=Анатолий:M "
    "Валерій=Валерий:M Віктор=Виктор:M Остап=Остап:M Назар=Назар:M Максим=Максим:M "
    "Ганна=Анна:F Наталія=Наталья:F Ірина=Ирина:F Юлія=Юлия:F Тетяна=Татьяна:F "
    "Олена=Елена:F Катерина=Екатерина:F Світлана=Светлана:F Вікторія=Виктория:F "
    "Галина=Галина:F Людмила=Людмила:F Оксана=Оксана:F Олеся=Олеся:F Марія=Мария:F "
    "Ольга=Ольга:F Надія=Надежда:F Софія=София:F"
)
UKRAINIAN_FAMILY = (
    "Шевченко=Шевченко Бондаренко=Бондаренко Коваленко=Коваленко Ткаченко=Ткаченко "
    "Кравченко=Кравченко Олійник=Олейник Мельник=Мельник Шевчук=Шевчук Бойко=Бойко "
    "Ковальчук=Ковальчук Поліщук=Полищук Лисенко=Лысенко Марченко=Марченко "
    "Савченко=Савченко Руденко=Руденко Гончаренко=Гончаренко Кравець=Кравец "
    "Литвиненко=Литвиненко Петренко=Петренко Кузьменко=Кузьменко Гордієнко=Гордиенко "
    "Назаренко=Назаренко Онищенко=Онищенко Приходько=Приходько Гриценко=Гриценко "
    "Яковенко=Яковенко Клименко=Клименко Сич=Сыч Гуменюк=Гуменюк Дмитрук=Дмитрук "
    "Ющенко=Ющенко Білик=Билык Зінченко=Зинченко Черненко=Черненко Бабій=Бабий "
    "Гнатюк=Гнатюк Сидоренко=Сидоренко Ковальов=Ковалёв Павлюк=Павлюк Левчук=Левчук"
)
RUSSIAN_GIVEN = (
    "Александр:M Сергей:M Андрей:M Дмитрий:M Алексей:M Максим:M Евгений:M Иван:M Михаил:M "
    "Артём:M Николай:M Владимир:M Юрий:M Илья:M Кирилл:M Вячеслав:M Денис:M Олег:M Игорь:M "
    "Роман:M Павел:M Виктор:M Константин:M Вадим:M Григорий:M Фёдор:M Пётр:M Аркадий:M "
    "Анна:F Мария:F Елена:F Ольга:F Наталья:F Татьяна:F Юлия:F Екатерина:F Ирина:F "
    "Светлана:F Дарья:F Ксения:F Людмила:F Валерия:F Алёна:F Евгения:F Наталия:F"
)
RUSSIAN_FAMILY = (
    "Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов "
    "Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев "
    "Макаров Никитин Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Воробьёв Сергеев "
    "Фролов Дмитриев Королёв Гусев Киселёв Ильин Поляков Сорокин Виноградов Ковалёв Белов "
    "Тарасов Жуков Баранов Филиппов Комаров Давыдов Беляев Осипов Сидоров Матвеев Крылов "
    "Куликов Карпов Власов Мельников Денисов Журавлёв Полянский Вишневский Горшков Муравьёв "
    "Юдин Щукин Объедкин Цветков Чернышёв Хрущёв Шапошников Пономарёв Кудрявцев Зуев"
)
RUSSIAN_PATRONYMIC_OF = {
    "Александр": "Александрович",
    "Сергей": "Сергеевич",
    "Иван": "Иванович",
    "Николай": "Николаевич",
    "Владимир": "Владимирович",
    "Юрий": "Юрьевич",
    "Михаил": "Михайлович",
    "Пётр": "Петрович",
    "Виктор": "Викторович",
    "Андрей": "Андреевич",
}
BELARUSIAN_GIVEN = (
    "Аляксандр=Александр:M Сяргей=Сергей:M Андрэй=Андрей:M Дзмітрый=Дмитрий:M "
    "Уладзімір=Владимир:M Мікалай=Николай:M Віктар=Виктор:M Павел=Павел:M Ігар=Игорь:M "
    "Юрый=Юрий:M Міхаіл=Михаил:M Раман=Роман:M Алег=Олег:M Вячаслаў=Вячеслав:M "
    "Анатоль=Анатолий:M Генадзь=Геннадий:M Васіль=Василий:M Зміцер=Дмитрий:M "
    "Вольга=Ольга:F Святлана=Светлана:F Алена=Елена:F Таццяна=Татьяна:F Марыя=Мария:F "
    "Ганна=Анна:F Наталля=Наталья:F Ірына=Ирина:F Юлія=Юлия:F Марына=Марина:F "
    "Кацярына=Екатерина:F Людміла=Людмила:F Валянціна=Валентина:F"
)
# (Belarusian masculine, Belarusian feminine, Russian masculine, Russian feminine)
BELARUSIAN_FAMILY = (
    "Лукашэнка/Лукашэнка=Лукашенко/Лукашенко Ціханоўскі/Ціханоўская=Тихановский/Тихановская "
    "Бабарыка/Бабарыка=Бабарико/Бабарико Калеснікаў/Калеснікава=Колесников/Колесникова "
    "Латушка/Латушка=Латушко/Латушко Цапкала/Цапкала=Цепкало/Цепкало "
    "Кавалёў/Кавалёва=Ковалёв/Ковалёва Навумчык/Навумчык=Наумчик/Наумчик "
    "Мартыненка/Мартыненка=Мартыненко/Мартыненко Шушкевіч/Шушкевіч=Шушкевич/Шушкевич "
    "Багдановіч/Багдановіч=Богданович/Богданович Статкевіч/Статкевіч=Статкевич/Статкевич "
    "Пазняк/Пазняк=Позняк/Позняк Кавалеўскі/Кавалеўская=Ковалевский/Ковалевская "
    "Ярмошын/Ярмошына=Ермошин/Ермошина Васілевіч/Васілевіч=Василевич/Василевич "
    "Жук/Жук=Жук/Жук Лабковіч/Лабковіч=Лобкович/Лобкович Карпенка/Карпенка=Карпенко/Карпенко "
    "Сідарэнка/Сідарэнка=Сидоренко/Сидоренко Мельнікаў/Мельнікава=Мельников/Мельникова "
    "Шаўцоў/Шаўцова=Шевцов/Шевцова Лявонаў/Лявонава=Леонов/Леонова "
    "Рыжкевіч/Рыжкевіч=Рыжкевич/Рыжкевич Станкевіч/Станкевіч=Станкевич/Станкевич "
    "Бяляцкі/Бяляцкая=Беляцкий/Беляцкая Алексіевіч/Алексіевіч=Алексиевич/Алексиевич "
    "Кудраўцаў/Кудраўцава=Кудрявцев/Кудрявцева Грыб/Грыб=Гриб/Гриб"
)
# (native Latin, Russian registry Cyrillic); sex after the colon for given names.
AZERBAIJANI_GIVEN = (
    "Elnur=Эльнур:M Rəşad=Рашад:M Orxan=Орхан:M Vüqar=Вугар:M Fərid=Фарид:M Elçin=Эльчин:M "
    "Turqay=Тургай:M Elvin=Эльвин:M Samir=Самир:M İlqar=Ильгар:M Anar=Анар:M Cavid=Джавид:M "
    "Ramil=Рамиль:M Zaur=Заур:M Namiq=Намик:M Rüstəm=Рустам:M Teymur=Теймур:M Şahin=Шахин:M "
    "Hüseyn=Гусейн:M Əli=Али:M Tofiq=Тофик:M Xəyal=Хаял:M Yusif=Юсиф:M Fəxrəddin=Фахраддин:M "
    "Aytən=Айтен:F Günay=Гюнай:F Sevinc=Севиндж:F Leyla=Лейла:F Nigar=Нигяр:F "
    "Ülviyyə=Ульвия:F Könül=Кёнуль:F Aynur=Айнур:F Nərgiz=Наргиз:F Xədicə=Хадиджа:F"
)
AZERBAIJANI_FAMILY = (
    "Hüseynov=Гусейнов Məmmədov=Мамедов Əliyev=Алиев Həsənov=Гасанов İsmayılov=Исмаилов "
    "Kərimov=Керимов Ağayev=Агаев Əhmədov=Ахмедов Babayev=Бабаев Cəfərov=Джафаров "
    "Süleymanov=Сулейманов Rəhimov=Рагимов Quliyev=Гулиев Vəliyev=Велиев "
    "Mustafayev=Мустафаев Şirinov=Ширинов Abbasov=Аббасов Orucov=Оруджев Tağıyev=Тагиев "
    "Həsənli=Гасанлы Hüseynli=Гусейнли Nəsirov=Насиров Qasımov=Гасымов Sadıqov=Садыхов "
    "Bağırov=Багиров Novruzov=Новрузов Əsədov=Асадов Məhərrəmov=Магеррамов"
)
CENTRAL_ASIAN_GIVEN = (
    "Фаррух:M Шерзод:M Бахтиёр:M Жасур:M Улугбек:M Достон:M Азиз:M Рустам:M Алишер:M "
    "Фирдавс:M Далер:M Сухроб:M Бехруз:M Абдулло:M Джамшед:M Комрон:M Мухаммад:M Нурлан:M "
    "Ерлан:M Айбек:M Бакыт:M Азамат:M Равшан:M Шухрат:M Илхом:M Зафар:M Санжар:M Эркин:M "
    "Ахмаджон:M Олимжон:M Нуриддин:M "
    "Дильноза:F Гулноза:F Шахноза:F Нилуфар:F Мадина:F Зарина:F Сабина:F Фарида:F Малика:F "
    "Айгуль:F Гульнара:F Мехрибон:F Дилором:F"
)
CENTRAL_ASIAN_FAMILY = (
    "Рахимов Каримов Юсупов Абдуллаев Назаров Холматов Турсунов Ахмедов Мирзоев Саидов "
    "Шарипов Рахмонов Хакимов Эргашев Мамадалиев Нуриддинов Бобоев Исмоилов Содиков "
    "Давлатов Джураев Каюмов Азизов Иброгимов Султанов Токтогулов Асанбеков Жумабаев "
    "Сыдыков Нурланов Хамроев Шодиев Умаров Насриддинов Файзуллоев Ёкубжонов Хамидханов"
)
NORTH_CAUCASUS_GIVEN = (
    "Магомед:M Ахмед:M Рамзан:M Ислам:M Зелимхан:M Аслан:M Хасан:M Хусейн:M Адам:M Шамиль:M "
    "Руслан:M Мансур:M Бислан:M Ибрагим:M Умар:M Муслим:M Майрбек:M Султан:M Беслан:M "
    "Турпал-Али:M Абу-Бакар:M Алихан:M Апти:M Ризван:M Бекхан:M Ахъяд:M Ильяс:M Ваха:M "
    "Хамзат:M Гаджи:M Абдулла:M Арсен:M Камиль:M Рамазан:M Хабиб:M Курбан:M Магомедрасул:M "
    "Гасан:M Гусейн:M Мурад:M Расул:M Заур:M Хизри:M Джамал:M Шарип:M Махач:M Казбек:M "
    "Зарема:F Хеда:F Малика:F Амина:F Седа:F Луиза:F Петимат:F Марьям:F Айшат:F Хава:F "
    "Патимат:F Хадижат:F Асият:F Сакинат:F Аминат:F Мадина:F Зайнаб:F Залина:F Фатима:F"
)
NORTH_CAUCASUS_FAMILY = (
    "Хасанов Исаев Эльмурзаев Масаев Гайрбеков Цечоев Бибулатов Мусаев Ахмадов Сайдулаев "
    "Висаитов Хамзатов Абдулкадыров Шамсудинов Мациев Эдиев Гацаев Джабраилов Байсаров "
    "Дадаев Тагиров Арсанукаев Абубакаров Хадисов Межидов Цакаев Вахаев Шахбиев Дукаев "
    "Евлоев Мальсагов Оздоев Арчаков Магомедов Гаджиев Абдулаев Рамазанов Курбанов Омаров "
    "Гасанов Абакаров Гусейнов Гаджимурадов Исмаилов Алибеков Идрисов Муртузалиев "
    "Джамалудинов Хизриев Умаханов Газимагомедов Дибиров Меджидов Нурмагомедов Шогенов "
    "Кумыков Тхагалегов Дзасохов Цаллаев Хубиев Гочияев Байчоров Костоев Хашиев Кодзоев"
)
TURKISH_GIVEN = (
    "Mehmet:M Ahmet:M Mustafa:M Hüseyin:M Hasan:M İbrahim:M Ömer:M Yusuf:M Murat:M Emre:M "
    "Burak:M Fatih:M Serkan:M Gökhan:M Çağlar:M İsmail:M Özcan:M Ünal:M Şükrü:M Oğuz:M "
    "Ali:M Recep:M Cengiz:M Tuğrul:M Faruk:M Metin:M "
    "Ayşe:F Fatma:F Emine:F Hatice:F Zeynep:F Elif:F Özlem:F Gülsüm:F Şerife:F Büşra:F "
    "Gülşen:F Çiğdem:F Sevgi:F Dilek:F"
)
TURKISH_FAMILY = (
    "Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç "
    "Aslan Çetin Kara Koç Kurt Özkan Şimşek Polat Erdoğan Güneş Akın Aktaş Bulut Karataş "
    "Tekin Bektaş Çengel Kablan Güler Uçar Keskin Ünal Toprak Özçelik Coşkun Akgül Ağca"
)


def _people(spec: str) -> list[tuple[str, str, str]]:
    """``native=registry:sex`` items → (native, registry, sex)."""
    found = []
    for item in spec.split():
        name, _, sex = item.partition(":")
        native, _, registry = name.partition("=")
        found.append((native, registry or native, sex))
    return found


def _pairs(spec: str) -> list[tuple[str, str]]:
    return [(a, b or a) for a, _, b in (item.partition("=") for item in spec.split())]


# --- People and their spellings ----------------------------------------------------------


@dataclass
class Person:
    family: str
    key: str
    """Stable id of the person (family + native name): decides the split."""
    sex: str
    dob: str | None
    queries: list[tuple[str, str]]
    """(how it was written, query text)."""
    notices: list[tuple[str, str, str]]
    """(system, notice name, notice forename)."""
    surname_forms: dict[str, tuple[str, str]] = field(default_factory=dict)
    """For hard negatives: {"other_gender": (notice name, forename)}."""
    source: str = "tables"

    @property
    def split(self) -> str:
        digest = hashlib.sha256(self.key.encode()).digest()
        return "calibrate" if digest[0] % 2 == 0 else "report"


def feminine_ru(surname: str) -> str:
    for masc, fem in (
        ("ский", "ская"),
        ("цкий", "цкая"),
        ("ов", "ова"),
        ("ев", "ева"),
        ("ёв", "ёва"),
        ("ин", "ина"),
        ("ын", "ына"),
    ):
        if surname.endswith(masc):
            return surname[: -len(masc)] + fem
    return surname


def masculine_ru(surname: str) -> str:
    for masc, fem in (
        ("ский", "ская"),
        ("цкий", "цкая"),
        ("ов", "ова"),
        ("ев", "ева"),
        ("ёв", "ёва"),
        ("ин", "ина"),
        ("ын", "ына"),
    ):
        if surname.endswith(fem):
            return surname[: -len(fem)] + masc
    return surname


def feminine_latin(surname: str) -> str:
    for masc, fem in (("ov", "ova"), ("ev", "eva"), ("yev", "yeva"), ("in", "ina")):
        if surname.endswith(masc):
            return surname[: -len(masc)] + fem
    return surname


def other_gender_ru(surname: str, sex: str) -> str:
    return masculine_ru(surname) if sex == "F" else feminine_ru(surname)


def random_dob(rng: random.Random) -> str:
    return f"{rng.randint(1950, 2002)}-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}"


def _russian_notices(given_ru: str, family_ru: str) -> list[tuple[str, str, str]]:
    return [
        (system, police(iuliia_word(schema, family_ru)), police(iuliia_word(schema, given_ru)))
        for system, schema in RUSSIAN_POLICE.items()
    ]


def _russian_queries(given_ru: str, family_ru: str) -> list[tuple[str, str]]:
    found = [("Russian Cyrillic", f"{given_ru} {family_ru}")]
    for label, schema in {**RUSSIAN_POLICE, **RUSSIAN_FOREIGN}.items():
        found.append((label, iuliia_word(schema, f"{given_ru} {family_ru}")))
    return found


def crimean_tatar_people(rng: random.Random) -> Iterator[Person]:
    given = _people(CRIMEAN_TATAR_GIVEN)
    for family in CRIMEAN_TATAR_FAMILY.split():
        for _ in range(2):
            g, _, sex = rng.choice(given)
            fam = feminine_ru(family) if sex == "F" else family
            ru_g, ru_f = russian_spelling(g), russian_spelling(fam)
            uk_g, uk_f = ukrainian_spelling(ru_g), ukrainian_spelling(ru_f)
            latin = crimean_tatar_latin(f"{g} {fam}")
            queries = [
                ("Crimean Tatar Latin", latin),
                ("Crimean Tatar Cyrillic", f"{g} {fam}"),
                ("Russian Cyrillic", f"{ru_g} {ru_f}"),
                ("Ukrainian Cyrillic", f"{uk_g} {uk_f}"),
                ("Crimean Tatar Latin, ASCII", turkish_ascii(latin.replace("ñ", "n"))),
                ("Crimean Tatar Latin, family first", " ".join(latin.split()[::-1])),
                ("KMU 2010", translitua_word(translitua.UkrainianKMU, f"{uk_g} {uk_f}")),
                ("Wikipedia", iuliia_word(iuliia.WIKIPEDIA, f"{ru_g} {ru_f}")),
            ]
            notices = _russian_notices(ru_g, ru_f)
            notices.append(
                (
                    "KMU 2010",
                    police(translitua_word(translitua.UkrainianKMU, uk_f)),
                    police(translitua_word(translitua.UkrainianKMU, uk_g)),
                )
            )
            other = other_gender_ru(ru_f, sex)
            yield Person(
                "crimean_tatar",
                f"crh:{g}:{fam}",
                sex,
                random_dob(rng),
                queries,
                notices,
                {"other_gender": (police(iuliia.ICAO_DOC_9303.translate(other.lower())), "")},
            )


def ukrainian_people(rng: random.Random) -> Iterator[Person]:
    given = _people(UKRAINIAN_GIVEN)
    for family_uk, family_ru in _pairs(UKRAINIAN_FAMILY):
        for _ in range(2):
            g_uk, g_ru, sex = rng.choice(given)
            f_uk = feminine_ru(family_uk) if sex == "F" else family_uk
            f_ru = feminine_ru(family_ru) if sex == "F" else family_ru
            queries = [
                ("Ukrainian Cyrillic", f"{g_uk} {f_uk}"),
                ("Russian Cyrillic", f"{g_ru} {f_ru}"),
                ("Ukrainian family first", f"{f_uk} {g_uk}"),
            ]
            for label, table in {**UKRAINIAN_POLICE, **UKRAINIAN_FOREIGN}.items():
                queries.append((label, translitua_word(table, f"{g_uk} {f_uk}")))
            queries.append(
                ("Russian form, Wikipedia", iuliia_word(iuliia.WIKIPEDIA, f"{g_ru} {f_ru}"))
            )
            notices = [
                (label, police(translitua_word(t, f_uk)), police(translitua_word(t, g_uk)))
                for label, t in UKRAINIAN_POLICE.items()
            ]
            notices += _russian_notices(g_ru, f_ru)
            other = other_gender_ru(f_ru, sex)
            yield Person(
                "ukrainian",
                f"uk:{g_uk}:{f_uk}",
                sex,
                random_dob(rng),
                queries,
                notices,
                {"other_gender": (police(iuliia.ICAO_DOC_9303.translate(other.lower())), "")},
            )


def russian_people(rng: random.Random) -> Iterator[Person]:
    given = _people(RUSSIAN_GIVEN)
    males = [g for g, _, s in given if s == "M"]
    for family in RUSSIAN_FAMILY.split():
        for _ in range(2):
            g, _, sex = rng.choice(given)
            fam = feminine_ru(family) if sex == "F" else family
            queries = _russian_queries(g, fam)
            father = rng.choice([m for m in males if m in RUSSIAN_PATRONYMIC_OF])
            patronymic = RUSSIAN_PATRONYMIC_OF[father]
            if sex == "F":
                patronymic = patronymic.replace("вич", "вна")
            queries.append(("Russian Cyrillic, official order", f"{fam} {g} {patronymic}"))
            queries.append(
                (
                    "ICAO 9303 with patronymic",
                    iuliia_word(iuliia.ICAO_DOC_9303, f"{g} {patronymic} {fam}"),
                )
            )
            other = other_gender_ru(fam, sex)
            yield Person(
                "russian",
                f"ru:{g}:{fam}",
                sex,
                random_dob(rng),
                queries,
                _russian_notices(g, fam),
                {"other_gender": (police(iuliia.ICAO_DOC_9303.translate(other.lower())), "")},
            )


def belarusian_people(rng: random.Random) -> Iterator[Person]:
    given = _people(BELARUSIAN_GIVEN)
    for item in BELARUSIAN_FAMILY.split():
        be, _, ru = item.partition("=")
        be_m, be_f = be.split("/")
        ru_m, ru_f = ru.split("/")
        for _ in range(3):
            g_be, g_ru, sex = rng.choice(given)
            f_be, f_ru = (be_f, ru_f) if sex == "F" else (be_m, ru_m)
            queries = [
                ("Belarusian Cyrillic", f"{g_be} {f_be}"),
                ("Russian Cyrillic", f"{g_ru} {f_ru}"),
                ("Belarusian national Latin", belarusian(f"{g_be} {f_be}", "national")),
                ("Belarusian passport Latin", belarusian(f"{g_be} {f_be}", "passport")),
                ("Belarusian family first", f"{f_be} {g_be}"),
                ("Russian form, Wikipedia", iuliia_word(iuliia.WIKIPEDIA, f"{g_ru} {f_ru}")),
            ]
            notices = [
                (
                    "Belarusian passport",
                    police(belarusian(f_be, "passport")),
                    police(belarusian(g_be, "passport")),
                ),
                *_russian_notices(g_ru, f_ru),
            ]
            other_ru = ru_m if sex == "F" else ru_f
            if other_ru == f_ru:
                other_ru = other_gender_ru(f_ru, sex)
            yield Person(
                "belarusian",
                f"be:{g_be}:{f_be}",
                sex,
                random_dob(rng),
                queries,
                notices,
                {"other_gender": (police(iuliia.ICAO_DOC_9303.translate(other_ru.lower())), "")},
            )


def azerbaijani_people(rng: random.Random) -> Iterator[Person]:
    given = _people(AZERBAIJANI_GIVEN)
    for f_az, f_ru in _pairs(AZERBAIJANI_FAMILY):
        for _ in range(3):
            g_az, g_ru, sex = rng.choice(given)
            fam_az = feminine_latin(f_az) if sex == "F" else f_az
            fam_ru = feminine_ru(f_ru) if sex == "F" else f_ru
            queries = [
                ("Azerbaijani Latin", f"{g_az} {fam_az}"),
                (
                    "Azerbaijani Latin, ASCII",
                    turkish_ascii(f"{g_az} {fam_az}".replace("ə", "a").replace("Ə", "A")),
                ),
                ("Russian Cyrillic", f"{g_ru} {fam_ru}"),
                ("Azerbaijani family first", f"{fam_az} {g_az}"),
                ("Russian form, Wikipedia", iuliia_word(iuliia.WIKIPEDIA, f"{g_ru} {fam_ru}")),
            ]
            notices = [
                ("Azerbaijani passport", azerbaijani_passport(fam_az), azerbaijani_passport(g_az)),
                *_russian_notices(g_ru, fam_ru),
            ]
            other = feminine_latin(f_az) if sex == "M" else f_az
            yield Person(
                "azerbaijani",
                f"az:{g_az}:{fam_az}",
                sex,
                random_dob(rng),
                queries,
                notices,
                {"other_gender": (azerbaijani_passport(other), "")},
            )


def central_asian_people(rng: random.Random) -> Iterator[Person]:
    given = _people(CENTRAL_ASIAN_GIVEN)
    for family in CENTRAL_ASIAN_FAMILY.split():
        for _ in range(2):
            g, _, sex = rng.choice(given)
            fam = feminine_ru(family) if sex == "F" else family
            uz = iuliia_word(iuliia.UZ, f"{g} {fam}")
            queries = [
                ("Uzbek Latin", uz),
                ("Uzbek Latin, family first", " ".join(uz.split()[::-1])),
                *_russian_queries(g, fam),
            ]
            other = other_gender_ru(fam, sex)
            yield Person(
                "central_asian",
                f"ca:{g}:{fam}",
                sex,
                random_dob(rng),
                queries,
                [
                    *_russian_notices(g, fam),
                    (
                        "Uzbek Latin",
                        police(iuliia_word(iuliia.UZ, fam)),
                        police(iuliia_word(iuliia.UZ, g)),
                    ),
                ],
                {"other_gender": (police(iuliia.ICAO_DOC_9303.translate(other.lower())), "")},
            )


def north_caucasus_people(rng: random.Random) -> Iterator[Person]:
    given = _people(NORTH_CAUCASUS_GIVEN)
    for family in NORTH_CAUCASUS_FAMILY.split():
        for _ in range(2):
            g, _, sex = rng.choice(given)
            fam = feminine_ru(family) if sex == "F" else family
            other = other_gender_ru(fam, sex)
            yield Person(
                "north_caucasus",
                f"nc:{g}:{fam}",
                sex,
                random_dob(rng),
                _russian_queries(g, fam),
                _russian_notices(g, fam),
                {"other_gender": (police(iuliia.ICAO_DOC_9303.translate(other.lower())), "")},
            )


def turkish_people(rng: random.Random) -> Iterator[Person]:
    given = _people(TURKISH_GIVEN)
    for family in TURKISH_FAMILY.split():
        for _ in range(4):
            g, _, sex = rng.choice(given)
            if rng.random() < 0.2:
                g = f"{g} {rng.choice([x for x, _, s in given if s == sex and x != g])}"
            full = f"{g} {family}"
            queries = [
                ("Turkish", full),
                ("Turkish, ASCII", turkish_ascii(full)),
                ("Turkish, family first", f"{family} {g}"),
                ("Turkish, German spelling", turkish_german(full)),
            ]
            notices = [
                ("Turkish, upper-case ASCII", police(family), police(g)),
                (
                    "Turkish, German spelling",
                    police(turkish_german(family)),
                    police(turkish_german(g)),
                ),
            ]
            yield Person("turkish", f"tr:{g}:{family}", sex, random_dob(rng), queries, notices)


# --- Real notice names ---------------------------------------------------------------------

_CAUCASUS_PLACES = re.compile(
    r"CHECHEN|CHECHNYA|GROZN|DAGESTAN|INGUSH|KABARD|BALKAR|CHERKESS|OSSETIA|MAKHACHKALA|"
    r"KHASAV|DERBENT|NAZRAN|NALCHIK|URUS-MARTAN|GUDERMES|KASPI|BUINAKSK|KIZLYAR|IZBERBASH|"
    r"VEDENO|SHALI|ARGUN|KIZILYURT|MALGOBEK|KARABULAK|SUNZHA|ACHKHOY"
)
_REAL_FAMILY_BY_NATIONALITY = {
    "UA": "ukrainian",
    "BY": "belarusian",
    "AZ": "azerbaijani",
    "UZ": "central_asian",
    "TJ": "central_asian",
    "KG": "central_asian",
    "KZ": "central_asian",
    "TM": "central_asian",
    "TR": "turkish",
}
# A police romanisation read back into Russian Cyrillic, longest spelling first (ICAO and
# MVD 310 readings: the reverse of the tables above, for names only).
_BACK = sorted(
    {
        "SHCH": "щ",
        "KH": "х",
        "ZH": "ж",
        "TS": "ц",
        "TC": "ц",
        "CH": "ч",
        "SH": "ш",
        "IU": "ю",
        "IA": "я",
        "YU": "ю",
        "YA": "я",
        "YE": "е",
        "YO": "ё",
        "A": "а",
        "B": "б",
        "V": "в",
        "G": "г",
        "D": "д",
        "E": "е",
        "Z": "з",
        "I": "и",
        "K": "к",
        "L": "л",
        "M": "м",
        "N": "н",
        "O": "о",
        "P": "п",
        "R": "р",
        "S": "с",
        "T": "т",
        "U": "у",
        "F": "ф",
        "H": "х",
        "J": "дж",
        "C": "ц",
        "Q": "к",
        "W": "в",
        "X": "кс",
    }.items(),
    key=lambda kv: -len(kv[0]),
)


def back_to_cyrillic(word: str) -> str:
    out, i = [], 0
    while i < len(word):
        if word[i] == "Y":
            # y after a vowel is й, before a vowel (not covered above) й, else ы.
            prev = word[i - 1] if i else ""
            out.append(
                "й" if prev in "AEIOU" or (i + 1 < len(word) and word[i + 1] in "AEIOU") else "ы"
            )
            i += 1
            continue
        if (
            word[i] == "I"
            and i
            and word[i - 1] in "AEOU"
            and (i + 1 == len(word) or word[i + 1] not in "AEIOUY")
        ):
            out.append("й")
            i += 1
            continue
        for latin, cyrillic in _BACK:
            if word.startswith(latin, i):
                if latin == "E" and (i == 0 or word[i - 1] == "-"):
                    cyrillic = "э"
                out.append(cyrillic)
                i += len(latin)
                break
        else:
            out.append(word[i].lower())
            i += 1
    return "-".join(p.capitalize() for p in "".join(out).split("-"))


def _real_rows(shared: Path) -> Iterator[dict[str, str | None]]:
    with (shared / "details-2023-11.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            yield {
                "name": row.get("name"),
                "forename": row.get("forename"),
                "date_of_birth": row.get("date_of_birth"),
                "nationality": ",".join(row.get("nationalities") or []),
                "sex": row.get("sex_id"),
                "place": row.get("place_of_birth") or "",
            }
    for path in sorted(shared.glob("lists-2023-04-*.psv")):
        with path.open(encoding="utf-8") as handle:
            fields = ["forename", "date_of_birth", "entity_id", "nationalities", "name"]
            for row in csv.DictReader(handle, fieldnames=fields, delimiter="|", restkey="links"):
                if row["forename"] == "forename":
                    continue  # a header line
                yield {
                    "name": row["name"],
                    "forename": row["forename"],
                    "date_of_birth": row["date_of_birth"] or None,
                    "nationality": row["nationalities"] or "",
                    "sex": None,
                    "place": "",
                }


_RUSSIAN_GIVEN_POLICE = {
    police(iuliia_word(schema, g))
    for g, _, _ in _people(RUSSIAN_GIVEN)
    for schema in RUSSIAN_POLICE.values()
}


def _real_family(row: dict[str, str | None]) -> str | None:
    nationalities = set((row["nationality"] or "").split(","))
    for code, family in _REAL_FAMILY_BY_NATIONALITY.items():
        if code in nationalities:
            return family
    if "RU" in nationalities:
        if _CAUCASUS_PLACES.search(row["place"] or ""):
            return "north_caucasus"
        given = (row["forename"] or "").split()
        if given and given[0] in _RUSSIAN_GIVEN_POLICE and not row["place"]:
            return "russian"
        if (
            given
            and given[0] in _RUSSIAN_GIVEN_POLICE
            and not _CAUCASUS_PLACES.search(row["place"] or "")
        ):
            return "russian"
    return None


def real_people(shared: Path, rng: random.Random, per_family: int) -> Iterator[Person]:
    by_family: dict[str, dict[str, dict[str, str | None]]] = {}
    for row in _real_rows(shared):
        name, forename = (row["name"] or "").strip(), (row["forename"] or "").strip()
        if not name or not forename or forename == "-" or "(" in name + forename:
            continue
        if not re.fullmatch(r"[A-Z\- ]+", name + forename):
            continue
        family = _real_family(row)
        if family is None:
            continue
        by_family.setdefault(family, {})[f"{name}|{forename}"] = row
    for family, rows in sorted(by_family.items()):
        keys = sorted(rows)
        rng.shuffle(keys)
        for key in keys[:per_family]:
            row = rows[key]
            name, forename = key.split("|")
            dob = (row["date_of_birth"] or "").replace("/", "-") or None
            cyr_given = " ".join(back_to_cyrillic(w) for w in forename.split())
            cyr_family = " ".join(back_to_cyrillic(w) for w in name.split())
            title = " ".join(
                "-".join(p.capitalize() for p in w.split("-")) for w in f"{forename} {name}".split()
            )
            queries = [
                ("notice spelling, title case", title),
                ("notice spelling, family first", f"{name} {forename.title()}"),
                ("read back into Cyrillic", f"{cyr_given} {cyr_family}"),
            ]
            if family != "turkish":
                for label, schema in (
                    ("MVD 310", iuliia.MVD_310),
                    ("Wikipedia", iuliia.WIKIPEDIA),
                    ("ICAO 9303", iuliia.ICAO_DOC_9303),
                ):
                    queries.append(
                        (
                            f"{label} of the Cyrillic",
                            iuliia_word(schema, f"{cyr_given} {cyr_family}"),
                        )
                    )
            if family == "crimean_tatar":
                queries.append(
                    ("Crimean Tatar Latin", crimean_tatar_latin(f"{cyr_given} {cyr_family}"))
                )
            if family == "central_asian":
                queries.append(("Uzbek Latin", iuliia_word(iuliia.UZ, f"{cyr_given} {cyr_family}")))
            sex = row["sex"] or ""
            other_family = (
                police(feminine_latin(name.lower())) if not name.endswith("A") else name[:-1]
            )
            yield Person(
                family,
                f"real:{name}:{forename}",
                sex,
                dob if dob and len(dob) == 10 else None,
                queries,
                [("real notice", name, forename)],
                {"other_gender": (other_family, "")} if other_family != name else {},
                source="real notice",
            )


# --- Pairs ---------------------------------------------------------------------------------

GENERATORS: dict[str, Callable[[random.Random], Iterator[Person]]] = {
    "crimean_tatar": crimean_tatar_people,
    "ukrainian": ukrainian_people,
    "russian": russian_people,
    "belarusian": belarusian_people,
    "north_caucasus": north_caucasus_people,
    "azerbaijani": azerbaijani_people,
    "central_asian": central_asian_people,
    "turkish": turkish_people,
}


def _dob_pair(person: Person, rng: random.Random) -> tuple[str | None, str | None, str]:
    """(query dob, notice dob, how): most people know their date, notices mostly have it."""
    if person.dob is None:
        return None, None, "no date"
    roll = rng.random()
    if roll < 0.6:
        return person.dob, person.dob, "same date"
    if roll < 0.75:
        return None, person.dob, "no date in the query"
    if roll < 0.9:
        return person.dob[:4], person.dob, "year only in the query"
    return person.dob, person.dob[:4], "year only in the notice"


def _conflicting(dob: str, rng: random.Random) -> str:
    year = int(dob[:4]) + rng.choice([-9, -6, -4, 3, 5, 8])
    return f"{year}-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}"


def pairs_for(people: list[Person], rng: random.Random) -> Iterator[dict[str, object]]:
    for person in people:
        seen: set[tuple[str, str, str]] = set()
        for _ in range(2):
            how, query = rng.choice(person.queries)
            system, name, forename = rng.choice(person.notices)
            if (query, name, forename) in seen:
                continue
            seen.add((query, name, forename))
            q_dob, n_dob, dob_how = _dob_pair(person, rng)
            yield _pair(
                person,
                "positive",
                f"{how} → {system}; {dob_how}",
                query,
                q_dob,
                name,
                forename,
                n_dob,
            )
        # Hard negatives: one of three kinds for about 60 % of people.
        roll = rng.random()
        how, query = rng.choice(person.queries)
        system, name, forename = rng.choice(person.notices)
        if roll < 0.2 and person.dob:
            yield _pair(
                person,
                "hard_negative",
                f"conflicting date of birth; {how} → {system}",
                query,
                person.dob,
                name,
                forename,
                _conflicting(person.dob, rng),
            )
        elif roll < 0.4 and _other_gender(person):
            other_name = _other_gender(person)
            yield _pair(
                person,
                "hard_negative",
                f"family name in the other gender form; {how}",
                query,
                person.dob,
                other_name,
                forename,
                person.dob,
            )
        elif roll < 0.6:
            others = [p for p in people if p.key != person.key and p.sex == person.sex]
            other = rng.choice(others)
            _, _, o_forename = rng.choice(other.notices)
            if _other_given(o_forename, forename):
                yield _pair(
                    person,
                    "hard_negative",
                    f"same family name, another given name; {how}",
                    query,
                    None,
                    name,
                    o_forename,
                    other.dob,
                )


def _other_given(a: str, b: str) -> bool:
    """Plainly another given name, not a spelling of the same one (UENAL is UNAL)."""
    first_a, first_b = (x.split()[0] if x else "" for x in (a, b))
    german = fuzz.ratio(turkish_german(first_a).lower(), turkish_german(first_b).lower())
    cyrillic = fuzz.ratio(back_to_cyrillic(first_a.upper()), back_to_cyrillic(first_b.upper()))
    return max(german, cyrillic) < 75


def _other_gender(person: Person) -> str:
    """The family name in the other gender form; "" for names without one (Shevchenko)."""
    other_name, _ = person.surname_forms.get("other_gender", ("", ""))
    return "" if other_name in {n for _, n, _ in person.notices} else other_name


def _pair(
    person: Person,
    label: str,
    how: str,
    query: str,
    q_dob: str | None,
    name: str,
    forename: str,
    n_dob: str | None,
) -> dict[str, object]:
    return {
        "family": person.family,
        "label": label,
        "how": how,
        "source": person.source,
        "split": person.split,
        "query": {"name": query, "dob": q_dob},
        "notice": {
            "name": name,
            "forename": forename or None,
            "date_of_birth": n_dob.replace("-", "/") if n_dob else None,
            "sex_id": person.sex or None,
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--real-per-family", type=int, default=40)
    parser.add_argument("--output", type=Path, default=HERE / "pairs.jsonl")
    args = parser.parse_args()
    rng = random.Random(SEED)
    people: dict[str, list[Person]] = {f: list(GENERATORS[f](rng)) for f in FAMILIES}
    if args.shared.is_dir():
        for person in real_people(args.shared, rng, args.real_per_family):
            people[person.family].append(person)
    else:
        print(f"note: {args.shared} not found, no real notice names")
    rows = []
    for family in FAMILIES:
        rows.extend(pairs_for(people[family], rng))
    for i, row in enumerate(rows, 1):
        row["id"] = i
    with args.output.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps({"id": row.pop("id"), **row}, ensure_ascii=False) + "\n")
    counts: dict[tuple[str, str], int] = {}
    for row in rows:
        key = (str(row["family"]), str(row["label"]))
        counts[key] = counts.get(key, 0) + 1
    for family in FAMILIES:
        print(
            f"{family:15} positive {counts.get((family, 'positive'), 0):4}  "
            f"hard negative {counts.get((family, 'hard_negative'), 0):4}"
        )
    print(f"{len(rows)} pairs → {args.output}")


if __name__ == "__main__":
    main()
