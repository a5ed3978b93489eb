"""Webhook channel against a real HTTP receiver on loopback: signatures, retries, refusals."""

from __future__ import annotations

import json
import logging

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from redwatch.channels import (
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    DeliveryError,
    Message,
    WebhookChannel,
    channel_from_config,
    sign,
    verify_signature,
)
from redwatch.errors import InputError
from tests.channels.smtp_support import free_port
from tests.channels.webhook_support import Request, http_receiver

SECRET = "whsec-0123456789abcdef"
WATCHED = "Ахтем Чийгоз"
MESSAGE = Message(
    subject="redwatch: new match",
    text=f"{WATCHED} matches notice 2021/1234 (decision: match).",
    payload={"entity_id": "2021/1234", "decision": "match", "names": [WATCHED]},
)


class Sleeps(list[float]):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def webhook(url: str, sleeps: Sleeps | None = None, **options: float) -> WebhookChannel:
    return WebhookChannel(url, SECRET, sleep=sleeps if sleeps is not None else Sleeps(), **options)


def assert_verified(request: Request) -> None:
    timestamp = request.headers[TIMESTAMP_HEADER]
    assert verify_signature(SECRET, timestamp, request.body, request.headers[SIGNATURE_HEADER])


def test_signed_json_post_verifies_at_the_receiver() -> None:
    with http_receiver() as receiver:
        channel = channel_from_config("webhook", {"url": receiver.url, "secret": SECRET})
        channel.send(MESSAGE)
    (request,) = receiver.requests
    assert request.method == "POST"
    assert request.path == "/hook"
    assert request.headers["Content-Type"].startswith("application/json")
    assert json.loads(request.body) == MESSAGE.payload  # UTF-8, names intact
    assert request.headers[SIGNATURE_HEADER].startswith("sha256=")
    assert_verified(request)
    assert not verify_signature(
        "another-secret-entirely",
        request.headers[TIMESTAMP_HEADER],
        request.body,
        request.headers[SIGNATURE_HEADER],
    )


def test_retries_after_500_then_succeeds_each_attempt_signed() -> None:
    sleeps = Sleeps()
    with http_receiver(statuses=[500, 503]) as receiver:
        webhook(receiver.url, sleeps, backoff=0.5).send(MESSAGE)
    assert len(receiver.requests) == 3
    for request in receiver.requests:
        assert_verified(request)
    assert len(sleeps) == 2
    assert 0.25 <= sleeps[0] <= 0.75  # backoff with jitter
    assert 0.5 <= sleeps[1] <= 1.5  # doubled


def test_400_is_refused_at_once_without_retry() -> None:
    sleeps = Sleeps()
    with (
        http_receiver(statuses=[400]) as receiver,
        pytest.raises(DeliveryError, match="HTTP 400") as caught,
    ):
        webhook(receiver.url, sleeps).send(MESSAGE)
    assert len(receiver.requests) == 1
    assert sleeps == []
    assert caught.value.permanent
    assert WATCHED not in str(caught.value)


def test_429_is_retried_honouring_retry_after() -> None:
    sleeps = Sleeps()
    with http_receiver(statuses=[429], headers={"Retry-After": "7"}) as receiver:
        webhook(receiver.url, sleeps, backoff=0.01).send(MESSAGE)
    assert len(receiver.requests) == 2
    assert sleeps == [7.0]


def test_gives_up_after_the_last_attempt() -> None:
    sleeps = Sleeps()
    with (
        http_receiver(default_status=502) as receiver,
        pytest.raises(DeliveryError, match="after 3 attempts: HTTP 502") as caught,
    ):
        webhook(receiver.url, sleeps, attempts=3).send(MESSAGE)
    assert len(receiver.requests) == 3
    assert len(sleeps) == 2
    assert not caught.value.permanent
    text = str(caught.value)
    assert "\n" not in text
    assert WATCHED not in text
    assert SECRET not in text
    assert "/hook" not in text  # paths of webhooks often carry tokens


def test_receiver_down_is_retried_then_a_clean_error() -> None:
    sleeps = Sleeps()
    url = f"http://127.0.0.1:{free_port()}/hook/secret-token"
    with pytest.raises(DeliveryError, match="cannot connect") as caught:
        webhook(url, sleeps, attempts=2).send(MESSAGE)
    assert len(sleeps) == 1
    assert "secret-token" not in str(caught.value)


