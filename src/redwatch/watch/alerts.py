"""Alerts: one per watchlist entry, notice, kind and triggering event, sealed like the entries.

Which entry an alert concerns and which notice it points at are sealed too (together they say
who is watched); the clear ``dedupe`` column is a keyed hash of (entry, notice, kind, event), so
a repeated sync finds the alert it already made without decrypting anything.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from sqlalchemy import Engine, insert, select, update
from sqlalchemy.engine import Connection

from redwatch.errors import InputError, NotFoundError
from redwatch.store.repository import iso_utc, utcnow
from redwatch.store.schema import alerts
from redwatch.watch.crypto import Cipher
from redwatch.watch.keys import alert_context

__all__ = ["KINDS", "STATES", "Alert", "AlertBook", "AlertDraft"]

KINDS = ("match", "changed", "removed")
"""``match``: a new or newly matching notice (or one back on the list); ``changed``: a matched
notice changed; ``removed``: a matched notice left the public list."""
STATES = ("new", "acknowledged", "dismissed")


@dataclass(frozen=True)
class AlertDraft:
    """What screening found, before it is stored."""

    entry_id: str
    entity_id: str
    kind: str
    event_id: int
    """The store event that caused it; 0 for a match found by screening the whole mirror."""
    entry_names: list[str]
    notice: dict[str, Any]
    """``name``, ``forename``, ``date_of_birth``, ``nationalities``, ``issuing_countries``."""
    score: float | None = None
    decision: str | None = None
    explanation: str = ""
    changes: list[str] = field(default_factory=list)
    risk: dict[str, Any] | None = None

    def dedupe_parts(self) -> list[str]:
        return [self.entry_id, self.entity_id, self.kind, str(self.event_id)]


@dataclass(frozen=True)
class Alert:
    id: int
    state: str
    created_at: str
    updated_at: str
    draft: AlertDraft
    note: str | None = None

    def as_json(self) -> dict[str, Any]:
        body = asdict(self.draft)
        return {
            "id": self.id,
            "state": self.state,
            "kind": self.draft.kind,
            "entry_id": self.draft.entry_id,
            "entity_id": self.draft.entity_id,
            "decision": self.draft.decision,
            "score": self.draft.score,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "note": self.note,
        } | {k: v for k, v in body.items() if k not in {"entry_id", "entity_id", "kind"}}


class AlertBook:
    def __init__(self, engine: Engine, cipher: Cipher) -> None:
        self.engine = engine
        self.cipher = cipher

    def _alert(self, row: Any) -> Alert:
        value = self.cipher.open(bytes(row.blob), alert_context(row.dedupe))
        draft = AlertDraft(**value["draft"])
        return Alert(
            id=int(row.id),
            state=row.state,
            created_at=iso_utc(row.created_at),
            updated_at=iso_utc(row.updated_at),
            draft=draft,
            note=value.get("note"),
        )

    def _seal(self, dedupe: str, draft: AlertDraft, note: str | None) -> bytes:
        value = {"dedupe_parts": draft.dedupe_parts(), "draft": asdict(draft), "note": note}
        return self.cipher.seal(value, alert_context(dedupe))

    def record(self, conn: Connection, draft: AlertDraft) -> int | None:
        """Store a new alert and return its id; ``None`` when this alert already exists."""
        if draft.kind not in KINDS:
            raise ValueError(f"unknown alert kind {draft.kind}")
        dedupe = self.cipher.tag(*draft.dedupe_parts())
        if conn.execute(select(alerts.c.id).where(alerts.c.dedupe == dedupe)).first():
            return None
        now = utcnow()
        result = conn.execute(
            insert(alerts).values(
                dedupe=dedupe,
                state="new",
                created_at=now,
                updated_at=now,
                blob=self._seal(dedupe, draft, None),
            )
        )
        key = result.inserted_primary_key
        assert key is not None
        return int(key[0])

    def all(self, state: str | None = None) -> list[Alert]:
        if state is not None and state not in STATES:
            raise InputError(f"--state must be one of {', '.join(STATES)}, not {state!r}")
        query = select(alerts).order_by(alerts.c.id)
        if state is not None:
            query = query.where(alerts.c.state == state)
        with self.engine.connect() as conn:
            return [self._alert(row) for row in conn.execute(query).all()]

    def get(self, alert_id: int) -> Alert:
        with self.engine.connect() as conn:
            row = conn.execute(select(alerts).where(alerts.c.id == alert_id)).first()
        if row is None:
            raise NotFoundError(f"no alert {alert_id}")
        return self._alert(row)

    def review(self, alert_id: int, state: str, note: str | None) -> Alert:
        """Acknowledge or dismiss an alert, keeping the reviewer's note (sealed)."""
        if state not in STATES[1:]:
            raise InputError(f"an alert is reviewed as acknowledged or dismissed, not {state!r}")
        with self.engine.begin() as conn:
            row = conn.execute(select(alerts).where(alerts.c.id == alert_id)).first()
            if row is None:
                raise NotFoundError(f"no alert {alert_id}")
            alert = self._alert(row)
            kept = note if note is not None else alert.note
            conn.execute(
                update(alerts)
                .where(alerts.c.id == alert_id)
                .values(
                    state=state,
                    updated_at=utcnow(),
                    blob=self._seal(row.dedupe, alert.draft, kept),
                )
            )
        return replace(alert, state=state, note=kept)

    def matched(self) -> dict[tuple[str, str], Alert]:
        """(entry id, notice id) → the first ``match`` alert made for that pair."""
        found: dict[tuple[str, str], Alert] = {}
        for alert in self.all():
            pair = (alert.draft.entry_id, alert.draft.entity_id)
            if alert.draft.kind == "match":
                found.setdefault(pair, alert)
        return found

    def ids_for_entries(self, conn: Connection, entry_ids: Iterable[str]) -> list[int]:
        wanted = set(entry_ids)
        found = []
        for row in conn.execute(select(alerts)).all():
            if self._alert(row).draft.entry_id in wanted:
                found.append(int(row.id))
        return found
