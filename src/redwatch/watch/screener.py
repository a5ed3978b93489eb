"""Screening the watchlist: after each sync (the store's new events), on every watchlist
change (that entry against the whole mirror) and on demand (everything against everything).

Matching reads the local mirror only. Alerts are deduplicated by their keyed hash, so running
any of these twice adds nothing; the event cursor only saves work.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import structlog
from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection

from redwatch.matching.index import CandidateIndex
from redwatch.matching.model import Result
from redwatch.risk import Rules, assess_notice
from redwatch.store.repository import Repository
from redwatch.store.schema import watch_state
from redwatch.watch.alerts import AlertBook, AlertDraft
from redwatch.watch.channel_book import ChannelBook
from redwatch.watch.entries import Entry
from redwatch.watch.outbox import enqueue
from redwatch.watch.watchlist import Watchlist

__all__ = ["ScreenReport", "Screener"]

log = structlog.get_logger(__name__)

_CURSOR = "events_cursor"
_IGNORED_CHANGES = {"status"}


@dataclass
class ScreenReport:
    entries: int = 0
    notices: int = 0
    """Notices screened (touched by events, or the whole mirror)."""
    alerts: Counter[str] = field(default_factory=Counter)
    """New alerts by kind."""

    def as_dict(self) -> dict[str, Any]:
        return {
            "entries": self.entries,
            "notices": self.notices,
            "new_alerts": sum(self.alerts.values()),
            "alerts_by_kind": dict(self.alerts),
        }


def _notice_facts(row: Mapping[Any, Any]) -> dict[str, Any]:
    return {
        "name": row.get("name"),
        "forename": row.get("forename"),
        "date_of_birth": row.get("date_of_birth"),
        "nationalities": list(row.get("nationalities") or []),
        "issuing_countries": list(row.get("issuing_countries") or []),
    }


def _risk(row: Mapping[Any, Any], rules: Rules | None) -> dict[str, Any]:
    """The notice's risk flags as the alert carries them (assessed now, by today's rules)."""
    result: dict[str, Any] = assess_notice(row, rules).as_dict()
    return result


class Screener:
    def __init__(
        self,
        repo: Repository,
        watchlist: Watchlist,
        book: AlertBook,
        channel_book: ChannelBook,
        risk_rules: Rules | None = None,
    ) -> None:
        self.risk_rules = risk_rules
        """The organisation's risk rules (its own issuer list), or the built-in ones."""
        self.repo = repo
        self.watchlist = watchlist
        self.book = book
        self.channel_book = channel_book

    # -- cursor ----------------------------------------------------------------------
    def _cursor(self, conn: Connection) -> int | None:
        value = conn.execute(
            select(watch_state.c.value).where(watch_state.c.name == _CURSOR)
        ).scalar()
        return None if value is None else int(value)

    def _advance(self, conn: Connection, value: int) -> None:
        current = self._cursor(conn)
        if current is None:
            conn.execute(insert(watch_state).values(name=_CURSOR, value=value))
        elif value > current:
            conn.execute(
                update(watch_state).where(watch_state.c.name == _CURSOR).values(value=value)
            )

    # -- recording -------------------------------------------------------------------
    def _record(
        self, conn: Connection, entry: Entry, draft: AlertDraft, channel_ids: Sequence[str]
    ) -> bool:
        alert_id = self.book.record(conn, draft)
        if alert_id is None:
            return False
        enqueue(conn, alert_id, entry.data.notify or channel_ids)
        log.info("alert", alert=alert_id, kind=draft.kind, entry=entry.id)
        return True

    def _match_draft(
        self, entry: Entry, result: Result, row: Mapping[Any, Any], event_id: int = 0
    ) -> AlertDraft:
        return AlertDraft(
            entry_id=entry.id,
            entity_id=result.entity_id,
            kind="match",
            event_id=event_id,
            entry_names=list(entry.data.names),
            notice=_notice_facts(row),
            score=result.score,
            decision=None if result.decision is None else result.decision.value,
            explanation=result.explanation,
            risk=_risk(row, self.risk_rules),
        )

    def _search(
        self,
        conn: Connection,
        entries: Iterable[Entry],
        index: CandidateIndex,
        report: ScreenReport,
        channel_ids: Sequence[str],
        rows: Mapping[str, Any] | None = None,
    ) -> None:
        """Record a ``match`` alert for every candidate; ``rows``: the notices already read."""
        for entry in entries:
            for result in index.search(entry.data.query(), limit=None):
                if rows is not None:
                    row = rows.get(result.entity_id)
                else:
                    row = self.repo.get(result.entity_id, conn)
                if row is None or row["status"] != "active":
                    continue
                if self._record(conn, entry, self._match_draft(entry, result, row), channel_ids):
                    report.alerts["match"] += 1

    # -- entry points ------------------------------------------------------------------
    def screen_entries(
        self, entries: Sequence[Entry], index: CandidateIndex | None = None
    ) -> ScreenReport:
        """These entries against the whole mirror (after an add, edit, import or on demand)."""
        report = ScreenReport(entries=len(entries))
        if not entries:
            return report
        index = index if index is not None else CandidateIndex.from_repository(self.repo)
        report.notices = len(index)
        channel_ids = [channel.id for channel in self.channel_book.all()]
        with self.repo.engine.begin() as conn:
            self._search(conn, entries, index, report, channel_ids)
            if self._cursor(conn) is None:
                # The first entry: events before this moment are covered by the full screen.
                self._advance(conn, index.cursor)
        return report

    def rescreen(self) -> ScreenReport:
        return self.screen_entries(self.watchlist.entries())

    def after_sync(self) -> ScreenReport:
        """Screen the notices the store's events since the last run touched."""
        entries = self.watchlist.entries()
        report = ScreenReport(entries=len(entries))
        with self.repo.engine.connect() as conn:
            cursor = self._cursor(conn)
        events = self.repo.events_since(cursor or 0)
        if not events:
            return report
        last = int(events[-1]["id"])
        if not entries:
            with self.repo.engine.begin() as conn:
                self._advance(conn, last)
            return report
        touched: dict[str, list[Any]] = {}
        for event in events:
            touched.setdefault(str(event["entity_id"]), []).append(event)
        rows = {entity_id: self.repo.get(entity_id) for entity_id in touched}
        active = {
            entity_id: row
            for entity_id, row in rows.items()
            if row is not None and row["status"] == "active"
        }
        report.notices = len(touched)
        channel_ids = [channel.id for channel in self.channel_book.all()]
        matched = self.book.matched()
        by_id = {entry.id: entry for entry in entries}
        with self.repo.engine.begin() as conn:
            index = CandidateIndex.from_notices(active.values())
            self._search(conn, entries, index, report, channel_ids, active)
            for (entry_id, entity_id), first in matched.items():
                entry = by_id.get(entry_id)
                if entry is None or entity_id not in touched:
                    continue
                row = rows[entity_id]
                facts = _notice_facts(row) if row is not None else first.draft.notice
                risk = _risk(row, self.risk_rules) if row is not None else first.draft.risk
                for event in touched[entity_id]:
                    kind = self._kind_for(event)
                    if kind is None:
                        continue
                    changes = [f for f in event["fields"] if f not in _IGNORED_CHANGES]
                    draft = AlertDraft(
                        entry_id=entry.id,
                        entity_id=entity_id,
                        kind=kind,
                        event_id=int(event["id"]),
                        entry_names=list(entry.data.names),
                        notice=facts,
                        score=first.draft.score,
                        decision=first.draft.decision,
                        explanation=first.draft.explanation,
                        changes=changes,
                        risk=risk,
                    )
                    if self._record(conn, entry, draft, channel_ids):
                        report.alerts[kind] += 1
            self._advance(conn, last)
        return report

    @staticmethod
    def _kind_for(event: Mapping[Any, Any]) -> str | None:
        if event["kind"] == "removed":
            return "removed"
        if event["kind"] == "changed":
            return "changed"
        if event["kind"] == "new" and "status" in (event["fields"] or []):
            return "match"  # back on the public list after a removal
        return None