def test_timeouts_are_retried() -> None:
    calls = []

    def slow(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        if len(calls) == 1:
            raise httpx.ReadTimeout("slow", request=request)
        return httpx.Response(204)

    channel = WebhookChannel(
        "https://hooks.example.org/x", SECRET, sleep=Sleeps(), transport=httpx.MockTransport(slow)
    )
    channel.send(MESSAGE)
    assert len(calls) == 2


def test_redirects_are_not_followed() -> None:
    with (
        http_receiver(statuses=[302]) as receiver,
        pytest.raises(DeliveryError, match="HTTP 302"),
    ):
        webhook(receiver.url).send(MESSAGE)
    assert len(receiver.requests) == 1


def test_verify_signature_refuses_stale_future_and_forged() -> None:
    body = json.dumps({"entity_id": "2021/1234"}).encode()
    now = 1_800_000_000
    good = sign(SECRET, now, body)
    assert verify_signature(SECRET, str(now), body, good, now=now + 299)
    assert verify_signature(SECRET, now, body.decode(), good, now=now)  # str body, int timestamp
    assert not verify_signature(SECRET, now, body, good, now=now + 301)  # replayed later
    assert not verify_signature(SECRET, now, body, good, now=now - 301)  # from the future
    assert not verify_signature(SECRET, now + 1, body, good, now=now)  # timestamp swapped
    assert not verify_signature(SECRET, now, body + b" ", good, now=now)  # body altered
    assert not verify_signature(SECRET, now, body, good.removeprefix("sha256="), now=now)
    assert not verify_signature(SECRET, "soon", body, good, now=now)
    assert not verify_signature(SECRET, "", body, good, now=now)
    assert verify_signature(SECRET, now, body, good, tolerance_s=10, now=now + 10)
    assert not verify_signature(SECRET, now, body, good, tolerance_s=10, now=now + 11)


@given(secret=st.text(min_size=16), body=st.binary(), flip=st.integers(min_value=0))
def test_any_change_to_the_body_breaks_the_signature(secret: str, body: bytes, flip: int) -> None:
    now = 1_800_000_000
    signature = sign(secret, now, body)
    assert verify_signature(secret, now, body, signature, now=now)
    if body:
        index = flip % len(body)
        altered = body[:index] + bytes([body[index] ^ 1]) + body[index + 1 :]
        assert not verify_signature(secret, now, altered, signature, now=now)


def test_signature_matches_the_documented_scheme() -> None:
    import hashlib
    import hmac

    expected = hmac.new(b"k" * 16, b"1700000000.{}", hashlib.sha256).hexdigest()
    assert sign("k" * 16, 1700000000, b"{}") == f"sha256={expected}"


@pytest.mark.parametrize(
    ("config", "fragment"),
    [
        ({"url": "http://hooks.example.org/x", "secret": SECRET}, "must use https://"),
        ({"url": "ftp://hooks.example.org/x", "secret": SECRET}, "must start with https://"),
        ({"url": "https://", "secret": SECRET}, "must start with https://"),
        ({"url": "https://hooks.example.org:0x/x", "secret": SECRET}, "not a valid URL"),
        ({"url": "https://hooks.exa mple.org/x", "secret": SECRET}, "not a valid URL"),
        ({"url": "https://hooks.example.org/x", "secret": "short"}, "at least 16 characters"),
        ({"url": "https://hooks.example.org/x"}, "needs secret"),
    ],
)
def test_bad_webhook_configs_are_input_errors(config: dict[str, str], fragment: str) -> None:
    with pytest.raises(InputError, match=fragment) as caught:
        channel_from_config("webhook", config)
    assert SECRET not in str(caught.value)


def test_secret_is_not_in_repr() -> None:
    assert SECRET not in repr(webhook("https://hooks.example.org/x"))


def test_logs_never_show_the_webhook_path_or_payload(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with http_receiver(statuses=[500]) as receiver:
        url = receiver.url + "/T0KEN-in-the-path?key=also-secret"
        webhook(url).send(MESSAGE)
    assert len(receiver.requests) == 2
    assert "HTTP Request" in caplog.text  # httpx did log, masked
    assert "T0KEN" not in caplog.text
    assert "also-secret" not in caplog.text
    assert WATCHED not in caplog.text
