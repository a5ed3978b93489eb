"""Dates of birth: parse what people type, compare with the notice's full or partial date.

A date of birth is the strongest evidence beyond the name, and the only one that separates two
namesakes. Rules (each tested in tests/matching/test_dates.py):

- EXACT: both dates full and equal — strong support.
- COMPATIBLE: every part known on both sides agrees (1990 vs 1990/05/17) — weak support.
  A notice date of 1 January against another day of the same year is also COMPATIBLE: many
  registries write 01/01 when only the year is known.
- NEAR: one typing slip — day and month swapped (03.05 vs 05.03); a day or month off by one
  or by a single digit (17 vs 18 or 27); a year off by one or with neighbouring digits
  swapped (1990 vs 1991, 1985 vs 1958). A slip is common in forms and in the
  issuing police's data, so it may not rule the person out, but it may not confirm them
  either: the scorer allows at most ``possible``.
- CONFLICT: anything else (a different year, or a different day and month) — rules out
  ``match``; only an otherwise exact name is still shown, as ``possible``.
- UNKNOWN: a date is missing on either side.

Numeric day-month order is European (17/05/1990) as our users write it; a middle number above
12 (05/17/1990) is read as the US month/day order.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from enum import StrEnum

from redwatch.errors import InputError

__all__ = [
    "DateComparison",
    "DateVerdict",
    "PartialDate",
    "compare_dates",
    "parse_date",
    "parse_notice_date",
]

_MIN_YEAR, _MAX_YEAR = 1850, 2100


@dataclass(frozen=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not _MIN_YEAR <= self.year <= _MAX_YEAR:
            raise ValueError(f"year {self.year} is out of range")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} is out of range")
        if self.day is not None:
            if self.month is None:
                raise ValueError("a day needs a month")
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise ValueError(f"day {self.day} is out of range for {self.year}-{self.month:02}")

    @property
    def is_full(self) -> bool:
        return self.day is not None

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04}"
        if self.day is None:
            return f"{self.year:04}-{self.month:02}"
        return f"{self.year:04}-{self.month:02}-{self.day:02}"


_SEP = r"\s*[-/.]\s*"
_MONTHS = {
    name: i
    for i in range(1, 13)
    for name in (calendar.month_name[i].lower(), calendar.month_abbr[i].lower())
}
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(\d{4})"), "y"),
    (re.compile(rf"(\d{{4}}){_SEP}(\d{{1,2}})"), "ym"),
    (re.compile(rf"(\d{{1,2}}){_SEP}(\d{{4}})"), "my"),
    (re.compile(rf"(\d{{4}}){_SEP}(\d{{1,2}}){_SEP}(\d{{1,2}})"), "ymd"),
    (re.compile(rf"(\d{{1,2}}){_SEP}(\d{{1,2}}){_SEP}(\d{{4}})"), "dmy"),
    (re.compile(r"((?:19|20)\d{2})(\d{2})(\d{2})"), "ymd"),
    (re.compile(r"(\d{2})(\d{2})((?:19|20)\d{2})"), "dmy"),
    (re.compile(rf"(\d{{1,2}})\s+({_MONTH_NAMES})\.?,?\s+(\d{{4}})"), "dMy"),
    (re.compile(rf"({_MONTH_NAMES})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})"), "Mdy"),
    (re.compile(rf"({_MONTH_NAMES})\.?,?\s+(\d{{4}})"), "My"),
)


def _build(order: str, groups: tuple[str, ...]) -> PartialDate:
    parts: dict[str, int] = {}
    for kind, value in zip(order, groups, strict=True):
        parts[kind] = _MONTHS[value] if kind == "M" else int(value)
    year = parts["y"]
    month = parts.get("m", parts.get("M"))
    day = parts.get("d")
    if order == "dmy" and day is not None and month is not None and month > 12 >= day:
        day, month = month, day  # 05/17/1990: US order
    return PartialDate(year, month, day)


def parse_date(text: str) -> PartialDate:
    """Parse a date of birth as people write it; raise ``InputError`` with a clear message."""
    cleaned = " ".join(text.strip().lower().split())
    for pattern, order in _PATTERNS:
        match = pattern.fullmatch(cleaned)
        if match is None:
            continue
        try:
            return _build(order, match.groups())
        except ValueError as exc:
            raise InputError(f"date of birth {text!r} is not a real date: {exc}") from None
    raise InputError(
        f"cannot read the date of birth {text!r}; write it as 17.05.1990, 1990-05-17, "
        "05/1990 or 1990"
    )


def parse_notice_date(value: str | None) -> PartialDate | None:
    """A notice's ``YYYY/MM/DD``, ``YYYY/MM`` or ``YYYY``; ``None`` when missing or unreadable."""
    if not value:
        return None
    try:
        return parse_date(value)
    except InputError:
        return None


