"""Configured alert channels; their settings (addresses, URLs, secrets) are sealed."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, delete, insert, select

from redwatch.channels import Channel, channel_from_config, describe_config
from redwatch.errors import InputError, NotFoundError
from redwatch.store.repository import utcnow
from redwatch.store.schema import channels, deliveries
from redwatch.watch.crypto import Cipher
from redwatch.watch.keys import channel_context

__all__ = ["ChannelBook", "StoredChannel"]


@dataclass(frozen=True)
class StoredChannel:
    id: str
    kind: str
    minimal: bool
    label: str
    config: dict[str, str]

    def describe(self) -> str:
        return describe_config(self.kind, self.config)

    def build(self) -> Channel:
        return channel_from_config(self.kind, self.config)

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "minimal": self.minimal,
            "label": self.label,
            "target": self.describe(),
        }


class ChannelBook:
    def __init__(self, engine: Engine, cipher: Cipher) -> None:
        self.engine = engine
        self.cipher = cipher

    def add(self, kind: str, config: dict[str, str], *, minimal: bool, label: str = "") -> str:
        channel_from_config(kind, config)  # validates; raises InputError
        channel_id = "c" + secrets.token_hex(3)
        sealed = self.cipher.seal({"config": config, "label": label}, channel_context(channel_id))
        with self.engine.begin() as conn:
            conn.execute(
                insert(channels).values(
                    id=channel_id,
                    kind=kind,
                    minimal=int(minimal),
                    created_at=utcnow(),
                    blob=sealed,
                )
            )
        return channel_id

    def all(self) -> list[StoredChannel]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(channels).order_by(channels.c.created_at)).all()
        found = []
        for row in rows:
            value = self.cipher.open(bytes(row.blob), channel_context(row.id))
            found.append(
                StoredChannel(
                    id=row.id,
                    kind=row.kind,
                    minimal=bool(row.minimal),
                    label=value.get("label", ""),
                    config=dict(value["config"]),
                )
            )
        return found

    def get(self, channel_id: str) -> StoredChannel:
        for channel in self.all():
            if channel.id == channel_id.strip():
                return channel
        raise NotFoundError(f"no channel {channel_id!r} (see `redwatch channel list`)")

    def check_ids(self, ids: tuple[str, ...]) -> None:
        known = {channel.id for channel in self.all()}
        unknown = [i for i in ids if i not in known]
        if unknown:
            raise InputError(
                f"unknown channel(s) {', '.join(unknown)} (see `redwatch channel list`)"
            )

    def remove(self, channel_id: str) -> None:
        self.get(channel_id)
        with self.engine.begin() as conn:
            conn.execute(delete(deliveries).where(deliveries.c.channel_id == channel_id))
            conn.execute(delete(channels).where(channels.c.id == channel_id))
