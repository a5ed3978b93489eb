"""Compact word lists for the fake corpus.

Names are common given names and surnames, combined at random; none is taken from any real
notice. Cyrillic families are written as Russian police would write them before romanising, so
the fake reproduces the mixed romanisation systems of real Russian notices. Charges follow the
wording seen in real notices of each issuing country.
"""

from __future__ import annotations


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.strip().splitlines() if line.strip())


# --- Cyrillic name families: (male forenames, female forenames, surnames in masculine form) ---

CYRILLIC_FAMILIES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "chechen": (
        _words(
            "Магомед Ахмед Рамзан Ислам Зелимхан Аслан Хасан Хусейн Адам Шамиль Руслан Мансур "
            "Бислан Ибрагим Умар Муслим Майрбек Султан Беслан Турпал-Али Абу-Бакар Алихан Апти "
            "Ризван Бекхан Умалт Ахъяд Ильяс Саид-Эми Юнус Ваха Шамхан Арби Хамзат Байсангур"
        ),
        _words(
            "Зарема Хеда Малика Амина Седа Луиза Петимат Марьям Айшат Хава Зулихан Мадина "
            "Элина Лейла Милана Раиса Таиса Хадижат"
        ),
        _words(
            "Хасанов Исаев Эльмурзаев Масаев Гайрбеков Цечоев Бибулатов Мусаев Ахмадов Сайдулаев "
            "Висаитов Хамзатов Абдулкадыров Шамсудинов Мациев Эдиев Гацаев Джабраилов Байсаров "
            "Дадаев Тагиров Арсанукаев Абубакаров Усманов Юсупов Хадисов Межидов Цакаев Вахаев "
            "Шахбиев Алиханов Умаров Сараев Дукаев Темирбулатов Евлоев Мальсагов Оздоев Арчаков"
        ),
    ),
    "dagestani": (
        _words(
            "Магомед Гаджи Абдулла Арсен Руслан Камиль Шамиль Рамазан Хабиб Ахмед Курбан Муса "
            "Ислам Абдулхалик Магомедрасул Гасан Гусейн Мурад Расул Саид Заур Эльдар Тимур "
            "Арслан Абакар Хизри Джамал Шарип Махач Султанбек Нурадин Алибек Ильяс Юсуп"
        ),
        _words(
            "Патимат Хадижат Асият Сакинат Марьям Аминат Мадина Зайнаб Написат Загидат Заира "
            "Гюльнара Айгуль Кистаман Умукусум Джамиля"
        ),
        _words(
            "Магомедов Гаджиев Абдулаев Алиев Рамазанов Курбанов Омаров Шарипов Гасанов "
            "Абакаров Гусейнов Гаджимурадов Исмаилов Алибеков Идрисов Муртузалиев Сулейманов "
            "Джамалудинов Хизриев Умаханов Газимагомедов Халилов Абдурахманов Дибиров Меджидов "
            "Абдулкеримов Кадиев Салихов Шуайбов Абдурашидов Ахмедханов Закиров Нурмагомедов"
        ),
    ),
    "russian": (
        _words(
            "Александр Сергей Андрей Дмитрий Алексей Максим Евгений Иван Михаил Артём Николай "
            "Владимир Юрий Илья Кирилл Вячеслав Денис Олег Игорь Роман Павел Виктор Константин "
            "Вадим Григорий"
        ),
        _words(
            "Анна Мария Елена Ольга Наталья Татьяна Юлия Екатерина Ирина Светлана Дарья Ксения "
            "Людмила Валерия Алёна"
        ),
        _words(
            "Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров "
            "Морозов Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев "
            "Орлов Андреев Макаров Никитин Захаров Зайцев Соловьёв Борисов Яковлев Григорьев "
            "Воробьёв Сергеев Фролов Дмитриев Королёв Гусев Киселёв Ильин Поляков Сорокин "
            "Виноградов Ковалёв Белов Тарасов Жуков Баранов Филиппов Комаров Давыдов Беляев "
            "Осипов Сидоров Матвеев Крылов Куликов Карпов Власов Мельников Денисов Журавлёв "
            "Полянский Вишневский Горшков Муравьёв Юдин"
        ),
    ),
    "ukrainian": (
        _words(
            "Богдан Тарас Остап Назар Ярослав Владислав Николай Андрей Виталий Олег Сергей "
            "Юрий Дмитрий Василий Роман Евгений Александр Степан Игорь Максим"
        ),
        _words("Оксана Олеся Анна Наталья Ирина Юлия Марина Виктория Галина Людмила Татьяна Яна"),
        _words(
            "Шевченко Бондаренко Коваленко Ткаченко Кравченко Олейник Мельник Шевчук Бойко "
            "Ковальчук Полищук Лысенко Марченко Савченко Руденко Мороз Гончаренко Кравец "
            "Литвиненко Петренко Павленко Кузьменко Ярошенко Головко Дзюба Тимошенко Гордиенко "
            "Назаренко Сидоренко Зинченко Онищенко Левченко Приходько Гриценко Яковенко Клименко"
        ),
    ),
    "crimean_tatar": (
        _words(
            "Эмир-Усеин Сейран Сервер Рефат Ленур Эскендер Айдер Нариман Энвер Решат Рустем "
            "Эльдар Ремзи Тимур Асан Осман Ислям Бекир Зекирья Джемиль Мемет Ахтем Эдем "
            "Мустафа Ибраим Февзи Эрфан Ильмий Арсен Риза Ризван Сейт-Умер Инвер Вадим"
        ),
        _words(
            "Эльвира Лиля Зарема Мавиле Мумине Ленара Алие Гульнара Эльмаз Севиль Зера Айше "
            "Фатиме Диляра Гульсум Эсма Мерьем Зиядин"
        ),
        _words(
            "Сейдаметов Бариев Аметов Асанов Велиев Зекирьяев Эмиров Сулейманов Абдуллаев "
            "Ибраимов Меметов Османов Абибуллаев Бекиров Аблязизов Сейдалиев Усеинов Небиев "
            "Ислямов Куртумеров Таиров Мамутов Аджиумеров Джелялов Эминов Джемаледин Рамазанов "
            "Куртсеитов Абкеримов Мустафаев Ягьяев Эюпов Смаилов Батталов Салиев"
        ),
    ),
    "central_asian": (
        _words(
            "Фаррух Шерзод Бахтиёр Жасур Улугбек Достон Азиз Рустам Алишер Фирдавс Далер "
            "Сухроб Бехруз Абдулло Джамшед Комрон Мухаммад Нурлан Ерлан Айбек Бакыт Азамат "
            "Равшан Шухрат Илхом Зафар Санжар Эркин Тимур Ахмаджон"
        ),
        _words(
            "Дильноза Гулноза Шахноза Нилуфар Мадина Зарина Сабина Фарида Малика Айгуль "
            "Гульнара Мехрибон Дилором"
        ),
        _words(
            "Рахимов Каримов Юсупов Абдуллаев Назаров Холматов Турсунов Ахмедов Мирзоев Саидов "
            "Шарипов Рахмонов Хакимов Эргашев Мамадалиев Нуриддинов Бобоев Исмоилов Содиков "
            "Давлатов Джураев Каюмов Азизов Иброгимов Султанов Токтогулов Асанбеков Жумабаев "
            "Сыдыков Нурланов Хамроев Шодиев Умаров Насриддинов Файзуллоев"
        ),
    ),
    "azerbaijani": (
        _words(
            "Эльнур Рашад Орхан Вугар Фарид Эльчин Тургай Эльвин Самир Ильгар Анар Джавид "
            "Рамиль Заур Намик Рустам Теймур Шахин Гусейн"
        ),
        _words("Айтен Гюнай Севиндж Лейла Нигяр Ульвия Кёнуль Айнур Наргиз"),
        _words(
            "Гусейнов Мамедов Алиев Гасанов Исмайлов Керимов Агаев Ахмедов Бабаев Джафаров "
            "Сулейманов Рагимов Гулиев Велиев Мустафаев Ширинов Абасов"
        ),
    ),
    "caucasus_other": (
        _words("Азамат Аслан Мурат Заур Алан Тимур Казбек Артур Марат Беслан Ахмед Магомед Ислам"),
        _words("Залина Мадина Фатима Лейла Марина Аминат Залина Асият"),
        _words(
            "Шогенов Кумыков Тхагалегов Дзасохов Цаллаев Хубиев Гочияев Байчоров Евлоев "
            "Мальсагов Оздоев Арчаков Костоев Хашиев Кодзоев Мамхегов Карданов Дзагоев"
        ),
    ),
    "georgian_armenian": (
        _words(
            "Георгий Давид Леван Гиорги Ираклий Зураб Арсен Артур Арам Армен Тигран Карен "
            "Вардан Мераб Нодар Кахабер Артак Гарегин"
        ),
        _words("Нино Тамара Манана Кетеван Анна Ани Лусине Гаяне Мариам"),
        _words(
            "Беридзе Капанадзе Гелашвили Мамедашвили Церетели Джапаридзе Ломидзе Кварацхелия "
            "Саакян Петросян Григорян Акопян Арутюнян Манукян Оганесян Варданян Мкртчян"
        ),
    ),
}

