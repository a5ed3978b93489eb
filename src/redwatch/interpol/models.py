"""Validated models of the service's responses, tolerant of every quirk seen in real data.

Each model keeps unknown keys (``extra="allow"``) so that a drifting response loses nothing,
and the sync stores the raw JSON beside the parsed fields.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

ENTITY_ID = re.compile(r"^(\d{4})/(\d+)$")
_DOB = re.compile(r"^(\d{4})(?:/(\d{2}))?(?:/(\d{2}))?$")


def entity_id_to_path(entity_id: str) -> str:
    """``2020/34084`` → ``2020-34084``, as the service wants it in URLs."""
    return entity_id.replace("/", "-")


def entity_year(entity_id: str) -> int:
    match = ENTITY_ID.match(entity_id)
    if not match:
        raise ValueError(f"not an entity id: {entity_id!r}")
    return int(match.group(1))


def entity_sort_key(entity_id: str) -> tuple[int, int]:
    match = ENTITY_ID.match(entity_id)
    if not match:
        return (0, 0)
    return (int(match.group(1)), int(match.group(2)))


def describe(error: ValidationError) -> str:
    """One line naming each bad field, for warnings and the quarantine."""
    return "; ".join(
        f"{'.'.join(str(part) for part in e['loc']) or 'record'}: {e['msg']}"
        for e in error.errors()
    )


def _blank_to_none(value: Any) -> Any:
    if isinstance(value, str) and value.strip() in {"", "-"}:
        return None
    return value


class Link(BaseModel):
    model_config = ConfigDict(extra="allow")
    href: str


class _Model(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)


class ListLinks(_Model):
    self_: Link | None = Field(default=None, alias="self")
    images: Link | None = None
    thumbnail: Link | None = None


class NoticeSummary(_Model):
    """One item of a list response."""

    entity_id: str
    name: str | None = None
    forename: str | None = None
    date_of_birth: str | None = None
    nationalities: list[str] | None = None
    links: ListLinks = Field(default_factory=ListLinks, alias="_links")

    @field_validator("entity_id")
    @classmethod
    def _entity_id(cls, value: str) -> str:
        value = value.strip()
        if not ENTITY_ID.match(value):
            raise ValueError(f"entity_id must look like YYYY/N, got {value!r}")
        return value

    @field_validator("name", "forename", "date_of_birth", mode="before")
    @classmethod
    def _placeholders(cls, value: Any) -> Any:
        # Real data writes a missing forename as "-" or null, and scraped copies as "None".
        value = _blank_to_none(value)
        return None if value == "None" else value

    @field_validator("date_of_birth")
    @classmethod
    def _dob(cls, value: str | None) -> str | None:
        if value is not None and not _DOB.match(value.strip()):
            raise ValueError(f"date_of_birth must be YYYY, YYYY/MM or YYYY/MM/DD, got {value!r}")
        return value.strip() if value else None

    @field_validator("nationalities", mode="before")
    @classmethod
    def _nationalities(cls, value: Any) -> Any:
        if isinstance(value, str):  # scraped copies flatten the list to its first code
            return [value] if value.strip() and value != "None" else None
        return value

    @property
    def thumbnail_picture_id(self) -> str | None:
        if self.links.thumbnail is None:
            return None
        return self.links.thumbnail.href.rstrip("/").rsplit("/", 1)[-1]


class ArrestWarrant(_Model):
    charge: str | None = None
    issuing_country_id: str | None = None
    charge_translation: str | None = None


class LinkedNotice(_Model):
    color: str | None = None


class DetailEmbedded(_Model):
    links: list[LinkedNotice] = Field(default_factory=list)


def _zero_is_unknown(value: Any) -> Any:
    # The service writes 0 for an unknown height or weight.
    if value in (0, 0.0, "0", ""):
        return None
    return value


class NoticeDetail(NoticeSummary):
    """A detail response: the list fields plus warrants and descriptive fields."""

    arrest_warrants: list[ArrestWarrant] = Field(default_factory=list)
    sex_id: str | None = None
    place_of_birth: str | None = None
    country_of_birth_id: str | None = None
    languages_spoken_ids: list[str] | None = None
    height: float | None = None
    weight: float | None = None
    eyes_colors_id: list[str] | None = None
    hairs_id: list[str] | None = None
    distinguishing_marks: str | None = None
    embedded: DetailEmbedded = Field(default_factory=DetailEmbedded, alias="_embedded")

    @field_validator("arrest_warrants", mode="before")
    @classmethod
    def _warrants(cls, value: Any) -> Any:
        return [] if value is None else value

    @field_validator("embedded", mode="before")
    @classmethod
    def _embedded(cls, value: Any) -> Any:
        return {} if value is None else value

    @field_validator("height", "weight", mode="before")
    @classmethod
    def _unknown_measure(cls, value: Any) -> Any:
        return _zero_is_unknown(value)

    @field_validator("sex_id", "place_of_birth", "country_of_birth_id", mode="before")
    @classmethod
    def _blank(cls, value: Any) -> Any:
        return _blank_to_none(value)

    @property
    def issuing_countries(self) -> list[str]:
        return sorted({w.issuing_country_id for w in self.arrest_warrants if w.issuing_country_id})


class ListQuery(_Model):
    page: int | None = None
    resultPerPage: int | None = None


class ListEmbedded(_Model):
    notices: list[dict[str, Any]] = Field(default_factory=list)


class ListPageLinks(_Model):
    self_: Link | None = Field(default=None, alias="self")
    first: Link | None = None
    last: Link | None = None
    next: Link | None = None


class ListResponse(_Model):
    """A page of the list endpoint. Items stay raw: each is validated on its own."""

    total: int
    query: dict[str, Any] = Field(default_factory=dict)
    embedded: ListEmbedded = Field(default_factory=ListEmbedded, alias="_embedded")
    links: ListPageLinks = Field(default_factory=ListPageLinks, alias="_links")


class ImageEntry(_Model):
    picture_id: str
    links: dict[str, Link] = Field(default_factory=dict, alias="_links")

    @field_validator("picture_id", mode="before")
    @classmethod
    def _as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) else value


class ImagesEmbedded(_Model):
    images: list[ImageEntry] = Field(default_factory=list)


class ImagesResponse(_Model):
    embedded: ImagesEmbedded = Field(default_factory=ImagesEmbedded, alias="_embedded")
    links: dict[str, Link] = Field(default_factory=dict, alias="_links")
