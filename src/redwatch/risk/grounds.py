"""The legal grounds a flag supports, worded once so that every flag cites them alike."""

from __future__ import annotations

ART_3 = (
    "INTERPOL Constitution Art. 3: no activity of a political, military, religious or racial "
    "character (predominance test: offence, status of the person, who asks, context)"
)
ART_3_MILITARY = "INTERPOL Constitution Art. 3, military limb: no request tied to an armed conflict"
ART_2 = "INTERPOL Constitution Art. 2: respect for the Universal Declaration of Human Rights"
RPD_34 = (
    "Rules on the Processing of Data Art. 34: compliance review under Art. 3 "
    "(Repository of Practice)"
)
RPD_83 = (
    "Rules on the Processing of Data Art. 82-83: a red notice needs a serious ordinary-law "
    "crime and facts of the case, not a bare label"
)
RPD_12 = "Rules on the Processing of Data Art. 12: data must be accurate and relevant"
REFUGEE_POLICY = (
    "INTERPOL refugee policy (2015): no notice where refugee status is confirmed and the "
    "request comes from the country feared"
)
GENEVA_IV_64 = (
    "Fourth Geneva Convention Art. 64: the penal laws of the occupied territory remain in force"
)
UNGA_73_263 = (
    "UN General Assembly resolution 73/263: Crimea is territory of Ukraine temporarily "
    "occupied by Russia"
)
RU_CC_11_12 = (
    "Russian Criminal Code Art. 11-12: Russia's own territorial principle; Crimea was not "
    "Russian territory before 18 March 2014"
)
RETROACTIVITY = (
    "Federal Law 91-FZ of 5 May 2014 reaches acts before 18 March 2014 retroactively, against "
    "the non-retroactivity of criminal law (UDHR Art. 11(2), ICCPR Art. 15)"
)
