"""From stored configuration to channels, and the one-line descriptions of them."""

from __future__ import annotations

import pytest

from redwatch.channels import (
    KINDS,
    AppriseChannel,
    EmailChannel,
    Message,
    WebhookChannel,
    channel_from_config,
    describe_config,
)
from redwatch.errors import InputError, RedwatchError

SECRET = "whsec-0123456789abcdef"


@pytest.fixture(autouse=True)
def _no_smtp_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("REDWATCH_SMTP_USER", "REDWATCH_SMTP_PASSWORD", "REDWATCH_SMTP_CA_FILE"):
        monkeypatch.delenv(name, raising=False)


def test_each_kind_builds_its_channel() -> None:
    email = channel_from_config("email", {"to": "desk@example.org", "smtp": "smtps://mx.example"})
    apprise = channel_from_config("apprise", {"url": "tgram://123456789:abcdefg_hijk/12345"})
    webhook = channel_from_config("webhook", {"url": "https://h.example/x", "secret": SECRET})
    assert isinstance(email, EmailChannel)
    assert isinstance(apprise, AppriseChannel)
    assert isinstance(webhook, WebhookChannel)
    assert (email.kind, apprise.kind, webhook.kind) == KINDS


@pytest.mark.parametrize(
    ("kind", "config", "fragment"),
    [
        ("fax", {}, "unknown channel kind 'fax'"),
        ("email", {"to": "desk@example.org"}, "needs smtp"),
        ("email", {"to": " ", "smtp": "smtp://mx.example"}, "needs to"),
        ("email", {"to": "a@example.org", "smtp": "smtp://mx.example", "cc": "x"}, "'cc'"),
        ("email", {"to": "a@example.org", "smtp": "smtp://mx.example", "from": "nobody"}, "sender"),
        ("apprise", {}, "needs url"),
        ("webhook", {"url": "https://h.example/x"}, "needs secret"),
    ],
)
def test_configuration_errors_are_one_line_input_errors(
    kind: str, config: dict[str, str], fragment: str
) -> None:
    with pytest.raises(InputError, match=fragment) as caught:
        channel_from_config(kind, config)
    assert "\n" not in str(caught.value)
    with pytest.raises(InputError):
        describe_config(kind, config)


def test_descriptions_are_one_line_and_hide_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [
        describe_config(
            "email",
            {"to": "desk@example.org", "smtp": "smtp://alice:hunter2-pw@mx.example.org"},
        ),
        describe_config("apprise", {"url": "jsons://bob:hunter2-pw@hooks.example.org/p"}),
        describe_config(
            "webhook", {"url": "https://h.example.org/hunter2-pw?k=hunter2-pw", "secret": SECRET}
        ),
    ]
    for line in lines:
        assert "\n" not in line
        assert "hunter2-pw" not in line
        assert SECRET not in line
    assert lines[0] == (
        "email to desk@example.org via smtp://alice:***@mx.example.org:587 (STARTTLS)"
    )
    assert lines[2].startswith("webhook POST https://h.example.org/…")

    monkeypatch.setenv("REDWATCH_SMTP_USER", "carol")
    monkeypatch.setenv("REDWATCH_SMTP_PASSWORD", "hunter2-pw")
    from_env = describe_config(
        "email", {"to": "desk@example.org", "smtp": "smtps://mx.example.org", "from": "a@b.org"}
    )
    assert from_env == (
        "email to desk@example.org via smtps://mx.example.org:465 "
        "(TLS, credentials from REDWATCH_SMTP_USER) from a@b.org"
    )


def test_relay_description_says_it_is_plain() -> None:
    text = describe_config(
        "email", {"to": "desk@example.org", "smtp": "smtp://127.0.0.1:25?tls=off"}
    )
    assert text == "email to desk@example.org via smtp://127.0.0.1:25 (no TLS, loopback relay)"


def test_message_subject_is_one_line() -> None:
    with pytest.raises(ValueError, match="one line"):
        Message(subject="a\nBcc: someone@example.org", text="", payload={})


def test_delivery_error_is_a_redwatch_error() -> None:
    from redwatch.channels import DeliveryError

    error = DeliveryError("webhook https://h.example/… failed", permanent=True)
    assert isinstance(error, RedwatchError)
    assert error.permanent
    assert not DeliveryError("x").permanent
    assert error.exit_code != 0
