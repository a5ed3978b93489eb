"""Given names that are one name written in the forms of several languages of the region.

A Ukrainian registered as ``Микола`` appears in a Russian notice as ``NIKOLAI`` (the Russian
registry rewrote the name, not its letters); a Belarusian ``Аляксандр`` as ``ALEKSANDR``; the
press writes ``Alexander``. No romanisation rule links these spellings, and the fuzzy rule
misses most of them (Mykola/NIKOLAI, Hanna/ANNA, Zmitser/DMITRII), so they are listed here.

Each line is one name: its Russian form first (the form Russian notices romanise), then the
Ukrainian and Belarusian forms and the usual Latin ones, as given for these names in the
name dictionaries of each language (Russian: Petrovsky, *Словарь русских личных имён*;
Ukrainian: Скрипник & Дзятківська, *Власні імена людей*; Belarusian: Бірыла,
*Беларуская антрапанімія*), and Azerbaijani, Crimean Tatar and Turkish forms of the Arabic
names whose Russian registry spelling differs from the native one (Гусейн = Hüseyn).
Only full names are listed (no diminutives), and a line never joins two names that the
registries keep apart (Юлиан and Юлия): a wrong line would merge two people. One overlap is
unavoidable: the Belarusian Алена (Елена) is ALENA in Latin, and so is the Russian Алёна in
ICAO 9303 (ё is written e), so ALENA meets the Елена line.
Forms are compared by phonetic key, so one spelling per form is enough (``Mykola`` stands for
MYKOLA, Mykola, Микола).
"""

from __future__ import annotations

__all__ = ["GIVEN_NAMES"]

_LINES = """
Александр Олександр Аляксандр Алесь Alexander Aleksander
Алексей Олексій Аляксей Alexei
Анатолий Анатолій Анатоль
Андрей Андрій Андрэй
Анна Ганна Hanna
Антон Антон Антон
Аркадий Аркадій Аркадзь
Борис Борис Барыс
Вадим Вадим Вадзім
Валентин Валентин Валянцін
Валентина Валентина Валянціна
Валерий Валерій Валерый
Василий Василь Васіль
Вера Віра Вера
Виктор Віктор Віктар
Виталий Віталій Віталь
Владимир Володимир Уладзімір
Владислав Владислав Уладзіслаў
Вячеслав Вячеслав Вячаслаў
Галина Галина Галіна
Геннадий Геннадій Генадзь
Георгий Георгій Георгій
Григорий Григорій Рыгор
Дарья Дарія Дар'я
Денис Денис Дзяніс
Дмитрий Дмитро Дзмітрый Зміцер
Евгений Євген Яўген
Евгения Євгенія Яўгенія
Екатерина Катерина Кацярына
Елена Олена Алена
Елизавета Єлизавета Лізавета
Иван Іван Іван
Игорь Ігор Ігар
Илья Ілля Ілья
Ирина Ірина Ірына
Кирилл Кирило Кірыла
Константин Костянтин Канстанцін
Леон Леон Лявон
Леонид Леонід Леанід
Людмила Людмила Людміла
Максим Максим Максім
Марина Марина Марына
Мария Марія Марыя
Михаил Михайло Міхаіл Міхась
Надежда Надія Надзея
Наум Наум Навум
Наталья Наталія Наталля Natalia
Николай Микола Мікалай
Оксана Оксана Аксана
Олег Олег Алег
Ольга Ольга Вольга
Павел Павло Павел
Пётр Петро Пятро Piotr
Роман Роман Раман
Светлана Світлана Святлана
Семён Семен Сямён
Сергей Сергій Сяргей
Степан Степан Сцяпан
Тарас Тарас Тарас
Татьяна Тетяна Таццяна
Тимофей Тимофій Цімафей
Фёдор Федір Фёдар
Юлия Юлія Юлія
Юрий Юрій Юрый
Яков Яків Якаў
Гусейн Hüseyn Hüseyin Усеин Useyin
Гасан Həsən Хасан Асан
Рустам Rüstəm Рустем
Ибрагим İbrahim Ибраим
Исмаил İsmayıl Смаил
Юсуф Yusif Юсиф Юсуп
Джафар Cəfər
Фатима Фатиме Fatma
Айше Ayşe Айша
Зейнаб Zeynəb Зайнаб Зейнеп
Мерьем Марьям Məryəm Meryem
"""

GIVEN_NAMES: tuple[tuple[str, ...], ...] = tuple(
    tuple(line.split()) for line in _LINES.strip().splitlines() if line.strip()
)
"""One tuple of forms per name, the Russian form first."""
