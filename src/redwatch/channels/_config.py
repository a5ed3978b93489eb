"""From a stored channel configuration (kind and string keys) to a channel, and back to words."""

from __future__ import annotations

from collections.abc import Mapping

from redwatch.channels._apprise import AppriseChannel, describe_apprise_url
from redwatch.channels._base import Channel
from redwatch.channels._email import (
    EmailChannel,
    parse_recipients,
    parse_sender,
    parse_smtp_url,
)
from redwatch.channels._webhook import (
    WebhookChannel,
    describe_webhook_url,
    validate_webhook_secret,
    validate_webhook_url,
)
from redwatch.errors import InputError

KINDS = ("email", "apprise", "webhook")

_REQUIRED: dict[str, frozenset[str]] = {
    "email": frozenset({"to", "smtp"}),
    "apprise": frozenset({"url"}),
    "webhook": frozenset({"url", "secret"}),
}
_OPTIONAL: dict[str, frozenset[str]] = {
    "email": frozenset({"from"}),
    "apprise": frozenset(),
    "webhook": frozenset(),
}


def _check_keys(kind: str, config: Mapping[str, str]) -> None:
    if kind not in KINDS:
        raise InputError(f"unknown channel kind {kind!r} (known: {', '.join(KINDS)})")
    required, optional = _REQUIRED[kind], _OPTIONAL[kind]
    missing = sorted(key for key in required if not str(config.get(key, "")).strip())
    if missing:
        raise InputError(f"{kind} channel needs {', '.join(missing)}")
    unknown = sorted(set(config) - required - optional)
    if unknown:
        raise InputError(f"{kind} channel has unknown setting {unknown[0]!r}")


def channel_from_config(kind: str, config: Mapping[str, str]) -> Channel:
    """A ready channel, or InputError naming the first thing wrong with the configuration."""
    _check_keys(kind, config)
    if kind == "email":
        return EmailChannel(
            parse_smtp_url(config["smtp"].strip()),
            parse_recipients(config["to"]),
            parse_sender(config.get("from", "")),
        )
    if kind == "apprise":
        return AppriseChannel(config["url"])
    return WebhookChannel(config["url"].strip(), config["secret"])


def describe_config(kind: str, config: Mapping[str, str]) -> str:
    """One line for listings; passwords, tokens and webhook secrets are masked."""
    _check_keys(kind, config)
    if kind == "email":
        target = parse_smtp_url(config["smtp"].strip())
        recipients = ", ".join(parse_recipients(config["to"]))
        sender = parse_sender(config.get("from", ""))
        via = target.describe()
        return f"email to {recipients} via {via}" + (f" from {sender}" if sender else "")
    if kind == "apprise":
        return f"apprise {describe_apprise_url(config['url'])}"
    validate_webhook_secret(config["secret"])
    url = validate_webhook_url(config["url"].strip())
    return f"webhook POST {describe_webhook_url(url)} (signed HMAC-SHA256, secret ***)"
