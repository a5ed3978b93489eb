"""The query a person makes, the notice it is compared with, and the scored result."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from redwatch.errors import InputError
from redwatch.matching.dates import DateComparison, PartialDate, parse_date
from redwatch.names.parse import Role

__all__ = ["Alignment", "Candidate", "Decision", "Query", "Result"]

_SEXES = {"m": "M", "male": "M", "f": "F", "female": "F", "м": "M", "ж": "F"}


class Decision(StrEnum):
    MATCH = "match"
    """Confident it is the same person, given the evidence."""
    POSSIBLE = "possible"
    """A human should look."""


@dataclass(frozen=True)
class Query:
    """What a person typed: one or more spellings of their name and what else they know."""

    names: tuple[str, ...]
    dob: PartialDate | None = None
    nationality: str | None = None
    sex: str | None = None

    @classmethod
    def build(
        cls,
        names: str | Sequence[str],
        *,
        dob: str | None = None,
        nationality: str | None = None,
        sex: str | None = None,
    ) -> Query:
        """Validate raw user input; errors are ``InputError`` with a one-line message."""
        spelled = (names,) if isinstance(names, str) else tuple(names)
        spelled = tuple(n.strip() for n in spelled if n and n.strip())
        if not spelled:
            raise InputError("a name is required")
        parsed_sex: str | None = None
        if sex is not None and sex.strip():
            parsed_sex = _SEXES.get(sex.strip().lower())
            if parsed_sex is None:
                raise InputError(f"sex must be M or F, not {sex!r}")
        code: str | None = None
        if nationality is not None and nationality.strip():
            code = nationality.strip().upper()
            if not (code.isalpha() and 2 <= len(code) <= 3):
                raise InputError(
                    f"nationality must be a country code such as UA, not {nationality!r}"
                )
        parsed_dob = parse_date(dob) if dob is not None and dob.strip() else None
        return cls(spelled, parsed_dob, code, parsed_sex)


@dataclass(frozen=True)
class Candidate:
    """The parts of a red notice that matching reads."""

    entity_id: str
    name: str | None
    forename: str | None
    date_of_birth: str | None = None
    nationalities: tuple[str, ...] = ()
    sex_id: str | None = None

    @classmethod
    def from_notice(cls, notice: Mapping[str, Any]) -> Candidate:
        """From an INTERPOL notice record (list item or detail, as stored)."""
        return cls(
            entity_id=str(notice["entity_id"]),
            name=notice.get("name"),
            forename=notice.get("forename"),
            date_of_birth=notice.get("date_of_birth"),
            nationalities=tuple(notice.get("nationalities") or ()),
            sex_id=notice.get("sex_id"),
        )


@dataclass(frozen=True)
class Alignment:
    """One part of the query matched to one part of the notice, and why."""

    query: str
    notice: str
    role: Role
    similarity: float
    rule: str
    """``identical``, ``same key``, ``variant``, ``Belarusian form``, ``Azerbaijani form``,
    ``gender form``, ``vowels`` or ``fuzzy`` (see ``align.compare_tokens``)."""
    reason: str

    def describe(self) -> str:
        sign = "=" if self.rule == "identical" else "≈"
        return f"{self.query} {sign} {self.notice} ({self.role.value} name): {self.reason}"


@dataclass(frozen=True)
class Result:
    entity_id: str
    score: float
    decision: Decision | None
    query_name: str
    """The query spelling that scored best."""
    alignments: tuple[Alignment, ...]
    date: DateComparison
    notes: tuple[str, ...]
    """What sex, nationality and the decision rules said, in words."""

    @property
    def explanation(self) -> str:
        lines = [a.describe() for a in self.alignments]
        lines.append(self.date.note)
        lines.extend(self.notes)
        return "; ".join(lines)
