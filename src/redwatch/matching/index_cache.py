"""The candidate index kept on disk between commands, so start-up does not rebuild it.

Building the index computes the phonetic keys of every word of every notice (seconds for
the whole public list); loading it back takes a fraction of that. The file is keyed by the
database it reflects and by a fingerprint of the matching and names code (a change to a
romanisation table changes the keys, so an old file is then ignored). A loaded index is
brought up to date with the store's events (``apply_events``), and checked against the
store: the event it was last brought to must still be there, unchanged, and the number of
active notices must agree; otherwise it is rebuilt.

With the index go the analyses of the notices' words (``names.phonetic.analyses_of``), the
slowest part of both building and scoring: restored into the analysis cache at load, they
spare every command (and each forked screening worker) re-analysing the words of the notices
it scores. Only notices are in the file (public data, as in the store): the analyses are
made afresh from the notices' names, never taken from the cache, so a query name is never
written anywhere. The file is written whole or not at all (a temporary file, then a
rename), readable by its owner only. It is a pickle, so it is trusted as the SQLite store
beside it is: whoever can write the data folder can already change what redwatch reads.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import structlog
from sqlalchemy import func, select

from redwatch.matching.align import _units, pieces_of  # the scorer's own units of a name
from redwatch.matching.index import CandidateIndex, _collector_paused, apply_events
from redwatch.names.parse import parse_notice_name
from redwatch.names.phonetic import TokenKey, analyses_of, remember_analyses

if TYPE_CHECKING:
    from redwatch.store.repository import Repository

__all__ = ["IndexLoad", "code_fingerprint", "load_index"]

log = structlog.get_logger(__name__)

_FORMAT = 3
_REBUILD_SHARE = 0.25
"""Rebuild rather than catch up when more events than this share of the notices are new."""


@dataclass(frozen=True)
class IndexLoad:
    """The index and how it was obtained: ``built``, ``loaded`` or ``updated`` (loaded, then
    brought up to date with newer events)."""

    index: CandidateIndex
    how: str


@cache
def code_fingerprint() -> str:
    """Digest of the code that decides what the index holds (matching and names)."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(f"{_FORMAT} {sys.version_info[:2]}".encode())
    for folder in ("matching", "names"):
        for path in sorted((package / folder).rglob("*")):
            if path.is_file() and path.suffix in (".py", ".json", ".txt"):
                digest.update(path.relative_to(package).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_path(folder: Path, db_url: str) -> Path:
    """Where the index of the database at ``db_url`` is kept."""
    name = hashlib.sha256(db_url.encode()).hexdigest()[:16]
    return folder / f"index-{name}.pickle"


def _event_mark(repo: Repository, event_id: int) -> tuple[Any, ...] | None:
    """What identifies one event, to tell a store from another with as many events."""
    from redwatch.store.schema import events

    if event_id == 0:
        return ()
    with repo.engine.connect() as conn:
        row = conn.execute(
            select(events.c.entity_id, events.c.kind, events.c.at).where(events.c.id == event_id)
        ).first()
    return None if row is None else (row[0], row[1], str(row[2]))


def _active_count(repo: Repository) -> int:
    from redwatch.store.schema import notices

    with repo.engine.connect() as conn:
        value = conn.execute(
            select(func.count()).select_from(notices).where(notices.c.status == "active")
        ).scalar()
    return int(value or 0)


def _read(path: Path, db_url: str) -> tuple[CandidateIndex, tuple[Any, ...]] | None:
    try:
        with path.open("rb") as stream, _collector_paused():  # a fifth of the load, no cycles
            stored = pickle.load(stream)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except Exception as exc:  # a damaged or foreign file is only a missed shortcut
        log.warning("index_cache_unreadable", error=type(exc).__name__)
        return None
    if (
        not isinstance(stored, dict)
        or stored.get("fingerprint") != code_fingerprint()
        or stored.get("db_url") != db_url
        or not isinstance(stored.get("index"), CandidateIndex)
    ):
        return None
    analyses = stored.get("analyses")
    if isinstance(analyses, dict):
        remember_analyses(analyses)
    return stored["index"], tuple(stored.get("mark") or ())


def notice_words(index: CandidateIndex, most: int | None = None) -> set[str]:
    """The texts the scorer analyses on the notice side: the words, hyphen pieces and the
    two or three neighbouring words of one role that ``align`` compares as one; with
    ``most``, only that many of them, those of the most notices first."""
    found: Counter[str] = Counter()
    for candidate in index.notices():
        pieces = pieces_of(parse_notice_name(candidate.name, candidate.forename), notice=True)
        found.update({unit.text for unit in _units(pieces, notice=True)})
    if most is None or len(found) <= most:
        return set(found)
    return {text for text, _ in found.most_common(most)}


_KEPT_ANALYSES = 131072
"""At most this many analyses are kept: the analysis cache holds 262,144 (half left for the
query words), and a list of a million notices has millions of words and joined words, whose
analyses would take gigabytes."""


def _analyses(index: CandidateIndex) -> dict[str, TokenKey]:
    return analyses_of(sorted(notice_words(index, _KEPT_ANALYSES)))


def _write(path: Path, db_url: str, index: CandidateIndex, mark: tuple[Any, ...]) -> None:
    stored = {
        "fingerprint": code_fingerprint(),
        "db_url": db_url,
        "mark": mark,
        "index": index,
        "analyses": _analyses(index),
    }
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as stream:
            pickle.dump(stored, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError as exc:  # a read-only home still screens, only slower next time
        log.warning("index_cache_not_written", error=exc.strerror)
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()


def load_index(repo: Repository, folder: Path, db_url: str) -> IndexLoad:
    """The index of the store's active notices, from ``folder`` when it holds a usable one.

    The file is (re)written whenever the index had to be built or brought up to date.
    """
    path = cache_path(folder, db_url)
    found = _read(path, db_url)
    if found is not None:
        index, mark = found
        last = repo.last_event_id()
        if index.cursor <= last and _event_mark(repo, index.cursor) == mark:
            how = "loaded"
            if last > index.cursor:
                if last - index.cursor > max(64, _REBUILD_SHARE * len(index)):
                    found = None
                else:
                    apply_events(index, repo)
                    how = "updated"
            if found is not None and len(index) == _active_count(repo):
                if how == "updated":
                    _write(path, db_url, index, _event_mark(repo, index.cursor) or ())
                return IndexLoad(index, how)
    index = CandidateIndex.from_repository(repo)
    _write(path, db_url, index, _event_mark(repo, index.cursor) or ())
    return IndexLoad(index, "built")