# Russian surname endings and their feminine forms (-ов/-ова: same family, different person).
FEMININE_ENDINGS: tuple[tuple[str, str], ...] = (
    ("ский", "ская"),
    ("цкий", "цкая"),
    ("ий", "ая"),
    ("ов", "ова"),
    ("ев", "ева"),
    ("ёв", "ёва"),
    ("ин", "ина"),
    ("ын", "ына"),
)

# Ukrainian spellings, romanised with the national (KMU 2010) system for Ukrainian-issued notices.
UKRAINIAN_NATIONAL: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]] = (
    _words("Олександр Микола Андрій Віталій Олег Сергій Юрій Дмитро Василь Євген Ігор Тарас"),
    _words("Оксана Олена Ганна Наталія Ірина Юлія Марина Вікторія Галина Людмила"),
    _words(
        "Шевченко Бондаренко Коваленко Ткаченко Кравченко Олійник Мельник Шевчук Бойко "
        "Ковальчук Поліщук Лисенко Марченко Савченко Руденко Гончаренко Кравець Іваненко"
    ),
)


# --- Latin name families: (male forenames, female forenames, surnames) ---

LATIN_FAMILIES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "hispanic": (
        _words(
            "JOSE JUAN CARLOS LUIS JORGE MIGUEL ANGEL FRANCISCO ANTONIO MANUEL PEDRO JESUS "
            "ELVIN WILLIAM EDGARDO DAVID REYNALDO OSCAR MARVIN NELSON WALTER ERICK RAFAEL "
            "CRISTIAN BRAYAN KEVIN JONATHAN MAURICIO RICARDO FERNANDO DIEGO SANTIAGO EZEQUIEL "
            "MATIAS GUSTAVO MARIO VICTOR ROBERTO HECTOR"
        ),
        _words(
            "MARIA ANA ROSA CARMEN GLORIA SANDRA KARLA JESSICA DAYANA BRENDA VANESSA YESENIA "
            "PATRICIA CLAUDIA SILVIA LORENA MARTA GABRIELA"
        ),
        _words(
            "GARCIA MARTINEZ LOPEZ HERNANDEZ GONZALEZ PEREZ RODRIGUEZ SANCHEZ RAMIREZ CRUZ "
            "FLORES GOMEZ DIAZ REYES MORALES JIMENEZ RIVERA TORRES ORTIZ CASTILLO ROMERO "
            "ALVARADO MENDOZA GUZMAN CHAVEZ VASQUEZ AYALA ARGUETA PORTILLO ESCOBAR MEJIA "
            "MOLINA AGUILAR CANALES FUENTES QUINTANILLA MARROQUIN ORELLANA CHOQUE MAMANI "
            "BENITEZ VILLALBA FERREYRA ACOSTA SOSA MEDINA CABRERA"
        ),
    ),
    "portuguese": (
        _words(
            "JOAO JOSE ANTONIO FRANCISCO CARLOS PAULO PEDRO LUCAS LUIZ MARCOS GABRIEL RAFAEL "
            "FABIANO RODRIGO EDUARDO THIAGO MARCELO"
        ),
        _words("MARIA ANA FRANCISCA ANTONIA ADRIANA JULIANA MARCIA FERNANDA PATRICIA ALINE"),
        _words(
            "SILVA SANTOS OLIVEIRA SOUZA RODRIGUES FERREIRA ALVES PEREIRA LIMA GOMES COSTA "
            "RIBEIRO MARTINS CARVALHO ALMEIDA LOPES SOARES FERNANDES VIEIRA BARBOSA"
        ),
    ),
    "anglo": (
        _words(
            "JAMES JOHN ROBERT MICHAEL WILLIAM DAVID RICHARD JOSEPH THOMAS CHARLES CHRISTOPHER "
            "DANIEL MATTHEW ANTHONY MARK ANDRE DWAYNE KEMAR RYAN JASON"
        ),
        _words("MARY PATRICIA JENNIFER LINDA ELIZABETH SUSAN JESSICA SARAH KAREN NICOLE SHANICE"),
        _words(
            "SMITH JOHNSON WILLIAMS BROWN JONES MILLER DAVIS WILSON ANDERSON TAYLOR THOMAS "
            "MOORE JACKSON MARTIN THOMPSON WHITE HARRIS CLARK LEWIS CAMPBELL STEWART REID "
            "MORGAN CAMPBELL GRANT"
        ),
    ),
    "south_asian": (
        _words(
            "MOHAMMAD MUHAMMAD ALI AHMED IMRAN RAHUL SANDEEP YOGESH VIKRAM AMIT RAJESH SURESH "
            "GURPREET HARPREET MANDEEP JASWINDER ARSHAD TARIQ USMAN KAMRAN FAHAD RASHID "
            "NADEEM ABDUL SHAHID NEERAJ DEEPAK"
        ),
        _words("FATIMA AYESHA PRIYA SUNITA NASREEN SHABANA KIRAN POOJA RUKHSANA ANJALI"),
        _words(
            "KHAN SINGH KUMAR SHARMA AHMED HUSSAIN IQBAL ALI BUTT CHAUDHRY MALIK SHAIKH "
            "PATEL SHAH GUPTA YADAV SANDHU GILL BRAR RAHMAN ISLAM HOSSAIN UDDIN MIAH"
        ),
    ),
    "arabic": (
        _words(
            "MOHAMED AHMED ALI OMAR KHALED YOUSSEF HASSAN HUSSEIN IBRAHIM MAHMOUD MUSTAFA "
            "ABDELKADER KARIM SAMIR NABIL WALID TAREK RACHID SALIM FARID HAMZA BILAL"
        ),
        _words("FATIMA AMINA KHADIJA MARYAM NADIA SAMIRA LEILA HAYAT ZAINAB RANIA"),
        _words(
            "AL-HASSAN BENALI BOUAZIZ MANSOUR HADDAD KHALIL SALEH NASSER HAMDAN ABDALLAH "
            "EL AMRANI BELKACEM CHERIF AL-OBEIDI AL-JABOURI TAHA AZIZ BOUZID MEZIANE OTHMAN"
        ),
    ),
    "turkish": (
        _words("MEHMET MUSTAFA AHMET ALI HUSEYIN HASAN IBRAHIM MURAT EMRE BURAK KEMAL OZAN"),
        _words("AYSE FATMA EMINE HATICE ZEYNEP ELIF MERVE"),
        _words("YILMAZ KAYA DEMIR SAHIN CELIK YILDIZ YILDIRIM OZTURK AYDIN OZDEMIR ARSLAN DOGAN"),
    ),
    "balkan": (
        _words(
            "ARTAN BESNIK FLORIM GAZMEND ILIR DRITAN ROMEO EDMOND NIKOLA MARKO STEFAN MILAN "
            "DRAGAN GORAN ZORAN DZEMAL ADNAN EMIR HARIS IVAN DIMITAR GEORGI ION VASILE"
        ),
        _words("ELENA MIRELA BESA DRITA JELENA MILICA AMRA IVANA MARIJA DANIELA"),
        _words(
            "HOXHA KRASNIQI GASHI BERISHA SHEHU MUCAJ LEKAJ PETROVIC JOVANOVIC NIKOLIC "
            "MARKOVIC MEHMEDOVIC HODZIC BEGIC KOVACEVIC HORVAT BABIC IVANOV GEORGIEV "
            "DIMITROV POPESCU IONESCU RUSU CIOBANU"
        ),
    ),
    "central_european": (
        _words("PIOTR TOMASZ PAWEL KRZYSZTOF JAN PETR MARTIN TOMAS LASZLO ZOLTAN ANDRIUS JONAS"),
        _words("ANNA KATARZYNA AGNIESZKA MARTA EVA PETRA ZSUZSANNA ILONA"),
        _words(
            "NOWAK KOWALSKI WISNIEWSKI WOJCIK KOWALCZYK KAMINSKI NOVAK SVOBODA DVORAK "
            "HORVATH NAGY KOVACS SZABO KAZLAUSKAS PETRAUSKAS BERZINS TAMM"
        ),
    ),
    "west_european": (
        _words(
            "JEAN PIERRE MICHEL NICOLAS THOMAS LUCAS MARCO LUCA GIUSEPPE HANS STEFAN MARKUS "
            "PIETER JAN LARS ANDERS MIKAEL"
        ),
        _words("MARIE SOPHIE JULIE LAURA GIULIA SABINE ANNA EMMA"),
        _words(
            "MARTIN BERNARD DUBOIS MOREAU LAURENT ROSSI RUSSO FERRARI ESPOSITO MULLER "
            "SCHMIDT SCHNEIDER FISCHER DE JONG JANSEN PEETERS JOHANSSON NIELSEN HANSEN"
        ),
    ),
    "east_asian": (
        _words("WEI JIAN MING HAO JUN YONG LEI QIANG HUI TAO ZHIWEI XIAOMING"),
        _words("LI NA FANG YING XIU JING MEI YAN"),
        _words("WANG LI ZHANG LIU CHEN YANG HUANG ZHAO WU ZHOU XU SUN MA ZHU HU LIN"),
    ),
    "vietnamese": (
        _words("VAN DUC MINH HUNG TUAN THANH QUANG HOANG DUNG LONG"),
        _words("THI LAN HUONG MAI LINH HOA"),
        _words("NGUYEN TRAN LE PHAM HOANG HUYNH PHAN VU VO DANG BUI DO HO NGO DUONG"),
    ),
    "southeast_asian": (
        _words("SOMCHAI ANAN PRASERT BUDI AGUS JOSE MARK RODEL AHMAD MOHD KYAW SOPHEAK"),
        _words("SIRIPORN SITI DEWI MARIA JOY NUR AYE SREY"),
        _words(
            "SRISAI WONGSA SUKSAWAT SANTOSO WIJAYA HIDAYAT REYES SANTOS DELA CRUZ ABDULLAH "
            "BIN ISMAIL AUNG SOK CHEA"
        ),
    ),
    "persian": (
        _words("MOHAMMAD ALI REZA HOSSEIN MEHDI AHMAD MOSTAFA HAMID SAEED JAVAD AHMAD ZIA"),
        _words("ZAHRA FATEMEH MARYAM SAKINEH PARISA SHABNAM"),
        _words(
            "HOSSEINI MOHAMMADI AHMADI REZAEI KARIMI RAHIMI JAFARI SADEGHI NAZARI "
            "POPAL STANIKZAI WARDAK SAFI NOORI"
        ),
    ),
    "african_en": (
        _words(
            "CHARLES EMMANUEL SAMUEL JOSEPH PETER JOHN DANIEL MICHAEL KWAME CHINEDU OLUWASEUN "
            "TENDAI THABO SIPHO JEAN-PIERRE INNOCENT FAUSTIN ABDI MOHAMED HASSAN"
        ),
        _words("GRACE MARY JOY BLESSING FAITH AMINA NALEDI CHIPO ESTHER"),
        _words(
            "NWOSU OKAFOR ADEYEMI MENSAH OWUSU BOATENG MWANGI OTIENO KAMAU MOYO NDLOVU "
            "DLAMINI MUTASA BANDA PHIRI MUGABO HABIMANA NIYONZIMA OMAR WARSAME"
        ),
    ),
    "african_fr": (
        _words("JEAN MAMADOU MOUSSA IBRAHIMA OUSMANE PIERRE ALAIN SERGE DIDIER YAO KOFFI"),
        _words("AMINATA FATOUMATA MARIAM AWA CHANTAL MARIE"),
        _words(
            "DIALLO TRAORE KEITA COULIBALY TOURE KONE CAMARA SANGARE OUEDRAOGO KABORE "
            "MBEKI KABILA MUKENDI NGOMA BAMBA"
        ),
    ),
    "korean_japanese": (
        _words("JUN HYUN MIN SUNG JIN TAKESHI HIROSHI KENJI"),
        _words("JI SOO YUKI AKIKO"),
        _words("KIM LEE PARK CHOI JUNG KANG SATO SUZUKI TANAKA WATANABE"),
    ),
}

