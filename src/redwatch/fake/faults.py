"""Faults the fake injects, as the real service's CDN and backend produce them.

The real service sits behind a bot filter that answers some requests with a short 403 page,
sometimes rate-limits or fails with 5xx, is slow at times, and connections can be cut off
mid-body. A crawler has to survive all of these; the fake produces them at configured rates,
reproducibly for a seed. Faults never apply to the ``/_fake/`` test hooks.
"""

from __future__ import annotations

import asyncio
import json
import random
import re
import threading
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field, model_validator
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from redwatch.fake.service import FakeInterpol

HOOK_PREFIX = "/_fake/"
FORBIDDEN_BODY_SIZE = 315

_KIND_PATTERNS = (
    ("list", re.compile(r"^/notices/v1/(red|yellow|un)/?$")),
    ("detail", re.compile(r"^/notices/v1/red/[^/]+/?$")),
    ("images", re.compile(r"^/notices/v1/red/[^/]+/images/?$")),
    ("picture", re.compile(r"^/notices/v1/red/[^/]+/images/[^/]+$")),
    ("countries", re.compile(r"^/en/notices/data/countries/?$")),
)


class FaultConfig(BaseModel):
    """Per-request fault probabilities (0..1) and the seed of their random sequence.

    An error (403, 429 or 5xx) replaces the answer; ``slow`` delays any answer by
    ``slow_seconds``; ``truncate`` cuts a 200 JSON body in the middle (the status stays 200).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    fault_403: float = Field(0.0, ge=0.0, le=1.0, description="bot-filter 403 with a short page")
    fault_429: float = Field(0.0, ge=0.0, le=1.0, description="429 Too Many Requests")
    fault_5xx: float = Field(0.0, ge=0.0, le=1.0, description="500, 502 or 503")
    slow: float = Field(0.0, ge=0.0, le=1.0, description="answer after slow_seconds")
    slow_seconds: float = Field(1.0, ge=0.0, le=600.0)
    truncate: float = Field(0.0, ge=0.0, le=1.0, description="cut a 200 JSON body in half")
    seed: int = 0

    @model_validator(mode="after")
    def _errors_fit(self) -> FaultConfig:
        if self.fault_403 + self.fault_429 + self.fault_5xx > 1.0:
            raise ValueError("fault_403 + fault_429 + fault_5xx must not exceed 1")
        return self

    @property
    def active(self) -> bool:
        return any((self.fault_403, self.fault_429, self.fault_5xx, self.slow, self.truncate))


@dataclass(frozen=True)
class Fault:
    """What to do to one request."""

    status: int | None = None
    delay: float = 0.0
    truncate: bool = False
    reference: int = 0


class FaultInjector:
    """Draws a fault per request from the configured rates; thread-safe and replaceable."""

    def __init__(self, config: FaultConfig | None = None) -> None:
        self._lock = threading.Lock()
        self.replace(config or FaultConfig())

    @property
    def config(self) -> FaultConfig:
        return self._config

    def replace(self, config: FaultConfig) -> None:
        """New rates, and a random sequence restarted from the new seed."""
        with self._lock:
            self._config = config
            self._rng = random.Random(config.seed)

    def decide(self) -> Fault:
        with self._lock:
            config = self._config
            # Always draw the same count, so the sequence depends on the seed alone.
            error, slow, truncate, which, reference = (self._rng.random() for _ in range(5))
        status: int | None = None
        if error < config.fault_403:
            status = 403
        elif error < config.fault_403 + config.fault_429:
            status = 429
        elif error < config.fault_403 + config.fault_429 + config.fault_5xx:
            status = (500, 502, 503)[int(which * 3)]
        return Fault(
            status=status,
            delay=config.slow_seconds if slow < config.slow else 0.0,
            truncate=truncate < config.truncate,
            reference=int(reference * 2**64),
        )


def request_kind(path: str) -> str | None:
    """The counter a request path belongs to, or None for anything else."""
    for kind, pattern in _KIND_PATTERNS:
        if pattern.match(path):
            return kind
    return None


def forbidden_body(reference: int) -> bytes:
    """An Akamai-style 'Access Denied' page of the real 315 bytes."""
    head = (
        "<HTML><HEAD>\n<TITLE>Access Denied</TITLE>\n</HEAD><BODY>\n<H1>Access Denied</H1>\n \n"
        "You don't have permission to access "
        '"http&#58;&#47;&#47;ws&#45;public&#46;interpol&#46;int&#47;notices&#47;v1&#47;red&#63;"'
        " on this server.<P>\nReference&#32;&#35;18&#46;"
    )
    tail = "\n</BODY>\n</HTML>\n"
    server, stamp, request = reference & 0xFFFFFFFF, (reference >> 32) % 10**10, reference >> 8
    ref = f"{server:08x}&#46;{stamp:010d}&#46;"
    width = max(8, FORBIDDEN_BODY_SIZE - len(head) - len(tail) - len(ref))
    return (head + ref + f"{request:064x}"[-width:] + tail).encode()


def error_response_parts(status: int, reference: int) -> tuple[bytes, bytes]:
    """(body, content type) of an injected error."""
    if status == 403:
        return forbidden_body(reference), b"text/html"
    if status == 500:
        body = {"status": 500, "name": "InternalServerError", "message": "Internal Server Error"}
        return json.dumps(body, separators=(",", ":")).encode(), b"application/json"
    titles = {429: "Too Many Requests", 502: "Bad Gateway", 503: "Service Unavailable"}
    title = f"{status} {titles.get(status, 'Error')}"
    page = f"<html><head><title>{title}</title></head><body><h1>{title}</h1></body></html>\n"
    return page.encode(), b"text/html"


class FaultMiddleware:
    """Counts requests by kind and injects the faults the injector draws."""

    def __init__(self, app: ASGIApp, injector: FaultInjector, service: FakeInterpol) -> None:
        self.app = app
        self.injector = injector
        self.service = service

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith(HOOK_PREFIX):
            await self.app(scope, receive, send)
            return
        kind = request_kind(scope["path"])
        if kind is not None:
            self.service.count(kind)
        fault = self.injector.decide()
        if fault.delay:
            self.service.count("slow")
            await asyncio.sleep(fault.delay)
        if fault.status is not None:
            self.service.count(f"fault_{fault.status}")
            body, content_type = error_response_parts(fault.status, fault.reference)
            await _send_whole(send, fault.status, [(b"content-type", content_type)], body)
            return
        if not fault.truncate:
            await self.app(scope, receive, send)
            return
        await self._truncated(scope, receive, send)

    async def _truncated(self, scope: Scope, receive: Receive, send: Send) -> None:
        start: Message | None = None
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            else:
                await send(message)

        await self.app(scope, receive, capture)
        if start is None:
            return
        body = b"".join(chunks)
        headers = [
            (key, value)
            for key, value in start.get("headers", [])
            if key.lower() != b"content-length"
        ]
        content_type = dict(headers).get(b"content-type", b"")
        if start["status"] == 200 and b"json" in content_type and len(body) > 1:
            self.service.count("truncated")
            body = body[: len(body) // 2]
        await _send_whole(send, start["status"], headers, body)


async def _send_whole(
    send: Send, status: int, headers: list[tuple[bytes, bytes]], body: bytes
) -> None:
    headers = [*headers, (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
