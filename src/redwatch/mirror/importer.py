"""``redwatch import``: load saved responses into the store through the same path as sync.

Accepted: list responses (``{"total", "_embedded": {"notices": [...]}}``), detail objects,
JSON arrays of either (or of list responses), and JSON Lines of any of these. Every file is
read and validated before anything is written; a bad record is quarantined with a warning.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from redwatch.errors import InputError
from redwatch.interpol.models import NoticeDetail, NoticeSummary, describe
from redwatch.mirror.records import incoming
from redwatch.store.repository import Repository

DETAIL_KEYS = frozenset({"arrest_warrants", "sex_id", "place_of_birth", "country_of_birth_id"})


@dataclass
class ImportSummary:
    files: int = 0
    records: int = 0
    notices: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    quarantined: int = 0
    sync_id: int = 0
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _documents(path: Path) -> Iterator[tuple[str, Any]]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read ({exc})") from None
    stripped = text.lstrip()
    if not stripped:
        raise InputError(f"{path}: the file is empty")
    try:
        yield str(path), json.loads(text)
        return
    except json.JSONDecodeError:
        if stripped[0] not in "{[":
            raise InputError(f"{path}: not JSON or JSON Lines") from None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield f"{path}:{number}", json.loads(line)
        except json.JSONDecodeError:
            raise InputError(f"{path}: line {number} is not valid JSON") from None


def _records(source: str, document: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(document, list):
        for index, item in enumerate(document):
            yield from _records(f"{source}[{index}]", item)
    elif isinstance(document, dict) and "_embedded" in document and "total" in document:
        notices = (document.get("_embedded") or {}).get("notices") or []
        for index, item in enumerate(notices):
            yield f"{source}[{index}]", item
    else:
        yield source, document


def import_paths(repo: Repository, paths: list[Path]) -> ImportSummary:
    summary = ImportSummary()
    records = [
        record
        for path in paths
        for source, document in _documents(path)
        for record in _records(source, document)
    ]
    summary.files = len(paths)
    summary.records = len(records)
    sync_id, _ = repo.start_run("import")
    summary.sync_id = sync_id
    # When one file holds both a list item and the detail of a notice, the detail wins.
    best: dict[str, tuple[NoticeSummary, dict[str, Any], NoticeDetail | None]] = {}
    for source, record in records:
        if not isinstance(record, dict):
            _reject(repo, summary, source, "not a JSON object", record, sync_id)
            continue
        try:
            if DETAIL_KEYS & record.keys():
                detail = NoticeDetail.model_validate(record)
                best[detail.entity_id] = (detail, record, detail)
            else:
                item = NoticeSummary.model_validate(record)
                if item.entity_id not in best or best[item.entity_id][2] is None:
                    best[item.entity_id] = (item, record, None)
        except ValidationError as exc:
            _reject(repo, summary, source, describe(exc), record, sync_id)
    for item, raw, found in best.values():
        kind = repo.apply(
            incoming(item, None if found else raw, found, raw if found else None),
            sync_id=sync_id,
        )
        summary.notices += 1
        if kind == "new":
            summary.new += 1
        elif kind == "changed":
            summary.changed += 1
        else:
            summary.unchanged += 1
    status = "complete" if not summary.quarantined else "partial"
    record = summary.as_dict()
    record.pop("warnings")
    repo.finish_run(sync_id, status, record, f"imported {summary.notices} notices")
    return summary


def _reject(
    repo: Repository, summary: ImportSummary, source: str, reason: str, record: Any, sync_id: int
) -> None:
    summary.quarantined += 1
    summary.warnings.append(f"{source}: {reason}")
    repo.quarantine(source, reason, json.dumps(record).encode(), sync_id)
