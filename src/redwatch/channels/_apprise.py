"""Every service Apprise knows (Signal, Telegram, Matrix, ntfy, …) through one URL.

Apprise logs generously (at debug level it logs payloads, and its URLs carry tokens), so its
logger is shut before the first notification: what went wrong is reported as a one-line
:class:`DeliveryError` that names only the service's kind.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from redwatch.channels._base import Message, is_loopback
from redwatch.errors import DeliveryError, InputError

if TYPE_CHECKING:
    import apprise

# Apprise is imported where it is used: it costs every redwatch command a fifth of a second.
LOGGER_NAME = "apprise"  # apprise.logger.LOGGER_NAME

# The two "type: ignore[no-untyped-call]" below: Apprise leaves parse_urls and url() untyped.


def silence_apprise_logs() -> None:
    """Nothing Apprise logs reaches a handler, at any level redwatch runs with.

    Apprise posts through requests, whose urllib3 logs every URL at debug level: the URLs of
    chat services carry their tokens (``/bot<TOKEN>/sendMessage``), so urllib3 is quietened
    too. redwatch itself speaks HTTP through httpx, never urllib3.
    """
    log = logging.getLogger(LOGGER_NAME)
    log.setLevel(logging.CRITICAL + 10)
    log.propagate = False
    if not any(isinstance(handler, logging.NullHandler) for handler in log.handlers):
        log.addHandler(logging.NullHandler())
    logging.getLogger("urllib3").setLevel(logging.ERROR)


def _asset() -> apprise.AppriseAsset:
    import apprise

    # Memory only: a plugin's persistent store would otherwise cache tokens and ids on disk.
    return apprise.AppriseAsset(storage_mode="memory")


def load_apprise_url(url: str) -> apprise.NotifyBase:
    """The one Apprise service a URL names; InputError if Apprise cannot use it."""
    silence_apprise_logs()
    import apprise
    from apprise.utils.parse import parse_urls

    if not url.strip() or len(parse_urls(url)) != 1:  # type: ignore[no-untyped-call]
        raise InputError("give exactly one Apprise URL per channel (e.g. tgram://TOKEN/CHAT)")
    service = apprise.Apprise.instantiate(url.strip(), asset=_asset())
    if service is None:
        schema = url.split("://", 1)[0] if "://" in url else ""
        if schema and schema.isascii() and schema.replace("+", "").isalnum():
            raise InputError(
                f"Apprise cannot use this {schema}:// URL (unknown service or bad form)"
            )
        raise InputError("Apprise cannot use this URL (expected SERVICE://…)")
    plain, secure = _protocols(type(service))
    schema = url.strip().split("://", 1)[0].lower()
    host = str(getattr(service, "host", "") or "")
    if schema in plain and secure and host and not is_loopback(host):
        raise InputError(
            f"this Apprise URL would send alerts unencrypted; use {secure[0]}:// "
            "(plain only to 127.0.0.1)"
        )
    return service


def _protocols(plugin: type[apprise.NotifyBase]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A plugin's plain and encrypted URL schemas (Apprise gives each as a string or a tuple)."""

    def schemas(value: object) -> tuple[str, ...]:
        if isinstance(value, str):
            return (value.lower(),)
        if isinstance(value, tuple | list):
            return tuple(str(item).lower() for item in value)
        return ()

    return schemas(getattr(plugin, "protocol", None)), schemas(
        getattr(plugin, "secure_protocol", None)
    )


def describe_apprise_url(url: str) -> str:
    """Apprise's own privacy form of the URL (tokens and passwords masked), options left off."""
    private: str = load_apprise_url(url).url(privacy=True)  # type: ignore[no-untyped-call]
    return private.split("?", 1)[0]


class AppriseChannel:
    """Sends a message's subject and text through one Apprise service."""

    kind = "apprise"

    def __init__(self, url: str) -> None:
        self._service = load_apprise_url(url)
        self._schema = url.strip().split("://", 1)[0]

    def __repr__(self) -> str:
        return f"AppriseChannel({self._schema}://…)"

    def send(self, message: Message) -> None:
        import apprise

        notifier = apprise.Apprise(asset=_asset())
        notifier.add(self._service)
        try:
            result = notifier.notify(
                body=message.text, title=message.subject, body_format=apprise.NotifyFormat.TEXT
            )
        except Exception as exc:  # a plugin's bug is one failed delivery, not a crashed daemon
            raise DeliveryError(
                f"apprise notification via {self._schema}:// failed ({type(exc).__name__})"
            ) from None
        if not result:
            raise DeliveryError(f"apprise notification via {self._schema}:// failed")
