"""Webhooks: the alert as a JSON POST, signed so that a receiver can trust it and refuse replays.

The scheme is Stripe's: the sender signs ``f"{timestamp}.{body}"`` with HMAC-SHA256 and sends the
timestamp beside the signature; a receiver recomputes the signature and refuses old timestamps.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import random
import time
from collections.abc import Callable
from urllib.parse import urlsplit

import httpx

from redwatch.channels._base import Message, is_loopback
from redwatch.errors import DeliveryError, InputError

TIMESTAMP_HEADER = "X-Redwatch-Timestamp"
SIGNATURE_HEADER = "X-Redwatch-Signature"
MIN_SECRET_LENGTH = 16
DEFAULT_TOLERANCE_S = 300


def encode_payload(payload: object) -> bytes:
    """The exact bytes that are posted and signed (compact, key-sorted UTF-8 JSON)."""
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def sign(secret: str, timestamp: int | str, body: bytes | str) -> str:
    """``sha256=<hex>`` of HMAC-SHA256 over ``f"{timestamp}.{body}"``."""
    raw = body.encode() if isinstance(body, str) else body
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + raw, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def verify_signature(
    secret: str,
    timestamp: int | str,
    body: bytes | str,
    signature: str,
    tolerance_s: float = DEFAULT_TOLERANCE_S,
    *,
    now: float | None = None,
) -> bool:
    """Whether a received webhook is authentic and fresh.

    ``timestamp`` and ``signature`` are the values of the ``X-Redwatch-Timestamp`` and
    ``X-Redwatch-Signature`` headers, ``body`` the raw request body as received. A timestamp
    further than ``tolerance_s`` from now (either way) is refused, so a captured request cannot
    be replayed later.
    """
    text = str(timestamp).strip()
    if not text.isascii() or not text.isdigit():
        return False
    current = time.time() if now is None else now
    if abs(current - int(text)) > tolerance_s:
        return False
    return hmac.compare_digest(sign(secret, text, body), signature.strip())


class _MaskWebhookUrls(logging.Filter):
    """httpx logs each request's URL at INFO; a webhook's path and query often carry a token."""

    def __init__(self) -> None:
        super().__init__()
        self.masks: dict[str, str] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        if self.masks:
            message = record.getMessage()
            masked = message
            for url, mask in self.masks.items():
                masked = masked.replace(url, mask)
            if masked != message:
                record.msg, record.args = masked, None
        return True


_mask = _MaskWebhookUrls()
logging.getLogger("httpx").addFilter(_mask)


def validate_webhook_url(url: str) -> str:
    """The URL, if it is http(s) with a host; plain http only to this machine."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - urlsplit checks the port only when it is read
        httpx.URL(url)
    except (ValueError, httpx.InvalidURL):
        raise InputError("webhook URL is not a valid URL") from None
    if any(character.isspace() for character in url):
        raise InputError("webhook URL is not a valid URL (it contains a space)")
    if parts.scheme not in {"http", "https"} or not host:
        raise InputError("webhook URL must start with https:// and name a host")
    if parts.scheme == "http" and not is_loopback(host):
        raise InputError("webhook URL must use https:// (plain http:// only to 127.0.0.1)")
    return url


def validate_webhook_secret(secret: str) -> str:
    if len(secret) < MIN_SECRET_LENGTH:
        raise InputError(f"webhook secret must be at least {MIN_SECRET_LENGTH} characters")
    return secret


def describe_webhook_url(url: str) -> str:
    """Scheme, host and port only: paths and queries of webhooks often carry tokens."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    port = f":{parts.port}" if parts.port else ""
    rest = "/…" if parts.path.strip("/") or parts.query else ""
    return f"{parts.scheme}://{host}{port}{rest}"


class WebhookChannel:
    """POSTs ``message.payload`` as signed JSON; retries transient failures with backoff."""

    kind = "webhook"

    def __init__(
        self,
        url: str,
        secret: str,
        *,
        attempts: int = 4,
        backoff: float = 1.0,
        timeout: float = 15.0,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.time,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.url = validate_webhook_url(url)
        self._secret = validate_webhook_secret(secret)
        self.attempts = max(1, attempts)
        self.backoff = backoff
        self.timeout = timeout
        self._sleep = sleep
        self._clock = clock
        self._transport = transport
        self._where = describe_webhook_url(url)
        _mask.masks[str(httpx.URL(url))] = self._where

    def __repr__(self) -> str:
        return f"WebhookChannel({self._where!r})"

    def send(self, message: Message) -> None:
        body = encode_payload(message.payload)
        reason = ""
        with httpx.Client(
            timeout=self.timeout, transport=self._transport, follow_redirects=False
        ) as client:
            for attempt in range(1, self.attempts + 1):
                timestamp = str(int(self._clock()))
                headers = {
                    "Content-Type": "application/json; charset=utf-8",
                    "User-Agent": "redwatch",
                    TIMESTAMP_HEADER: timestamp,
                    SIGNATURE_HEADER: sign(self._secret, timestamp, body),
                }
                wait_at_least = 0.0
                try:
                    response = client.post(self.url, content=body, headers=headers)
                except httpx.TimeoutException:
                    reason = "timed out"
                except httpx.TransportError as exc:
                    reason = f"cannot connect ({type(exc).__name__})"
                else:
                    status = response.status_code
                    if 200 <= status < 300:
                        return
                    if status != 429 and status < 500:
                        raise DeliveryError(
                            f"webhook {self._where} refused the alert: HTTP {status}",
                            permanent=True,
                        )
                    reason = f"HTTP {status}"
                    wait_at_least = _retry_after(response)
                if attempt < self.attempts:
                    delay = min(60.0, self.backoff * 2 ** (attempt - 1))
                    self._sleep(max(wait_at_least, delay * random.uniform(0.5, 1.5)))
        raise DeliveryError(
            f"webhook {self._where} failed after {self.attempts} attempts: {reason}"
        )


def _retry_after(response: httpx.Response) -> float:
    """A numeric Retry-After (seconds), capped at a minute; dates and junk count as none."""
    raw = response.headers.get("Retry-After", "").strip()
    return min(60.0, float(raw)) if raw.isdigit() else 0.0