# Where each Latin family is at home (by nationality); the rest fall back to "anglo".
FAMILY_BY_COUNTRY: dict[str, str] = {
    **dict.fromkeys(
        _words("SV AR GT BO PY HN NI MX CO PE UY CL EC DO VE CR PA CU ES GQ"),
        "hispanic",
    ),
    **dict.fromkeys(_words("BR PT AO MZ CV GW ST TL"), "portuguese"),
    **dict.fromkeys(_words("IN PK BD NP LK MV BT"), "south_asian"),
    **dict.fromkeys(
        _words("DZ MA TN EG IQ SY LB JO SA YE LY SD PS AE KW QA OM BH MR 916"), "arabic"
    ),
    "TR": "turkish",
    "CY": "turkish",
    **dict.fromkeys(_words("BA RS HR ME MK AL SI BG RO MD GR UNK"), "balkan"),
    **dict.fromkeys(_words("PL CZ SK HU LT LV EE"), "central_european"),
    **dict.fromkeys(
        _words("FR DE NL BE IT AT CH DK SE NO FI LU IS MC LI SM AD VA MT"), "west_european"
    ),
    **dict.fromkeys(_words("CN TW SG MO"), "east_asian"),
    "VN": "vietnamese",
    **dict.fromkeys(_words("TH KH LA MM ID PH MY BN"), "southeast_asian"),
    **dict.fromkeys(_words("IR AF"), "persian"),
    **dict.fromkeys(
        _words("NG GH SL LR GM KE UG TZ RW ET SO ZW ZA ZM MW BW SZ NA LS ER SS 922 914"),
        "african_en",
    ),
    **dict.fromkeys(
        _words("CI SN ML CM CD CG GA BF NE TG BJ GN TD CF MG BI DJ KM HT"), "african_fr"
    ),
    **dict.fromkeys(_words("KR KP JP MN"), "korean_japanese"),
}

