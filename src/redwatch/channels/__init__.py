"""Where alerts go: e-mail, any Apprise service, or a signed webhook.

Build a channel from its stored configuration with :func:`channel_from_config` and call
``send``; every failure is a one-line :class:`DeliveryError` that names no person and no
secret. Retrying and recording failures is the caller's business (the outbox); only the
webhook retries on its own, within one ``send``, because HTTP gives it a clear signal.
"""

from __future__ import annotations

from redwatch.channels._apprise import AppriseChannel
from redwatch.channels._base import Channel, Message
from redwatch.channels._config import KINDS, channel_from_config, describe_config
from redwatch.channels._email import EmailChannel
from redwatch.channels._webhook import (
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    WebhookChannel,
    sign,
    verify_signature,
)
from redwatch.errors import DeliveryError

__all__ = [
    "KINDS",
    "SIGNATURE_HEADER",
    "TIMESTAMP_HEADER",
    "AppriseChannel",
    "Channel",
    "DeliveryError",
    "EmailChannel",
    "Message",
    "WebhookChannel",
    "channel_from_config",
    "describe_config",
    "sign",
    "verify_signature",
]
