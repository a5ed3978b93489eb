"""Everything the watch commands and the daemon need, opened from the settings in one place."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select

from redwatch.risk import rules_for_home
from redwatch.settings import Settings
from redwatch.store.repository import Repository
from redwatch.store.schema import alerts, deliveries, watch_entries
from redwatch.watch.alerts import AlertBook
from redwatch.watch.channel_book import ChannelBook
from redwatch.watch.crypto import Cipher
from redwatch.watch.keys import KeySource, open_cipher
from redwatch.watch.outbox import DeliveryReport, deliver_pending
from redwatch.watch.screener import Screener, ScreenReport
from redwatch.watch.watchlist import Watchlist, check_entry_id

__all__ = ["WatchService", "after_sync"]


@dataclass
class WatchService:
    repo: Repository
    cipher: Cipher
    key_source: KeySource
    watchlist: Watchlist
    alerts: AlertBook
    channels: ChannelBook
    screener: Screener

    @classmethod
    def open(cls, settings: Settings, repo: Repository) -> WatchService:
        cipher, source = open_cipher(settings, repo.engine)
        watchlist = Watchlist(repo.engine, cipher)
        book = AlertBook(repo.engine, cipher)
        channel_book = ChannelBook(repo.engine, cipher)
        return cls(
            repo=repo,
            cipher=cipher,
            key_source=source,
            watchlist=watchlist,
            alerts=book,
            channels=channel_book,
            screener=Screener(
                repo, watchlist, book, channel_book, risk_rules=rules_for_home(settings.home)
            ),
        )

    def remove_entry(self, entry_id: str) -> int:
        """Forget an entry and everything it caused (its alerts and their deliveries)."""
        entry_id = check_entry_id(entry_id)
        with self.repo.engine.begin() as conn:
            self.watchlist.remove(entry_id, conn)
            alert_ids = self.alerts.ids_for_entries(conn, [entry_id])
            if alert_ids:
                conn.execute(delete(deliveries).where(deliveries.c.alert_id.in_(alert_ids)))
                conn.execute(delete(alerts).where(alerts.c.id.in_(alert_ids)))
        return len(alert_ids)

    def deliver(self) -> DeliveryReport:
        return deliver_pending(self.repo.engine, self.alerts, self.channels)


def has_watchlist(repo: Repository) -> bool:
    with repo.engine.connect() as conn:
        return conn.execute(select(watch_entries.c.id).limit(1)).first() is not None


def after_sync(settings: Settings, repo: Repository) -> dict[str, Any] | None:
    """Screen the watchlist against what a sync changed and send the alerts.

    ``None`` when there is no watchlist (no key is asked for or created then).
    """
    if not has_watchlist(repo):
        return None
    service = WatchService.open(settings, repo)
    screened: ScreenReport = service.screener.after_sync()
    delivered = service.deliver()
    return {
        **screened.as_dict(),
        "deliveries": {
            "sent": delivered.sent,
            "failed": delivered.failed,
            "pending": delivered.pending,
        },
    }