# Nationalities whose people carry Cyrillic-recorded names, and the family to draw from.
CYRILLIC_FAMILY_BY_COUNTRY: dict[str, str] = {
    **dict.fromkeys(_words("TJ UZ KG KZ TM"), "central_asian"),
    "AZ": "azerbaijani",
    "GE": "georgian_armenian",
    "AM": "georgian_armenian",
    "BY": "russian",
}

# Share of each group among Russian nationals named in Russian notices (about half are from the
# North Caucasus, as DOMAIN.md says).
RU_GROUPS: tuple[tuple[str, float], ...] = (
    ("chechen", 0.27),
    ("dagestani", 0.22),
    ("caucasus_other", 0.04),
    ("russian", 0.25),
    ("ukrainian", 0.07),
    ("crimean_tatar", 0.07),
    ("central_asian", 0.05),
    ("azerbaijani", 0.03),
)

# --- Places of birth ---

# Russian-issued notices: settlement in Cyrillic (romanised like the names) and its region
# written in one of the English styles seen in real notices.
RU_PLACES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "chechen": (
        _words(
            "Грозный Урус-Мартан Гудермес Шали Аргун Курчалой Ведено Ачхой-Мартан Наурская "
            "Шелковская Гехи Самашки Бачи-Юрт Цоцин-Юрт Гикало"
        ),
        (
            "CHECHEN REPUBLIC",
            "OF CHECHENSKAYA REPUBLIC",
            "CHECHEN REGION",
            "THE CHECHEN REPUBLIC",
            "CHECHNYA",
        ),
    ),
    "dagestani": (
        _words(
            "Махачкала Хасавюрт Дербент Буйнакск Каспийск Избербаш Кизляр Кизилюрт Бабаюрт "
            "Унцукуль Гуниб Карабудахкент Сергокала Хунзах Ботлих"
        ),
        (
            "DAGESTAN REPUBLIC",
            "THE REPUBLIC OF DAGESTAN",
            "REPUBLIC OF DAGESTAN",
            "DAGESTAN",
            "(THE REPUBLIC OF DAGESTAN)",
        ),
    ),
    "caucasus_other": (
        _words("Нальчик Назрань Черкесск Владикавказ Майкоп Малгобек Карабулак Баксан"),
        (
            "KABARDINO-BALKARIAN REPUBLIC",
            "REPUBLIC OF INGUSHETIA",
            "KARACHAY-CHERKESS REPUBLIC",
            "NORTH OSSETIA-ALANIA",
        ),
    ),
    "russian": (
        _words(
            "Москва Санкт-Петербург Новосибирск Екатеринбург Казань Самара Ростов-на-Дону "
            "Уфа Красноярск Воронеж Пермь Волгоград Краснодар Саратов Тюмень Ижевск Барнаул "
            "Иркутск Хабаровск Ярославль Владивосток Чита Астрахань Ставрополь"
        ),
        ("", "RUSSIA", "USSR", "RUSSIAN FEDERATION"),
    ),
    "ukrainian": (
        _words("Харьков Киев Донецк Луганск Мариуполь Херсон Запорожье Одесса Днепропетровск"),
        ("", "UKRAINE", "UKRAINIAN SSR", "USSR"),
    ),
    "crimean_tatar": (
        _words(
            "Симферополь Бахчисарай Джанкой Белогорск Судак Алушта Евпатория Старый Крым "
            "Керчь Феодосия Самарканд Ташкент Фергана Андижан Чирчик Янгиюль"
        ),
        ("", "CRIMEA", "REPUBLIC OF CRIMEA", "UZBEK SSR", "AUTONOMOUS REPUBLIC OF CRIMEA"),
    ),
    "central_asian": (
        _words("Душанбе Худжанд Куляб Ош Джалал-Абад Наманган Андижан Бухара Шымкент Пенджикент"),
        ("", "TAJIKISTAN", "UZBEKISTAN", "KYRGYZSTAN", "TAJIK SSR"),
    ),
    "azerbaijani": (
        _words("Баку Гянджа Сумгаит Ленкорань Шеки Дербент"),
        ("", "AZERBAIJAN", "AZERBAIJAN SSR"),
    ),
}

