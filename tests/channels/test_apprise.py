"""Apprise channel through Apprise's own json:// and form:// services to a loopback receiver."""

from __future__ import annotations

import json
import logging
from urllib.parse import parse_qs

import pytest

from redwatch.channels import (
    AppriseChannel,
    DeliveryError,
    Message,
    channel_from_config,
    describe_config,
)
from redwatch.errors import InputError
from tests.channels.smtp_support import free_port
from tests.channels.webhook_support import http_receiver

WATCHED = "Наріман Джелял"
MESSAGE = Message(
    subject="redwatch: notice 2022/555 matches a watched person",
    text=f"{WATCHED} matches notice 2022/555 (decision: possible). Please review.",
    payload={"entity_id": "2022/555"},
)


def apprise_url(http_url: str, schema: str = "json") -> str:
    return schema + http_url.removeprefix("http")


def test_json_service_delivers_subject_and_text() -> None:
    with http_receiver() as receiver:
        channel_from_config("apprise", {"url": apprise_url(receiver.url)}).send(MESSAGE)
    (request,) = receiver.requests
    assert request.path == "/hook"
    document = json.loads(request.body)
    assert document["title"] == MESSAGE.subject
    assert document["message"] == MESSAGE.text


def test_form_service_delivers_too() -> None:
    with http_receiver() as receiver:
        channel_from_config("apprise", {"url": apprise_url(receiver.url, "form")}).send(MESSAGE)
    (request,) = receiver.requests
    form = parse_qs(request.body.decode())
    assert form["message"] == [MESSAGE.text]


def test_failed_notification_is_a_clean_delivery_error() -> None:
    with http_receiver(default_status=500) as receiver:
        channel = channel_from_config("apprise", {"url": apprise_url(receiver.url)})
        with pytest.raises(DeliveryError, match=r"apprise notification via json:// failed") as e:
            channel.send(MESSAGE)
    assert receiver.requests  # it did try
    assert WATCHED not in str(e.value)
    assert str(receiver.url) not in str(e.value)


def test_service_down_is_a_delivery_error() -> None:
    channel = AppriseChannel(f"json://127.0.0.1:{free_port()}/hook")
    with pytest.raises(DeliveryError):
        channel.send(MESSAGE)


def test_apprise_logs_nothing_of_the_message_at_any_level(
    caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.DEBUG - 1)  # below DEBUG: Apprise's TRACE level
    with http_receiver(statuses=[500]) as receiver:
        channel = channel_from_config("apprise", {"url": apprise_url(receiver.url)})
        with pytest.raises(DeliveryError):
            channel.send(MESSAGE)  # failures are where Apprise logs most
        channel.send(MESSAGE)
    out, err = capfd.readouterr()
    for text in (caplog.text, out, err):
        assert WATCHED not in text
        assert "Please review" not in text
        assert "127.0.0.1" not in text  # nor the service URL, which may carry tokens
    assert len(receiver.requests) == 2


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("nosuchservice://token", "cannot use this nosuchservice:// URL"),
        ("notaurl", "cannot use this URL"),
        ("", "needs url"),
        ("json://127.0.0.1/a, json://127.0.0.1/b", "exactly one Apprise URL"),
        ("json://hooks.example.org/x", "use jsons://"),
        ("matrix://user:pass@matrix.example.org/#room", "use matrixs://"),
    ],
)
def test_bad_apprise_urls_are_input_errors(url: str, fragment: str) -> None:
    with pytest.raises(InputError, match=fragment):
        channel_from_config("apprise", {"url": url})


def test_encrypted_and_cloud_services_are_accepted() -> None:
    for url in (
        "jsons://hooks.example.org/x",
        "tgram://123456789:abcdefg_hijklmnop/12345",
        "ntfy://redwatch-alerts",  # ntfy.sh over https
        "signal://127.0.0.1:8080/+12345678901/+12345678902",  # local signal-cli REST API
    ):
        assert channel_from_config("apprise", {"url": url}).kind == "apprise"


def test_description_masks_tokens_and_passwords() -> None:
    text = describe_config("apprise", {"url": "jsons://user:hunter2@hooks.example.org/x"})
    assert "hunter2" not in text
    assert "hooks.example.org" in text
    token = describe_config("apprise", {"url": "tgram://123456789:abcdefg_hijklmnop/12345"})
    assert "abcdefg_hijklmnop" not in token
    assert token.startswith("apprise tgram://")


def test_an_exception_inside_apprise_becomes_a_delivery_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import apprise

    def broken(self: object, *args: object, **kwargs: object) -> bool:
        raise KeyError(WATCHED)  # a plugin bug, with a name in its message

    monkeypatch.setattr(apprise.Apprise, "notify", broken)
    channel = channel_from_config("apprise", {"url": "jsons://hooks.example.org/x"})
    with pytest.raises(DeliveryError, match=r"failed \(KeyError\)") as caught:
        channel.send(MESSAGE)
    assert WATCHED not in str(caught.value)
