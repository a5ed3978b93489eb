"""End to end over loopback, as an organisation runs it: the fake INTERPOL service gains a
notice for a watched person, ``redwatch watch --once`` syncs, screens and alerts by e-mail (a
real SMTP server) and a signed webhook; repeated runs add nothing; a removal alerts; an SMTP
server that is down gets the alert on the next run."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from email import message_from_bytes
from email.message import Message
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from redwatch.channels import SIGNATURE_HEADER, TIMESTAMP_HEADER, verify_signature
from redwatch.fake import FakeInterpol, create_app, generate_corpus, serve
from tests.channels.smtp_support import free_port
from tests.channels.webhook_support import http_receiver
from tests.support.cli import redwatch as run_redwatch

pytestmark = pytest.mark.slow

WATCHED = "Ленур Іслямов"
SECRET = "e2e-webhook-secret-0123456789abcdef"


class _Inbox:
    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(message_from_bytes(envelope.content))
        return "250 OK"


@contextmanager
def smtp_on(port: int, inbox: _Inbox) -> Iterator[None]:
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield
    finally:
        controller.stop()


def _notice(template: dict[str, Any]) -> dict[str, Any]:
    return template | {
        "entity_id": "2026/90001",
        "name": "ISLIAMOV",
        "forename": "LENUR",
        "date_of_birth": "1982/09/07",
        "nationalities": ["UA"],
        "place_of_birth": "SIMFEROPOL",
        "arrest_warrants": [
            {
                "charge": "Article 205.5 part 2 of the Criminal Code of the Russian Federation",
                "issuing_country_id": "RU",
                "charge_translation": None,
            }
        ],
    }


def _body(message: Message) -> str:
    part = message.get_body(preferencelist=("plain",)) if hasattr(message, "get_body") else None
    payload = (part or message).get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload.decode("utf-8")


def test_watch_once_alerts_by_email_and_webhook(db_url: str, tmp_path: Path) -> None:
    corpus = generate_corpus(size=300, seed=5)
    service = FakeInterpol(corpus)
    inbox = _Inbox()
    port = free_port()
    with serve(create_app(service)) as base_url, http_receiver() as hook:
        env = {
            "REDWATCH_INTERPOL_URL": base_url,
            "REDWATCH_INTERPOL_RATE": "0",
            "REDWATCH_INTERPOL_BACKOFF": "0.01",
        }
        home = tmp_path / "home"

        def redwatch(*args: str) -> subprocess.CompletedProcess[str]:
            result = run_redwatch(home, *args, env=env, db_url=db_url)
            assert "Traceback" not in result.stderr
            assert result.returncode == 0, result.stderr
            return result

        def run() -> dict[str, Any]:
            lines = redwatch("watch", "--once", "--json").stdout.splitlines()
            assert len(lines) == 1
            report: dict[str, Any] = json.loads(lines[0])
            assert report["ok"], report
            return report

        smtp_url = f"smtp://127.0.0.1:{port}?tls=off"
        redwatch("channel", "add", "email", "--to", "desk@example.org", "--smtp", smtp_url)
        redwatch("channel", "add", "webhook", "--url", hook.url, "--secret", SECRET)
        entry_id = redwatch("watchlist", "add", "--name", WATCHED, "--dob", "07.09.1982").stdout
        assert len(entry_id.strip()) == 8

        with smtp_on(port, inbox):
            first = run()
            assert first["sync"]["complete"]
            assert first["watch"]["new_alerts"] == 0
            assert inbox.messages == []

            # The service gains a notice for the watched person.
            service.upsert(_notice(corpus[0]))
            second = run()
            assert second["watch"]["alerts_by_kind"] == {"match": 1}
            assert second["watch"]["deliveries"] == {"sent": 2, "failed": 0, "pending": 0}
            assert len(inbox.messages) == 1
            mail = inbox.messages[0]
            assert "2026/90001" in mail["Subject"]
            text = _body(mail)
            assert "2026/90001" in text
            assert "match" in text
            assert len(hook.requests) == 1
            request = hook.requests[0]
            headers = {k.lower(): v for k, v in request.headers.items()}
            assert verify_signature(
                SECRET,
                headers[TIMESTAMP_HEADER.lower()],
                request.body,
                headers[SIGNATURE_HEADER.lower()],
            )
            payload = json.loads(request.body)
            assert payload["alert"]["entity_id"] == "2026/90001"
            assert payload["alert"]["risk"]["level"] in {"high", "elevated"}

            # Nothing new: nothing sent, nothing duplicated.
            third = run()
            assert third["watch"]["new_alerts"] == 0
            assert len(inbox.messages) == 1
            assert len(hook.requests) == 1

            # The notice leaves the public list.
            assert service.remove("2026/90001")
            fourth = run()
            assert fourth["sync"]["complete"]
            assert fourth["watch"]["alerts_by_kind"] == {"removed": 1}
            assert len(inbox.messages) == 2
            assert "no longer on INTERPOL" in _body(inbox.messages[1])

        # The SMTP server is down when the notice comes back: the webhook gets it, e-mail waits.
        service.upsert(_notice(corpus[0]))
        fifth = run()
        assert fifth["watch"]["alerts_by_kind"] == {"match": 1}
        assert fifth["watch"]["deliveries"]["pending"] == 1
        assert len(hook.requests) == 3
        with smtp_on(port, inbox):
            sixth = run()
            assert sixth["watch"]["new_alerts"] == 0
            assert sixth["watch"]["deliveries"] == {"sent": 1, "failed": 0, "pending": 0}
            assert len(inbox.messages) == 3
            assert "2026/90001" in inbox.messages[2]["Subject"]

        listed = [
            json.loads(line) for line in redwatch("alerts", "list", "--json").stdout.splitlines()
        ]
        assert [a["kind"] for a in listed] == ["match", "removed", "match"]
        assert len(hook.requests) == 3  # the webhook was never sent anything twice