SETTLEMENT_WORDS: tuple[str, ...] = ("TOWN", "CITY", "VILLAGE", "SETTLEMENT", "SETTL.")

# Latin places by nationality for the countries that issue most notices.
PLACES: dict[str, tuple[str, ...]] = {
    "SV": _lines(
        """
        SAN SALVADOR
        SOYAPANGO
        SANTA ANA
        SAN MIGUEL
        SAN VICENTE
        USULUTAN
        APOPA
        ILOPANGO
        MEJICANOS
        CHALATENANGO
        LA UNION
        AHUACHAPAN
        SONSONATE
        """
    ),
    "AR": _words("BUENOS AIRES ROSARIO CORDOBA MENDOZA TUCUMAN SALTA CORRIENTES POSADAS"),
    "GT": _lines("GUATEMALA\nESCUINTLA\nQUETZALTENANGO\nHUEHUETENANGO\nCHIMALTENANGO"),
    "BO": _lines("SANTA CRUZ DE LA SIERRA\nLA PAZ\nCOCHABAMBA\nEL ALTO\nORURO\nPOTOSI"),
    "PY": _lines("ASUNCION\nCIUDAD DEL ESTE\nPEDRO JUAN CABALLERO\nENCARNACION\nLUQUE"),
    "HN": _lines("TEGUCIGALPA\nSAN PEDRO SULA\nLA CEIBA\nCHOLOMA"),
    "NI": _lines("MANAGUA\nLEON\nMASAYA\nCHINANDEGA"),
    "MX": _lines("CIUDAD DE MEXICO\nGUADALAJARA\nMONTERREY\nTIJUANA\nCULIACAN"),
    "CO": _lines("BOGOTA\nMEDELLIN\nCALI\nBARRANQUILLA\nCUCUTA"),
    "PE": _lines("LIMA\nAREQUIPA\nTRUJILLO\nCHICLAYO"),
    "UY": _lines("MONTEVIDEO\nSALTO\nPAYSANDU\nRIVERA"),
    "BR": _lines("SAO PAULO\nRIO DE JANEIRO\nBELO HORIZONTE\nCURITIBA\nRECIFE\nFOZ DO IGUACU"),
    "US": _lines("LOS ANGELES, CALIFORNIA\nNEW YORK\nHOUSTON, TEXAS\nCHICAGO\nMIAMI, FLORIDA"),
    "CA": _lines("TORONTO\nMONTREAL\nVANCOUVER\nCALGARY"),
    "JM": _lines("KINGSTON\nSPANISH TOWN\nMONTEGO BAY\nST. CATHERINE"),
    "IN": _lines("NEW DELHI\nMUMBAI\nAMRITSAR\nSONIPAT, HARYANA\nLUDHIANA\nHYDERABAD"),
    "PK": _lines("LAHORE\nKARACHI\nGUJRAT\nRAWALPINDI\nMIRPUR\nFAISALABAD"),
    "BD": _lines("DHAKA\nCHITTAGONG\nSYLHET"),
    "CN": _lines("BEIJING\nSHANGHAI\nFUJIAN\nGUANGDONG\nWENZHOU"),
    "VN": _lines("HA NOI\nHO CHI MINH\nHAI PHONG\nNGHE AN"),
    "BA": _lines("SARAJEVO\nTUZLA\nZENICA\nBANJA LUKA\nMOSTAR"),
    "AL": _lines("TIRANA\nDURRES\nSHKODER\nELBASAN"),
    "BG": _lines("SOFIA\nPLOVDIV\nVARNA"),
    "RO": _lines("BUCURESTI\nCONSTANTA\nIASI"),
    "PL": _lines("WARSZAWA\nKRAKOW\nLODZ\nWROCLAW"),
    "FR": _lines("PARIS\nMARSEILLE\nLYON\nTOULOUSE"),
    "DE": _lines("BERLIN\nHAMBURG\nMUENCHEN\nKOELN"),
    "TR": _lines("ISTANBUL\nANKARA\nIZMIR\nDIYARBAKIR"),
    "DZ": _lines("ALGER\nORAN\nCONSTANTINE"),
    "MA": _lines("CASABLANCA\nTANGER\nFES"),
    "NG": _lines("LAGOS\nONITSHA\nBENIN CITY\nABUJA"),
    "ZA": _lines("JOHANNESBURG\nDURBAN\nCAPE TOWN"),
    "RW": _lines("KIGALI\nBUTARE\nGISENYI"),
    "UNK": _lines("PRISTINA\nPRIZREN\nPEJA\nMITROVICA"),
    "LB": _lines("BEIRUT\nTRIPOLI\nSIDON"),
    "GE": _lines("TBILISI\nBATUMI\nKUTAISI\nRUSTAVI"),
    "AM": _lines("YEREVAN\nGYUMRI\nVANADZOR"),
    "UA": _lines("KYIV\nKHARKIV\nODESA\nDNIPRO\nLVIV"),
}

