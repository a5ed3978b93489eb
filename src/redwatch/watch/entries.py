"""A watched person: names in any script, what else is known, and who is to be told.

Validated at the edge (CLI options, CSV/JSON imports) with the same rules matching uses, so a
date of birth or sex that ``check`` would refuse is refused here too. Error messages cite the
field and the line, never the name.
"""

from __future__ import annotations

import base64
import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from redwatch.errors import InputError
from redwatch.matching.model import Query
from redwatch.textfiles import read_user_text
from redwatch.watch.crypto import Cipher

__all__ = ["FIELDS", "Entry", "EntryData", "parse_entries_file", "validated"]

FIELDS = ("id", "name", "dob", "nationality", "sex", "note", "tag", "notify")
"""Columns of an import CSV; ``name``, ``tag`` and ``notify`` hold several values split by ``;``."""
_MAX_NAMES = 20
_MAX_TEXT = 2000


@dataclass(frozen=True)
class EntryData:
    """What is sealed for one entry (everything but its id and times)."""

    names: tuple[str, ...]
    dob: str | None = None
    nationality: str | None = None
    sex: str | None = None
    notes: str | None = None
    tags: tuple[str, ...] = ()
    notify: tuple[str, ...] = ()
    """Channel ids to alert; empty means every channel."""

    def query(self) -> Query:
        return Query.build(
            list(self.names), dob=self.dob, nationality=self.nationality, sex=self.sex
        )

    def as_json(self) -> dict[str, Any]:
        value = asdict(self)
        return {k: list(v) if isinstance(v, tuple) else v for k, v in value.items()}

    @classmethod
    def from_json(cls, value: Mapping[str, Any]) -> EntryData:
        return cls(
            names=tuple(value.get("names") or ()),
            dob=value.get("dob"),
            nationality=value.get("nationality"),
            sex=value.get("sex"),
            notes=value.get("notes"),
            tags=tuple(value.get("tags") or ()),
            notify=tuple(value.get("notify") or ()),
        )


@dataclass(frozen=True)
class Entry:
    id: str
    data: EntryData
    created_at: str = ""
    updated_at: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            **self.data.as_json(),
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        }


def _clean_list(values: Iterable[str] | None) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for value in values or ():
        for piece in str(value).split(";"):
            cleaned = " ".join(piece.split())
            if cleaned:
                seen.setdefault(cleaned, None)
    return tuple(seen)


def validated(
    names: Sequence[str] | str | None,
    *,
    dob: str | None = None,
    nationality: str | None = None,
    sex: str | None = None,
    notes: str | None = None,
    tags: Sequence[str] | str | None = None,
    notify: Sequence[str] | str | None = None,
) -> EntryData:
    """Check and normalise raw values; ``InputError`` names the bad field (never its value
    when that value is a name)."""
    name_list = _clean_list([names] if isinstance(names, str) else names)
    if not name_list:
        raise InputError("an entry needs at least one name")
    if len(name_list) > _MAX_NAMES:
        raise InputError(f"an entry has at most {_MAX_NAMES} names")
    if any(len(n) > 200 for n in name_list):
        raise InputError("a name is longer than 200 characters")
    dob = (dob or "").strip() or None
    nationality = (nationality or "").strip().upper() or None
    sex = (sex or "").strip() or None
    query = Query.build(list(name_list), dob=dob, nationality=nationality, sex=sex)
    notes = (notes or "").strip() or None
    if notes is not None and len(notes) > _MAX_TEXT:
        raise InputError(f"a note is longer than {_MAX_TEXT} characters")
    return EntryData(
        names=name_list,
        dob=dob,
        nationality=query.nationality,
        sex=query.sex,
        notes=notes,
        tags=_clean_list([tags] if isinstance(tags, str) else tags),
        notify=_clean_list([notify] if isinstance(notify, str) else notify),
    )


def edited(data: EntryData, changes: Mapping[str, Any]) -> EntryData:
    """``data`` with the given fields replaced (``None`` leaves a field, ``""`` clears it)."""
    merged = replace(data, **{k: v for k, v in changes.items() if v is not None})
    return validated(
        list(merged.names),
        dob=merged.dob,
        nationality=merged.nationality,
        sex=merged.sex,
        notes=merged.notes,
        tags=list(merged.tags),
        notify=list(merged.notify),
    )


def _from_mapping(row: Mapping[str, Any], where: str) -> tuple[str | None, EntryData]:
    def text(key: str, *aliases: str) -> Any:
        for name in (key, *aliases):
            if name in row and row[name] not in (None, ""):
                return row[name]
        return None

    unknown = set(row) - set(FIELDS) - {"names", "notes", "tags", "created_at", "updated_at"}
    if unknown:
        raise InputError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    try:
        data = validated(
            text("names", "name"),
            dob=text("dob"),
            nationality=text("nationality"),
            sex=text("sex"),
            notes=text("notes", "note"),
            tags=text("tags", "tag"),
            notify=text("notify"),
        )
    except InputError as exc:
        raise InputError(f"{where}: {exc}") from None
    entry_id = text("id")
    return (None if entry_id is None else str(entry_id)), data


def _rows_from_csv(text: str) -> list[tuple[str | None, EntryData]]:
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames is None or "name" not in [f.strip() for f in reader.fieldnames]:
        raise InputError("line 1: the CSV header needs a 'name' column")
    reader.fieldnames = [f.strip() for f in reader.fieldnames]
    found = []
    for row in reader:
        if None in row:
            raise InputError(f"line {reader.line_num}: more values than header columns")
        if not any((value or "").strip() for value in row.values()):
            continue
        found.append(_from_mapping(row, f"line {reader.line_num}"))
    return found


EXPORT_FORMAT = "redwatch-watchlist"


def _rows_from_json(text: str, cipher: Cipher | None) -> list[tuple[str | None, EntryData]]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"line {exc.lineno}: not valid JSON ({exc.msg})") from None
    if isinstance(document, dict) and document.get("encrypted"):
        if cipher is None:
            raise InputError("this export is encrypted: import it where its key is set")
        sealed = base64.b64decode(str(document.get("ciphertext", "")))
        document = cipher.open(sealed, EXPORT_FORMAT)
    items = document.get("entries") if isinstance(document, dict) else document
    if not isinstance(items, list):
        raise InputError('a JSON watchlist is a list of entries or {"entries": [...]}')
    found = []
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise InputError(f"entry {number}: not a JSON object")
        found.append(_from_mapping(item, f"entry {number}"))
    return found


def parse_entries_file(
    path: Path, cipher: Cipher | None = None
) -> list[tuple[str | None, EntryData]]:
    """Every entry of a CSV or JSON file, all validated before any is used."""
    text = read_user_text(path, "CSV or JSON")
    stripped = text.lstrip()
    if stripped.startswith(("[", "{")):
        return _rows_from_json(text, cipher)
    return _rows_from_csv(text)
