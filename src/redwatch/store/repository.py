"""Reads and writes of the mirror. Every change to a notice writes its version and its event
in the same transaction, so a sync killed at any point leaves a consistent store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, and_, func, insert, select, update
from sqlalchemy.engine import Connection, RowMapping

from redwatch.store.schema import (
    events,
    images,
    notice_versions,
    notices,
    quarantine,
    sync_queries,
    sync_runs,
)

ACTIVE = "active"
REMOVED = "removed"
LIST_COLUMNS = ("name", "forename", "date_of_birth", "nationalities")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    # SQLite hands back naive datetimes; everything we write is UTC.
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value


def iso_utc(value: dt.datetime) -> str:
    """A stored time as ISO 8601 in UTC, to the second."""
    aware = _aware(value)
    assert aware is not None
    return aware.isoformat(timespec="seconds")


@dataclass(frozen=True)
class Incoming:
    """One notice as a source saw it: list fields always, detail fields when fetched."""

    entity_id: str
    list_fields: dict[str, Any]
    raw_summary: dict[str, Any] | None
    detail_fields: dict[str, Any] | None = None
    raw_detail: dict[str, Any] | None = None


def diff(old: dict[str, Any] | None, new: dict[str, Any]) -> dict[str, list[Any]]:
    old = old or {}
    return {
        key: [old.get(key), new.get(key)]
        for key in sorted(set(old) | set(new))
        if old.get(key) != new.get(key)
    }


class Repository:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # -- notices ---------------------------------------------------------------------
    def get(self, entity_id: str, conn: Connection | None = None) -> RowMapping | None:
        query = select(notices).where(notices.c.entity_id == entity_id)
        if conn is not None:
            return conn.execute(query).mappings().first()
        with self.engine.connect() as own:
            return own.execute(query).mappings().first()

    def states(self) -> dict[str, tuple[str, dict[str, Any], dt.datetime | None]]:
        """entity_id → (status, list fields, detail fetched at), for sync planning."""
        query = select(
            notices.c.entity_id,
            notices.c.status,
            notices.c.list_fields,
            notices.c.detail_fetched_at,
        )
        with self.engine.connect() as conn:
            return {
                row.entity_id: (row.status, row.list_fields, _aware(row.detail_fetched_at))
                for row in conn.execute(query)
            }

    def apply(
        self, incoming: Incoming, *, sync_id: int | None, now: dt.datetime | None = None
    ) -> str | None:
        """Store what a source saw; return the event kind it caused (None when nothing changed)."""
        now = now or utcnow()
        with self.engine.begin() as conn:
            return self._apply(conn, incoming, sync_id, now)

    def _apply(
        self, conn: Connection, incoming: Incoming, sync_id: int | None, now: dt.datetime
    ) -> str | None:
        row = self.get(incoming.entity_id, conn)
        columns = self._columns(incoming)
        if incoming.detail_fields is not None:
            columns["detail_fetched_at"] = now
        if row is None:
            conn.execute(
                insert(notices).values(
                    entity_id=incoming.entity_id,
                    status=ACTIVE,
                    version=1,
                    first_seen=now,
                    last_seen=now,
                    **columns,
                )
            )
            changes = diff(None, {**incoming.list_fields, **(incoming.detail_fields or {})})
            self._record(conn, incoming.entity_id, 1, "new", changes, sync_id, now)
            return "new"
        changes = diff(row["list_fields"], incoming.list_fields)
        if incoming.detail_fields is not None and row["detail_fields"] is not None:
            changes |= diff(row["detail_fields"], incoming.detail_fields)
        elif incoming.detail_fields is not None:
            columns["detail_fields"] = incoming.detail_fields
        reappeared = row["status"] == REMOVED
        kind = "new" if reappeared else ("changed" if changes else None)
        values: dict[str, Any] = {**columns, "last_seen": now}
        if kind is not None:
            values |= {"version": row["version"] + 1, "status": ACTIVE, "removed_at": None}
            if reappeared:
                changes["status"] = [REMOVED, ACTIVE]
        conn.execute(
            update(notices).where(notices.c.entity_id == incoming.entity_id).values(**values)
        )
        if kind is not None:
            self._record(conn, incoming.entity_id, row["version"] + 1, kind, changes, sync_id, now)
        return kind

    @staticmethod
    def _columns(incoming: Incoming) -> dict[str, Any]:
        columns: dict[str, Any] = {key: incoming.list_fields.get(key) for key in LIST_COLUMNS}
        columns["list_fields"] = incoming.list_fields
        if incoming.raw_summary is not None:
            columns["raw_summary"] = incoming.raw_summary
        if incoming.detail_fields is not None:
            columns["detail_fields"] = incoming.detail_fields
            columns["raw_detail"] = incoming.raw_detail
            columns["sex_id"] = incoming.detail_fields.get("sex_id")
            columns["issuing_countries"] = sorted(
                {
                    w.get("issuing_country_id")
                    for w in incoming.detail_fields.get("arrest_warrants") or []
                    if w.get("issuing_country_id")
                }
            )
        return columns

    @staticmethod
    def _record(
        conn: Connection,
        entity_id: str,
        version: int,
        kind: str,
        changes: dict[str, list[Any]],
        sync_id: int | None,
        now: dt.datetime,
    ) -> None:
        conn.execute(
            insert(notice_versions).values(
                entity_id=entity_id,
                version=version,
                recorded_at=now,
                kind=kind,
                changes=changes,
                sync_id=sync_id,
            )
        )
        conn.execute(
            insert(events).values(
                entity_id=entity_id, kind=kind, fields=sorted(changes), at=now, sync_id=sync_id
            )
        )

    def mark_removed(
        self, entity_ids: Iterable[str], *, sync_id: int | None, now: dt.datetime | None = None
    ) -> int:
        now = now or utcnow()
        count = 0
        for entity_id in entity_ids:
            with self.engine.begin() as conn:
                row = self.get(entity_id, conn)
                if row is None or row["status"] == REMOVED:
                    continue
                version = row["version"] + 1
                conn.execute(
                    update(notices)
                    .where(notices.c.entity_id == entity_id)
                    .values(status=REMOVED, removed_at=now, version=version)
                )
                changes = {"status": [ACTIVE, REMOVED]}
                self._record(conn, entity_id, version, "removed", changes, sync_id, now)
                count += 1
        return count

    def active_ids(self) -> set[str]:
        with self.engine.connect() as conn:
            query = select(notices.c.entity_id).where(notices.c.status == ACTIVE)
            return set(conn.execute(query).scalars())

    def list_notices(
        self,
        *,
        status: str | None = None,
        nationality: str | None = None,
        issuer: str | None = None,
        name: str | None = None,
    ) -> Iterator[RowMapping]:
        """Every notice matching the filters, oldest id first, streamed (no silent limit)."""
        query = select(notices).order_by(notices.c.entity_id)
        if status:
            query = query.where(notices.c.status == status)
        with self.engine.connect() as conn:
            for row in conn.execute(query).mappings():
                if nationality and nationality not in (row["nationalities"] or []):
                    continue
                if issuer and issuer not in (row["issuing_countries"] or []):
                    continue
                if name and name.casefold() not in (
                    f"{row['forename'] or ''} {row['name'] or ''}".casefold()
                ):
                    continue
                yield row

    def history(self, entity_id: str) -> list[RowMapping]:
        query = (
            select(notice_versions)
            .where(notice_versions.c.entity_id == entity_id)
            .order_by(notice_versions.c.version)
        )
        with self.engine.connect() as conn:
            return list(conn.execute(query).mappings())

    def events_since(self, after_id: int = 0) -> list[RowMapping]:
        query = select(events).where(events.c.id > after_id).order_by(events.c.id)
        with self.engine.connect() as conn:
            return list(conn.execute(query).mappings())

    def last_event_id(self) -> int:
        """Id of the newest event (0 for none): where a reader of ``events_since`` stands."""
        with self.engine.connect() as conn:
            value = conn.execute(select(func.max(events.c.id))).scalar()
        return int(value or 0)

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(notices.c.status, func.count()).group_by(notices.c.status))
            by_status = {status: int(count) for status, count in rows}
            event_count = conn.execute(select(func.count()).select_from(events)).scalar_one()
        return {
            "active": by_status.get(ACTIVE, 0),
            "removed": by_status.get(REMOVED, 0),
            "events": int(event_count),
        }

    def age_histogram(self, today: dt.date) -> dict[int, float]:
        from redwatch.interpol.query import age_on

        histogram: dict[int, float] = {}
        query = select(notices.c.date_of_birth).where(notices.c.status == ACTIVE)
        with self.engine.connect() as conn:
            for (dob,) in conn.execute(query):
                age = age_on(dob, today)
                if age is not None:
                    histogram[age] = histogram.get(age, 0.0) + 1.0
        return histogram

    def known_facts(self) -> dict[str, set[tuple[str, str]]]:
        """Filters each stored notice is known to satisfy (sex, warrant countries)."""
        facts: dict[str, set[tuple[str, str]]] = {}
        query = select(notices.c.entity_id, notices.c.sex_id, notices.c.issuing_countries).where(
            notices.c.status == ACTIVE
        )
        with self.engine.connect() as conn:
            for row in conn.execute(query):
                entry = facts.setdefault(row.entity_id, set())
                if row.sex_id:
                    entry.add(("sexId", row.sex_id))
                for code in row.issuing_countries or []:
                    entry.add(("arrestWarrantCountryId", code))
        return facts

    # -- sync runs and checkpoints ---------------------------------------------------
    def start_run(self, source: str) -> tuple[int, bool]:
        """Resume the newest unfinished run of this source, or start one. → (id, resumed)."""
        with self.engine.begin() as conn:
            running = conn.execute(
                select(sync_runs.c.id)
                .where(and_(sync_runs.c.source == source, sync_runs.c.status == "running"))
                .order_by(sync_runs.c.id.desc())
            ).first()
            if running is not None:
                return int(running.id), True
            result = conn.execute(
                insert(sync_runs).values(source=source, status="running", started_at=utcnow())
            )
            key = result.inserted_primary_key
            assert key is not None
            return int(key[0]), False

    def finish_run(self, sync_id: int, status: str, summary: dict[str, Any], message: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(sync_runs)
                .where(sync_runs.c.id == sync_id)
                .values(status=status, finished_at=utcnow(), summary=summary, message=message)
            )
            conn.execute(sync_queries.delete().where(sync_queries.c.sync_id == sync_id))

    def runs(self) -> list[RowMapping]:
        with self.engine.connect() as conn:
            return list(conn.execute(select(sync_runs).order_by(sync_runs.c.id)).mappings())

    def checkpoint(self, sync_id: int, key: str) -> tuple[int, list[dict[str, Any]]] | None:
        query = select(sync_queries.c.total, sync_queries.c["items"]).where(
            and_(sync_queries.c.sync_id == sync_id, sync_queries.c.query_key == key)
        )
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        return None if row is None else (int(row.total), list(row.items))

    def save_checkpoint(
        self, sync_id: int, key: str, total: int, items: Sequence[dict[str, Any]]
    ) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                insert(sync_queries).values(
                    sync_id=sync_id, query_key=key, total=total, items=list(items)
                )
            )

    def quarantine(self, source: str, reason: str, content: bytes, sync_id: int | None) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                insert(quarantine).values(
                    at=utcnow(), sync_id=sync_id, source=source, reason=reason, content=content
                )
            )

    def quarantined(self) -> list[RowMapping]:
        with self.engine.connect() as conn:
            return list(conn.execute(select(quarantine).order_by(quarantine.c.id)).mappings())

    # -- images ----------------------------------------------------------------------
    def image_hashes(self, entity_id: str) -> dict[str, str]:
        query = select(images.c.picture_id, images.c.sha256).where(images.c.entity_id == entity_id)
        with self.engine.connect() as conn:
            return {row.picture_id: row.sha256 for row in conn.execute(query)}

    def save_image(self, entity_id: str, picture_id: str, sha256: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                images.delete().where(
                    and_(images.c.entity_id == entity_id, images.c.picture_id == picture_id)
                )
            )
            conn.execute(
                insert(images).values(
                    entity_id=entity_id, picture_id=picture_id, sha256=sha256, fetched_at=utcnow()
                )
            )
