"""A real HTTP receiver in a thread, for webhook and Apprise (``json://``) tests.

    with http_receiver(statuses=[500, 200]) as receiver:
        ...post to receiver.url...
        receiver.requests[0].headers["X-Redwatch-Signature"]

Each request is answered with the next status of ``statuses``, then with ``default_status``.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: httpx.Headers  # case-insensitive, as HTTP headers are
    body: bytes


@dataclass
class Receiver:
    url: str
    requests: list[Request] = field(default_factory=list)
    statuses: deque[int] = field(default_factory=deque)
    default_status: int = 200
    extra_headers: dict[str, str] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def next_status(self, request: Request) -> int:
        with self.lock:
            self.requests.append(request)
            return self.statuses.popleft() if self.statuses else self.default_status


class _Handler(BaseHTTPRequestHandler):
    receiver: Receiver

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        request = Request(
            method=self.command,
            path=self.path,
            headers=httpx.Headers(list(self.headers.items())),
            body=body,
        )
        status = self.receiver.next_status(request)
        reply = b"{}" if status < 400 else b'{"error": "scripted failure"}'
        self.send_response(status)
        for key, value in self.receiver.extra_headers.items():
            self.send_header(key, value)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    do_POST = do_GET = do_PUT = _answer

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: tests read ``receiver.requests`` instead."""


@contextmanager
def http_receiver(
    statuses: Iterable[int] = (),
    *,
    default_status: int = 200,
    headers: dict[str, str] | None = None,
    port: int = 0,
) -> Iterator[Receiver]:
    """Serve on 127.0.0.1 (a free port unless given) until the block ends.

    ``receiver.url`` ends in ``/hook``; any path is answered.
    """
    receiver = Receiver(
        url="",
        statuses=deque(statuses),
        default_status=default_status,
        extra_headers=dict(headers or {}),
    )
    handler = type("Handler", (_Handler,), {"receiver": receiver})
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    receiver.url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