class DateVerdict(StrEnum):
    EXACT = "exact"
    COMPATIBLE = "compatible"
    NEAR = "near"
    CONFLICT = "conflict"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class DateComparison:
    verdict: DateVerdict
    note: str


def _one_slip(a: int, b: int, width: int, *, digit: bool = True) -> bool:
    """Off by one, two neighbouring digits swapped, or (``digit``) one digit different."""
    if abs(a - b) == 1:
        return True
    sa, sb = f"{a:0{width}}", f"{b:0{width}}"
    diffs = [i for i in range(width) if sa[i] != sb[i]]
    if digit and len(diffs) == 1:
        return True
    return (
        len(diffs) == 2
        and diffs[1] == diffs[0] + 1
        and sa[diffs[0]] == sb[diffs[1]]
        and sa[diffs[1]] == sb[diffs[0]]
    )


def _agree(a: int | None, b: int | None) -> bool:
    return a is None or b is None or a == b


def compare_dates(query: PartialDate | None, notice: PartialDate | None) -> DateComparison:
    """Compare the date given by the user with the notice's; see the module docstring."""
    if query is None or notice is None:
        missing = "the query" if query is None else "the notice"
        return DateComparison(DateVerdict.UNKNOWN, f"no date of birth in {missing}")
    said = f"date of birth {query} vs notice {notice}"
    if query == notice and query.is_full:
        return DateComparison(DateVerdict.EXACT, f"{said}: same date")
    month_ok, day_ok = _agree(query.month, notice.month), _agree(query.day, notice.day)
    if query.year == notice.year:
        if month_ok and day_ok:
            return DateComparison(DateVerdict.COMPATIBLE, f"{said}: agree as far as both go")
        if notice.month == 1 and notice.day == 1:
            return DateComparison(
                DateVerdict.COMPATIBLE,
                f"{said}: same year; 1 January is often written when only the year is known",
            )
        if (
            query.day is not None
            and notice.day is not None
            and (query.day, query.month) == (notice.month, notice.day)
        ):
            return DateComparison(DateVerdict.NEAR, f"{said}: day and month swapped")
        if (
            not month_ok
            and day_ok
            and query.month is not None
            and notice.month is not None
            and _one_slip(query.month, notice.month, 2)
        ):
            return DateComparison(DateVerdict.NEAR, f"{said}: month differs by one slip")
        if (
            month_ok
            and not day_ok
            and query.day is not None
            and notice.day is not None
            and _one_slip(query.day, notice.day, 2)
        ):
            return DateComparison(DateVerdict.NEAR, f"{said}: day differs by one slip")
        return DateComparison(DateVerdict.CONFLICT, f"{said}: different day or month")
    # For years only ±1 and swapped digits: any other one-digit change (1990/1995) is
    # simply another year of the same decade.
    if month_ok and day_ok and _one_slip(query.year, notice.year, 4, digit=False):
        return DateComparison(DateVerdict.NEAR, f"{said}: year differs by one slip")
    return DateComparison(DateVerdict.CONFLICT, f"{said}: different year")
