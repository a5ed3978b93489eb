"""Deliveries: every alert is queued for its channels, and stays queued until a channel takes it.

A channel that is down costs nothing but a retry on the next run; the error kept is one line
from the channel library, which never holds a name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import structlog
from sqlalchemy import Engine, func, insert, select, update
from sqlalchemy.engine import Connection

from redwatch.channels import DeliveryError
from redwatch.errors import RedwatchError
from redwatch.store.repository import utcnow
from redwatch.store.schema import deliveries
from redwatch.watch.alerts import AlertBook
from redwatch.watch.channel_book import ChannelBook
from redwatch.watch.messages import compose

__all__ = [
    "DeliveryReport",
    "deliver_pending",
    "deliveries_of",
    "enqueue",
    "pending_count",
    "retry_failed",
]

log = structlog.get_logger(__name__)


@dataclass
class DeliveryReport:
    sent: int = 0
    failed: int = 0
    """Attempts that failed this run (tried again next run, unless the failure is permanent:
    then the delivery is kept as ``failed`` and shown with its alert)."""
    pending: int = 0
    """Deliveries still waiting after this run."""


def enqueue(conn: Connection, alert_id: int, channel_ids: Iterable[str]) -> int:
    now = utcnow()
    count = 0
    for channel_id in channel_ids:
        exists = conn.execute(
            select(deliveries.c.state).where(
                deliveries.c.alert_id == alert_id, deliveries.c.channel_id == channel_id
            )
        ).first()
        if exists is None:
            conn.execute(
                insert(deliveries).values(
                    alert_id=alert_id,
                    channel_id=channel_id,
                    state="pending",
                    attempts=0,
                    updated_at=now,
                )
            )
            count += 1
    return count


def pending_count(engine: Engine) -> int:
    query = select(func.count()).select_from(deliveries).where(deliveries.c.state == "pending")
    with engine.connect() as conn:
        return int(conn.execute(query).scalar_one())


def deliver_pending(engine: Engine, book: AlertBook, channel_book: ChannelBook) -> DeliveryReport:
    """Try every pending delivery once, oldest alert first."""
    report = DeliveryReport()
    channels = {channel.id: channel for channel in channel_book.all()}
    with engine.connect() as conn:
        rows = conn.execute(
            select(deliveries)
            .where(deliveries.c.state == "pending")
            .order_by(deliveries.c.alert_id, deliveries.c.channel_id)
        ).all()
    down: set[str] = set()
    for row in rows:
        stored = channels.get(row.channel_id)
        if stored is None or row.channel_id in down:
            continue  # a channel that just failed is tried again next run, not hammered now
        error: str | None = None
        permanent = False
        try:
            stored.build().send(compose(book.get(row.alert_id), minimal=stored.minimal))
        except DeliveryError as exc:
            error = str(exc)
            # e.g. a recipient refused while others got it: retrying would send them a copy.
            permanent = exc.permanent
            down.add(row.channel_id)
        except RedwatchError as exc:  # e.g. a channel whose settings no longer validate
            error = str(exc)
            down.add(row.channel_id)
        now = utcnow()
        values: dict[str, object] = {"attempts": row.attempts + 1, "updated_at": now}
        if error is None:
            values |= {"state": "sent", "sent_at": now, "last_error": None}
            report.sent += 1
        else:
            values["last_error"] = error[:500]
            report.failed += 1
            if permanent:
                values["state"] = "failed"
            log.warning("delivery failed", channel=row.channel_id, alert=row.alert_id, error=error)
        with engine.begin() as conn:
            conn.execute(
                update(deliveries)
                .where(
                    deliveries.c.alert_id == row.alert_id,
                    deliveries.c.channel_id == row.channel_id,
                )
                .values(**values)
            )
    report.pending = pending_count(engine)
    return report


def deliveries_of(engine: Engine, alert_id: int) -> list[dict[str, object]]:
    """Where an alert went: channel, state, attempts and the last error (one line, no names)."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(deliveries)
            .where(deliveries.c.alert_id == alert_id)
            .order_by(deliveries.c.channel_id)
        ).mappings()
        return [
            {
                "channel_id": row["channel_id"],
                "state": row["state"],
                "attempts": row["attempts"],
                "last_error": row["last_error"],
                "sent_at": None if row["sent_at"] is None else str(row["sent_at"]),
            }
            for row in rows
        ]


def retry_failed(engine: Engine, alert_id: int | None = None) -> int:
    """Queue permanently failed deliveries again (after the channel was fixed)."""
    statement = update(deliveries).where(deliveries.c.state == "failed")
    if alert_id is not None:
        statement = statement.where(deliveries.c.alert_id == alert_id)
    with engine.begin() as conn:
        return int(conn.execute(statement.values(state="pending")).rowcount)
