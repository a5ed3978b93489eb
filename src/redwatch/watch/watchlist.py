"""The encrypted watchlist: entries sealed one per row, ids random, imports all or nothing."""

from __future__ import annotations

import base64
import re
import secrets
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Engine, delete, func, insert, select, update
from sqlalchemy.engine import Connection

from redwatch.errors import InputError, NotFoundError
from redwatch.store.repository import iso_utc, utcnow
from redwatch.store.schema import watch_entries
from redwatch.watch.crypto import Cipher
from redwatch.watch.entries import EXPORT_FORMAT, Entry, EntryData
from redwatch.watch.keys import entry_context

__all__ = ["ENTRY_ID", "Watchlist"]

ENTRY_ID = re.compile(r"^[0-9a-f]{8}$")


def check_entry_id(text: str) -> str:
    cleaned = text.strip().lower()
    if not ENTRY_ID.match(cleaned):
        raise InputError(f"a watchlist entry id has 8 hex digits (e.g. 3f9c2d1a), not {text!r}")
    return cleaned


class Watchlist:
    def __init__(self, engine: Engine, cipher: Cipher) -> None:
        self.engine = engine
        self.cipher = cipher

    def _entry(self, row: Any) -> Entry:
        value = self.cipher.open(bytes(row.blob), entry_context(row.id))
        return Entry(
            id=row.id,
            data=EntryData.from_json(value),
            created_at=iso_utc(row.created_at),
            updated_at=iso_utc(row.updated_at),
        )

    @staticmethod
    def _ids(conn: Connection) -> set[str]:
        return set(conn.execute(select(watch_entries.c.id)).scalars())

    def _insert(
        self, conn: Connection, data: EntryData, taken: set[str], entry_id: str | None = None
    ) -> str:
        """Insert with ``entry_id`` or a fresh random one not in ``taken`` (which gains it)."""
        new_id = entry_id
        while new_id is None or new_id in taken:
            new_id = secrets.token_hex(4)
        now = utcnow()
        conn.execute(
            insert(watch_entries).values(
                id=new_id,
                created_at=now,
                updated_at=now,
                blob=self.cipher.seal(data.as_json(), entry_context(new_id)),
            )
        )
        taken.add(new_id)
        return new_id

    def add(self, data: EntryData) -> Entry:
        with self.engine.begin() as conn:
            entry_id = self._insert(conn, data, self._ids(conn))
        return self.get(entry_id)

    def get(self, entry_id: str) -> Entry:
        entry_id = check_entry_id(entry_id)
        with self.engine.connect() as conn:
            row = conn.execute(select(watch_entries).where(watch_entries.c.id == entry_id)).first()
        if row is None:
            raise NotFoundError(f"no watchlist entry {entry_id}")
        return self._entry(row)

    def entries(self) -> list[Entry]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(watch_entries).order_by(watch_entries.c.created_at)).all()
        return [self._entry(row) for row in rows]

    def __len__(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(watch_entries)).scalar_one())

    def replace(self, entry_id: str, data: EntryData, conn: Connection | None = None) -> None:
        values = {
            "updated_at": utcnow(),
            "blob": self.cipher.seal(data.as_json(), entry_context(entry_id)),
        }
        statement = update(watch_entries).where(watch_entries.c.id == entry_id).values(**values)
        if conn is not None:
            conn.execute(statement)
            return
        with self.engine.begin() as own:
            if own.execute(statement).rowcount == 0:
                raise NotFoundError(f"no watchlist entry {entry_id}")

    def remove(self, entry_id: str, conn: Connection) -> None:
        entry_id = check_entry_id(entry_id)
        if conn.execute(delete(watch_entries).where(watch_entries.c.id == entry_id)).rowcount == 0:
            raise NotFoundError(f"no watchlist entry {entry_id}")

    def import_entries(self, rows: Sequence[tuple[str | None, EntryData]]) -> tuple[list[str], int]:
        """Add (or, for a known id, replace) every row in one transaction: all or nothing.

        Returns the ids written and how many of them replaced an existing entry.
        """
        ids: list[str] = []
        replaced = 0
        with self.engine.begin() as conn:
            existing = self._ids(conn)
            for number, (given, data) in enumerate(rows, 1):
                if given is not None:
                    if not ENTRY_ID.match(given):
                        raise InputError(f"entry {number}: an id has 8 hex digits, or leave it out")
                    if given in existing:
                        self.replace(given, data, conn)
                        ids.append(given)
                        replaced += 1
                        continue
                ids.append(self._insert(conn, data, existing, given))
        return ids, replaced

    def export_document(self, *, encrypted: bool) -> dict[str, Any]:
        entries = [entry.as_json() for entry in self.entries()]
        if not encrypted:
            return {"format": EXPORT_FORMAT, "encrypted": False, "entries": entries}
        sealed = self.cipher.seal({"entries": entries}, EXPORT_FORMAT)
        return {
            "format": EXPORT_FORMAT,
            "encrypted": True,
            "cipher": "AES-256-GCM",
            "key_id": self.cipher.key_id.hex(),
            "ciphertext": base64.b64encode(sealed).decode("ascii"),
        }