# --- Charges, in the issuing country's wording ---

_CODE = "of the Criminal Code of the Russian Federation"
_TERRORIST = "participation in the activity of a terrorist organization"
_ARMED = "participation in the activity of an illegal armed formation"
_ORGANISATION = (
    "Organization of activity of the terrorist organization and participation in activity of "
    "such organization"
)

RU_CHARGES_CAUCASUS: tuple[str, ...] = (
    "participation in illegal armed formation",
    "Participation in illegal armed formation",
    "Participation in illegal armed formation.",
    "participation in an illegal armed formation",
    "Participation in the activity of an illegal armed formation",
    _ARMED,
    "participation in a terrorist organization",
    _TERRORIST,
    f"{_TERRORIST}; {_ARMED}",
    "Participation in terrorist organization; participation in illegal armed formation.",
    f"getting trained with the aim of terrorist activity; {_TERRORIST}",
    "1) participation in terrorist organization; 2) participation in illegal armed formation",
    "assistance to the members of an illegal armed formation",
    "Participation in an armed formation not provided for by federal law on the territory of a "
    f"foreign state (Art. 208 Part 2 {_CODE})",
)

RU_CHARGES_CRIMEA: tuple[str, ...] = (
    _TERRORIST,
    f"Participation in the activity of a terrorist organization (Art. 205.5 {_CODE})",
    _ORGANISATION,
    f"{_ORGANISATION}.\r\nParticipation in illegal armed formation.",
    "Participation in the activity of an illegal armed formation",
    "participation in an illegal armed formation",
    f"Art. 205.5 Part 2 {_CODE}",
    # The "26 February" case: a rally in Simferopol before the annexation, charged under
    # Russian law afterwards.
    "Participation in mass riots on 26.02.2014 near the building of the Supreme Council of the "
    f"Autonomous Republic of Crimea, Simferopol (Art. 212 Part 2 {_CODE})",
)

