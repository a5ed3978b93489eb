"""Deliveries: sent once, kept when a channel is down, stopped when retrying would do harm."""

from __future__ import annotations

import pytest

from redwatch.watch import WatchService, validated
from redwatch.watch.outbox import deliveries_of, retry_failed
from tests.channels.smtp_support import free_port, smtp_server


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_sent_pending_and_failed_deliveries(service: WatchService) -> None:
    with smtp_server(refuse=["closed@example.org"]) as server:
        good = service.channels.add(
            "email", {"to": "desk@example.org", "smtp": server.url}, minimal=True
        )
        refused = service.channels.add(
            "email", {"to": "closed@example.org", "smtp": server.url}, minimal=False
        )
        down = service.channels.add(
            "email",
            {"to": "desk@example.org", "smtp": f"smtp://127.0.0.1:{free_port()}?tls=off"},
            minimal=False,
        )
        entry = service.watchlist.add(validated(["Mustafa Cemilev"], dob="1943"))
        service.screener.screen_entries([entry])
        report = service.deliver()
        assert (report.sent, report.failed, report.pending) == (1, 2, 1)
        alert = service.alerts.all()[0]
        states = {d["channel_id"]: d["state"] for d in deliveries_of(service.repo.engine, alert.id)}
        assert states == {good: "sent", refused: "failed", down: "pending"}
        # The minimal channel's message names nobody and points at no notice.
        text = server.received[0].raw.decode()
        for needle in ("Cemilev", "DZHEMILEV", "2019/1001"):
            assert needle not in text
        assert "needs review" in text
        # Again: the sent one is not sent twice, the refused one is not retried.
        again = service.deliver()
        assert (again.sent, again.failed, again.pending) == (0, 1, 1)
        assert len(server.received) == 1
        assert retry_failed(service.repo.engine) == 1
        assert service.deliver().failed == 2
