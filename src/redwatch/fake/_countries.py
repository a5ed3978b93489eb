"""The country list the fake serves, and how often each country issues notices.

The codes are those INTERPOL's own country list uses: ISO 3166-1 alpha-2 plus four non-ISO
codes for international bodies and Kosovo. Issuing weights are notices per ~7,000 public ones,
shaped like the real distribution (Russia is set apart in the corpus generator).
"""

from __future__ import annotations

# code, label, weight as an issuer of red notices (per ~7,000 public notices; Russia excluded)
_TABLE = """
AF Afghanistan 6
AL Albania 8
DZ Algeria 16
AS American Samoa 0
AD Andorra 0
AO Angola 7
AI Anguilla 0
AG Antigua and Barbuda 0
AR Argentina 360
AM Armenia 14
AU Australia 5
AT Austria 5
AZ Azerbaijan 37
BS Bahamas 3
BH Bahrain 1
BD Bangladesh 60
BB Barbados 1
BY Belarus 3
BE Belgium 5
BZ Belize 5
BJ Benin 1
BT Bhutan 1
BO Bolivia 118
BA Bosnia and Herzegovina 65
BW Botswana 2
BR Brazil 95
BN Brunei 0
BG Bulgaria 42
BF Burkina Faso 1
BI Burundi 1
KH Cambodia 1
CM Cameroon 2
CA Canada 42
CV Cape Verde 0
CF Central African Republic 3
TD Chad 1
CL Chile 27
CN China 55
CO Colombia 63
KM Comoros 0
CG Congo 1
CD Congo (Democratic Republic) 1
CR Costa Rica 5
CI Cote d'Ivoire 1
HR Croatia 8
CU Cuba 4
CY Cyprus 1
CZ Czech Republic 11
DK Denmark 11
DJ Djibouti 0
DM Dominica 1
DO Dominican Republic 13
EC Ecuador 14
EG Egypt 5
SV El Salvador 500
GQ Equatorial Guinea 1
ER Eritrea 0
EE Estonia 1
SZ Eswatini 14
ET Ethiopia 1
FJ Fiji 1
FI Finland 1
FR France 26
GA Gabon 0
GM Gambia 1
GE Georgia 31
DE Germany 13
GH Ghana 1
GR Greece 9
GD Grenada 0
GT Guatemala 130
GN Guinea 1
GW Guinea-Bissau 2
GY Guyana 2
HT Haiti 1
VA Holy See 0
HN Honduras 33
HU Hungary 10
IS Iceland 1
IN India 240
ID Indonesia 8
IR Iran 16
IQ Iraq 7
IE Ireland 1
IL Israel 12
IT Italy 6
JM Jamaica 55
JP Japan 3
JO Jordan 2
KZ Kazakhstan 13
KE Kenya 3
KI Kiribati 0
KP Korea (Democratic People's Republic) 1
KR Korea (Republic of) 1
KW Kuwait 1
KG Kyrgyzstan 33
LA Laos 1
LV Latvia 2
LB Lebanon 6
LS Lesotho 1
LR Liberia 1
LY Libya 4
LI Liechtenstein 0
LT Lithuania 6
LU Luxembourg 1
MO Macao 0
MG Madagascar 1
MW Malawi 1
MY Malaysia 3
MV Maldives 9
ML Mali 1
MT Malta 1
MH Marshall Islands 0
MR Mauritania 1
MU Mauritius 1
MX Mexico 44
FM Micronesia 0
MD Moldova 19
MC Monaco 0
MN Mongolia 2
ME Montenegro 4
MA Morocco 9
MZ Mozambique 1
MM Myanmar 2
NA Namibia 1
NR Nauru 0
NP Nepal 15
NL Netherlands 14
NZ New Zealand 1
NI Nicaragua 54
NE Niger 1
NG Nigeria 11
MK North Macedonia 2
NO Norway 4
OM Oman 0
PK Pakistan 180
PW Palau 0
PS Palestine 1
PA Panama 2
PG Papua New Guinea 0
PY Paraguay 96
PE Peru 36
PH Philippines 11
PL Poland 35
PT Portugal 7
QA Qatar 1
RO Romania 32
RU Russia 0
RW Rwanda 10
KN Saint Kitts and Nevis 0
LC Saint Lucia 1
VC Saint Vincent and the Grenadines 0
WS Samoa 0
SM San Marino 0
ST Sao Tome and Principe 0
SA Saudi Arabia 2
SN Senegal 1
RS Serbia 12
SC Seychelles 0
SL Sierra Leone 1
SG Singapore 6
SK Slovakia 9
SI Slovenia 5
SB Solomon Islands 0
SO Somalia 9
ZA South Africa 7
SS South Sudan 1
ES Spain 8
LK Sri Lanka 6
SD Sudan 2
SR Suriname 8
SE Sweden 8
CH Switzerland 4
SY Syria 9
TW Taiwan 1
TJ Tajikistan 38
TZ Tanzania 2
TH Thailand 15
TL Timor-Leste 0
TG Togo 1
TO Tonga 0
TT Trinidad and Tobago 1
TN Tunisia 4
TR Turkey 16
TM Turkmenistan 1
TC Turks and Caicos Islands 0
TV Tuvalu 0
UG Uganda 1
UA Ukraine 48
AE United Arab Emirates 1
GB United Kingdom 10
US United States 230
UY Uruguay 40
UZ Uzbekistan 24
VU Vanuatu 0
VE Venezuela 15
VN Vietnam 51
YE Yemen 1
ZM Zambia 2
ZW Zimbabwe 7
914 International Criminal Court 1
916 Special Tribunal for Lebanon 1
922 International Residual Mechanism for Criminal Tribunals 1
UNK Kosovo (UNMIK) 1
"""


def _parse() -> tuple[dict[str, str], dict[str, float]]:
    labels: dict[str, str] = {}
    weights: dict[str, float] = {}
    for line in _TABLE.strip().splitlines():
        code, rest = line.split(" ", 1)
        label, weight = rest.rsplit(" ", 1)
        labels[code] = label
        if float(weight) > 0:
            weights[code] = float(weight)
    return labels, weights


COUNTRY_LABELS, ISSUER_WEIGHTS = _parse()
NON_ISO_CODES: tuple[str, ...] = ("914", "916", "922", "UNK")


def countries_payload() -> list[dict[str, str]]:
    """The body of ``/en/notices/data/countries``: ``value`` codes and English labels."""
    return [
        {"value": code, "label": label}
        for code, label in sorted(COUNTRY_LABELS.items(), key=lambda item: item[1])
    ]