RU_CHARGES_GENERAL: tuple[str, ...] = (
    "Fraud on an especially large scale",
    f"Fraud committed by an organized group on an especially large scale (Art. 159 Part 4 {_CODE})",
    "murder",
    "Murder",
    "Illegal production and sale of narcotic drugs on a large scale",
    "Embezzlement on an especially large scale",
    "Public calls to extremist activity",
    "Public dissemination of knowingly false information about the use of the Armed Forces of "
    f"the Russian Federation (Art. 207.3 {_CODE})",
    "High treason",
    "Sabotage",
    "participation in mass riots",
    "Participation in an armed conflict as a mercenary",
)

# Charges as the Russian NCB sometimes files them: in Russian, with article numbers and CRLF.
RU_CHARGES_RUSSIAN: tuple[str, ...] = (
    "Участие в незаконном вооружённом формировании (ч. 2 ст. 208 УК РФ)",
    "ч. 2 ст. 205.5 УК РФ - участие в деятельности террористической организации;\r\n"
    "ч. 2 ст. 208 УК РФ - участие в незаконном вооружённом формировании",
    "Участие в деятельности организации, которая признана террористической (ч. 2 ст. 205.5 УК РФ)",
    "Публичные призывы к осуществлению террористической деятельности\r\n(ч. 2 ст. 205.2 УК РФ)",
    "Мошенничество в особо крупном размере (ч. 4 ст. 159 УК РФ)",
    "Массовые беспорядки (ч. 2 ст. 212 УК РФ)",
    "Государственная измена (ст. 275 УК РФ)",
    "Прохождение обучения в целях осуществления террористической деятельности "
    "(ст. 205.3 УК РФ);\r\nучастие в террористическом сообществе (ч. 2 ст. 205.4 УК РФ)",
)

CHARGES: dict[str, tuple[str, ...]] = {
    "SV": _lines(
        """
        ORGANIZACIONES TERRORISTAS
        ORGANIZACIONES TERRORISTAS
        ORGANIZACIONES TERRORISTAS
        HOMICIDIO AGRAVADO
        Homicidio Agravado
        HOMICIDIO AGRAVADO Y ORGANIZACIONES TERRORISTAS
        AGRUPACIONES ILICITAS
        ORGANIZACIONES TERRORISTAS AGRAVADAS
        HOMICIDIO AGRAVADO Y AGRUPACIONES ILICITAS
        EXTORSION AGRAVADA
        """
    ),
    "AR": _lines(
        """
        HOMICIDIO SIMPLE
        HOMICIDIO AGRAVADO POR EL USO DE ARMA DE FUEGO
        ASOCIACIÓN ILÍCITA
        TENTATIVA DE HOMICIDIO
        ROBO CALIFICADO POR EL USO DE ARMA DE FUEGO
        SECUESTRO EXTORSIVO
        ABUSO SEXUAL CON ACCESO CARNAL
        INFRACCIÓN A LA LEY 23.737 (ESTUPEFACIENTES)
        HOMICIDIO AGRAVADO POR CONCURSO PREMEDITADO DE DOS O MÁS PERSONAS
        """
    ),
    "IN": _lines(
        """
        Murder, Criminal Conspiracy & Supply of illegal Firearms
        MURDER, ATTEMPT TO MURDER
        Cheating and criminal breach of trust
        Offense related to Narcotic Drugs and Psychotropic Substances Act, 1985
        Punishment for being member of terrorist gang or organization; Punishment for conspiracy
        criminal conspiracy, attempt to murder, possession and use of prohibited arms and ammunition
        Extortion, criminal intimidation
        """
    ),
    "US": (
        "Murder",
        "First Degree Murder",
        "1) Sexual Abuse in the Third Degree (3 Counts)\r\n2) Assault Causing Bodily Injury",
        "Aggravated robbery with a deadly weapon",
        "Conspiracy to distribute controlled substances",
        "1) Wire Fraud\r\n2) Money Laundering",
        "Unlawful Flight to Avoid Prosecution - Murder",
        "Aggravated sexual assault of a child",
    ),
    "PK": ("Murder", "Murder", "Murder", "Kidnapping for ransom", "Attempt to murder"),
    "JM": (
        "Murder",
        "Murder\r\nPossession of Prohibited Weapon",
        "Wounding with intent",
        "Rape and other sexual offences",
    ),
    "FR": (
        "Meurtre",
        "1) VOL COMMIS EN BANDE ORGANISEE\r\n2) PARTICIPATION A UNE ASSOCIATION DE MALFAITEURS",
        "- Transport non autorisé de stupéfiants\r\n- Détention non autorisée de stupéfiants",
        "Viol sur mineur de 15 ans",
    ),
    "BR": ("Murder", "Drug Trafficking", "Aggravated Homicide", "Rape of vulnerable"),
    "CA": ("First degree murder", "Second degree murder", "Trafficking in a Controlled Substance"),
    "UA": (
        "Умисне вбивство",
        "Шахрайство, вчинене в особливо великих розмірах",
        "Державна зрада",
        "Незаконне заволодіння транспортним засобом",
    ),
    "914": (
        "Crimes against humanity: murder; war crimes",
        "War crimes and crimes against humanity",
    ),
    "916": ("Conspiracy aimed at committing a terrorist act; intentional homicide",),
    "922": ("Genocide; complicity in genocide; extermination as a crime against humanity",),
}

