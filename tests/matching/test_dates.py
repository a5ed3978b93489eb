import pytest

from redwatch.errors import InputError
from redwatch.matching.dates import (
    DateVerdict,
    PartialDate,
    compare_dates,
    parse_date,
    parse_notice_date,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("17.05.1990", PartialDate(1990, 5, 17)),
        ("1990-05-17", PartialDate(1990, 5, 17)),
        ("17/05/1990", PartialDate(1990, 5, 17)),
        ("17-05-1990", PartialDate(1990, 5, 17)),
        ("1990/05/17", PartialDate(1990, 5, 17)),
        ("1990", PartialDate(1990)),
        ("05/1990", PartialDate(1990, 5)),
        ("5.1990", PartialDate(1990, 5)),
        ("1990/05", PartialDate(1990, 5)),
        ("1990-5", PartialDate(1990, 5)),
        ("7.5.1990", PartialDate(1990, 5, 7)),
        ("05/17/1990", PartialDate(1990, 5, 17)),  # US order when the middle number > 12
        ("19900517", PartialDate(1990, 5, 17)),
        ("17051990", PartialDate(1990, 5, 17)),
        ("17 May 1990", PartialDate(1990, 5, 17)),
        ("May 17, 1990", PartialDate(1990, 5, 17)),
        ("may 1990", PartialDate(1990, 5)),
        (" 17 . 05 . 1990 ", PartialDate(1990, 5, 17)),
    ],
)
def test_parse_date(text: str, expected: PartialDate) -> None:
    assert parse_date(text) == expected


def test_ambiguous_numeric_dates_are_read_day_first() -> None:
    assert parse_date("03/05/1990") == PartialDate(1990, 5, 3)


@pytest.mark.parametrize("text", ["31.02.1990", "1990-13-01", "00.05.1990", "1700"])
def test_impossible_dates_are_refused(text: str) -> None:
    with pytest.raises(InputError, match="not a real date"):
        parse_date(text)


@pytest.mark.parametrize("text", ["", "yesterday", "17.05.90", "1990-05-17T00:00"])
def test_unreadable_dates_are_refused_with_a_hint(text: str) -> None:
    with pytest.raises(InputError, match=r"17\.05\.1990"):
        parse_date(text)


def test_parse_notice_date() -> None:
    assert parse_notice_date("1997/02/04") == PartialDate(1997, 2, 4)
    assert parse_notice_date("1997/02") == PartialDate(1997, 2)
    assert parse_notice_date("1997") == PartialDate(1997)
    assert parse_notice_date(None) is None
    assert parse_notice_date("") is None
    assert parse_notice_date("unknown") is None


def test_partial_date_str_and_validation() -> None:
    assert str(PartialDate(1990, 5, 7)) == "1990-05-07"
    assert str(PartialDate(1990, 5)) == "1990-05"
    assert str(PartialDate(1990)) == "1990"
    assert PartialDate(1990, 5, 7).is_full
    with pytest.raises(ValueError, match="needs a month"):
        PartialDate(1990, None, 7)
    assert PartialDate(2000, 2, 29).day == 29  # a leap year
    with pytest.raises(ValueError, match="out of range"):
        PartialDate(1900, 2, 29)


D = PartialDate


@pytest.mark.parametrize(
    ("query", "notice", "verdict"),
    [
        (D(1990, 5, 17), D(1990, 5, 17), DateVerdict.EXACT),
        (D(1990), D(1990, 5, 17), DateVerdict.COMPATIBLE),
        (D(1990, 5), D(1990, 5, 17), DateVerdict.COMPATIBLE),
        (D(1990, 5, 17), D(1990), DateVerdict.COMPATIBLE),
        (D(1990, 5, 17), D(1990, 5), DateVerdict.COMPATIBLE),
        (D(1990), D(1990), DateVerdict.COMPATIBLE),
        (D(1990, 5, 17), D(1990, 1, 1), DateVerdict.COMPATIBLE),  # 01/01 placeholder
        (D(1990, 3, 5), D(1990, 5, 3), DateVerdict.NEAR),  # day and month swapped
        (D(1990, 5, 17), D(1990, 5, 18), DateVerdict.NEAR),  # off by one
        (D(1990, 5, 17), D(1990, 5, 27), DateVerdict.NEAR),  # one digit
        (D(1990, 5, 17), D(1990, 6, 17), DateVerdict.NEAR),
        (D(1990, 5, 17), D(1991, 5, 17), DateVerdict.NEAR),
        (D(1990, 5, 17), D(1980, 5, 17), DateVerdict.CONFLICT),  # another year, not a slip
        (D(1985, 5, 17), D(1958, 5, 17), DateVerdict.NEAR),  # neighbouring digits swapped
        (D(1990), D(1991), DateVerdict.NEAR),
        (D(1990, 5, 17), D(1990, 5, 3), DateVerdict.CONFLICT),
        (D(1990, 5, 17), D(1990, 11, 17), DateVerdict.CONFLICT),
        (D(1990, 5, 17), D(1990, 9, 3), DateVerdict.CONFLICT),
        (D(1990, 5, 17), D(1995, 5, 17), DateVerdict.CONFLICT),
        (D(1990, 5, 17), D(1991, 5, 18), DateVerdict.CONFLICT),  # two slips
        (D(1990), D(1975), DateVerdict.CONFLICT),
        (None, D(1990, 5, 17), DateVerdict.UNKNOWN),
        (D(1990, 5, 17), None, DateVerdict.UNKNOWN),
    ],
)
def test_compare_dates(query: D | None, notice: D | None, verdict: DateVerdict) -> None:
    result = compare_dates(query, notice)
    assert result.verdict is verdict
    assert result.note


def test_comparison_notes_are_readable() -> None:
    note = compare_dates(D(1990, 3, 5), D(1990, 5, 3)).note
    assert note == "date of birth 1990-03-05 vs notice 1990-05-03: day and month swapped"
    assert compare_dates(None, D(1990)).note == "no date of birth in the query"
