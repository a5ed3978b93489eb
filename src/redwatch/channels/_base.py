"""What every channel shares: the message, the protocol, and the rules for errors.

A channel's error message is one line that names the kind, the destination's host and what
went wrong. It never quotes the message, a server's reply or a secret: servers echo what they
were sent, and a watched name must never reach a log through an error.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True)
class Message:
    """One alert as it leaves redwatch: a one-line subject, a plain body, and the alert as data."""

    subject: str
    text: str
    payload: dict[str, Any]

    def __post_init__(self) -> None:
        if "\n" in self.subject or "\r" in self.subject:
            raise ValueError("a message subject is one line")


class Channel(Protocol):
    """Somewhere alerts go. ``send`` returns when the message was accepted, else raises."""

    kind: str

    def send(self, message: Message) -> None:
        """Deliver one message or raise :class:`redwatch.errors.DeliveryError`."""
        ...


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this machine (the only place plain-text delivery is allowed)."""
    if host.lower() in {"localhost", "localhost.localdomain"}:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