CHARGES_BY_LANGUAGE: dict[str, tuple[str, ...]] = {
    "es": _lines(
        """
        HOMICIDIO
        ASESINATO
        Asesinato
        FEMICIDIO
        VIOLACION
        TRAFICO ILICITO DE DROGAS
        TRATA DE PERSONAS
        ROBO AGRAVADO
        ASOCIACION ILICITA
        """
    ),
    "fr": ("Meurtre", "Trafic de stupéfiants", "Escroquerie", "Viol", "Vol à main armée"),
    "en": _lines(
        """
        Murder
        Murder
        Attempted murder
        Armed robbery
        Drug trafficking
        Fraud
        Rape
        Money laundering
        Kidnapping
        Human trafficking
        Murder\r\nIllegal Possession of Firearm
        """
    ),
}

DISTINGUISHING_MARKS: tuple[str, ...] = _lines(
    """
    scar on the chin
    Wears glasses
    a mole behind the left wing of nose
    Scar on left elbow.
    TATTOO ON BOTH ARMS AND SCAR MARK INJURY ON FOREHEAD.
    Tattoo on the right forearm\r\nScar above the left eyebrow
    Tez morena, cabello corto
    OSTENTA BARBA DE CANDADO
    De type européen, porte une barbe
    Slim built, dark complexion
    """
)

EYES: tuple[str, ...] = _words("BLA BROH BROD OTHD BRO BROL BLU GRE GRY OTHL BLUL")
EYES_WEIGHTS: tuple[float, ...] = (197, 141, 88, 84, 39, 20, 10, 9, 9, 5, 2)
HAIRS: tuple[str, ...] = _words("BLA OTHD BRO BROF RED REDA HAIB HAID YELB GRYG GRY")
HAIRS_WEIGHTS: tuple[float, ...] = (422, 195, 30, 19, 2, 2, 2, 1, 1, 1, 1)

# Languages (ISO 639-2/B) by name family; RUS is added for people named in Russian notices.
LANGUAGES: dict[str, tuple[str, ...]] = {
    "chechen": ("CHE",),
    "dagestani": ("AVA", "LEZ", "KUM", "DAR", "LAK"),
    "caucasus_other": ("KBD", "INH", "OSS", "KRC"),
    "georgian_armenian": ("GEO", "ARM"),
    "russian": ("ENG", "GER"),
    "ukrainian": ("UKR",),
    "crimean_tatar": ("CRH", "UKR", "TUR"),
    "central_asian": ("TGK", "UZB", "KIR", "KAZ"),
    "azerbaijani": ("AZE",),
    "hispanic": ("SPA",),
    "portuguese": ("POR",),
    "anglo": ("ENG",),
    "south_asian": ("URD", "PAN", "HIN", "BEN"),
    "arabic": ("ARA", "FRE"),
    "turkish": ("TUR",),
    "balkan": ("ALB", "SRP", "BOS", "BUL", "RUM"),
    "central_european": ("POL", "CZE", "HUN", "LIT"),
    "west_european": ("FRE", "GER", "ITA", "DUT"),
    "east_asian": ("CHI",),
    "vietnamese": ("VIE",),
    "southeast_asian": ("THA", "IND", "TGL", "MAY"),
    "persian": ("PER", "PUS"),
    "african_en": ("ENG", "SWA", "KIN", "SOM"),
    "african_fr": ("FRE", "LIN", "WOL"),
    "korean_japanese": ("KOR", "JPN"),
}

# Nationalities whose language differs from their name family's first one.
LANGUAGES_BY_COUNTRY: dict[str, tuple[str, ...]] = {
    "IN": ("HIN", "PAN", "ENG"),
    "PK": ("URD", "PAN"),
    "BD": ("BEN",),
    "NP": ("NEP",),
    "LK": ("SIN", "TAM"),
    "BR": ("POR",),
    "US": ("ENG", "SPA"),
    "PH": ("TGL", "ENG"),
    "ID": ("IND",),
    "MY": ("MAY",),
    "TH": ("THA",),
    "AL": ("ALB",),
    "UNK": ("ALB",),
    "RO": ("RUM",),
    "MD": ("RUM", "RUS"),
    "BG": ("BUL",),
}
