"""HTTP client for the notices service: browser-like, polite, patient, and honest when refused.

Only public list/detail/image endpoints are ever called. No watched name is ever sent: the
enumeration sends ages, country codes, sex and short name fragments taken from the public
list's own answers.
"""

from __future__ import annotations

import json
import random
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import httpx
import structlog

from redwatch.errors import ServiceError, ServiceRefusedError
from redwatch.interpol.models import entity_id_to_path
from redwatch.interpol.query import CAP, ListQuery
from redwatch.settings import Settings

log = structlog.get_logger(__name__)

RETRY_STATUSES = frozenset({403, 413, 429, 500, 502, 503, 504})


def browser_headers(user_agent: str) -> dict[str, str]:
    """The headers a browser on www.interpol.int sends to the service."""
    return {
        "accept": "application/json, text/plain, */*",
        "accept-language": "en-GB,en;q=0.9",
        "origin": "https://www.interpol.int",
        "referer": "https://www.interpol.int/",
        "sec-fetch-mode": "cors",
        "sec-fetch-site": "same-site",
        "sec-fetch-dest": "empty",
        "sec-ch-ua": '"Chromium";v="142", "Google Chrome";v="142", "Not_A Brand";v="99"',
        "sec-ch-ua-mobile": "?0",
        "sec-ch-ua-platform": '"Windows"',
        "user-agent": user_agent,
    }


@dataclass(frozen=True)
class RawResponse:
    status: int
    content: bytes


class Transport(Protocol):
    def get(self, url: str, params: dict[str, str] | None) -> RawResponse: ...

    def close(self) -> None: ...


class HttpxTransport:
    def __init__(
        self,
        headers: dict[str, str],
        timeout: float,
        proxy: str | None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._client = httpx.Client(
            headers=headers,
            timeout=timeout,
            proxy=proxy or None,
            follow_redirects=True,
            transport=transport,
        )

    def get(self, url: str, params: dict[str, str] | None) -> RawResponse:
        response = self._client.get(url, params=params)
        return RawResponse(response.status_code, response.content)

    def close(self) -> None:
        self._client.close()


class CurlTransport:
    """Browser TLS impersonation (curl_cffi), for a bot filter that keys on the TLS handshake."""

    def __init__(
        self, headers: dict[str, str], timeout: float, proxy: str | None, impersonate: str
    ) -> None:
        from curl_cffi import requests as curl_requests

        self._session: Any = curl_requests.Session(
            headers=headers,
            timeout=timeout,
            impersonate=impersonate,
            proxies={"http": proxy, "https": proxy} if proxy else None,
        )

    def get(self, url: str, params: dict[str, str] | None) -> RawResponse:
        try:
            response = self._session.get(url, params=params)
        except Exception as exc:  # curl_cffi raises its own hierarchy; normalise it
            raise httpx.TransportError(str(exc)) from exc
        return RawResponse(int(response.status_code), bytes(response.content))

    def close(self) -> None:
        self._session.close()


class RateLimiter:
    """At most ``rate`` requests per second across threads; 0 means unlimited."""

    def __init__(
        self,
        rate: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._interval = 1.0 / rate if rate > 0 else 0.0
        self._next = 0.0
        self._lock = threading.Lock()
        self._clock = clock
        self._sleep = sleep

    def wait(self) -> None:
        if not self._interval:
            return
        with self._lock:
            now = self._clock()
            start = max(now, self._next)
            self._next = start + self._interval
        if start > now:
            self._sleep(start - now)


class MalformedResponse(ServiceError):
    """The service answered 200 with a body that is not the JSON it should be."""

    def __init__(self, url: str, content: bytes) -> None:
        super().__init__(f"malformed response from {url}")
        self.url = url
        self.content = content


class InterpolClient:
    def __init__(
        self,
        settings: Settings,
        *,
        transport: Transport | None = None,
        httpx_transport: httpx.BaseTransport | None = None,
        sleep: Any = time.sleep,
    ) -> None:
        """``httpx_transport`` swaps the network for e.g. ``httpx.MockTransport`` in tests."""
        self.base_url = settings.interpol_url.rstrip("/")
        self.countries_url = settings.countries_url
        self._retries = settings.retries
        self._backoff = settings.backoff
        self._sleep = sleep
        self._limiter = RateLimiter(settings.rate)
        headers = browser_headers(settings.user_agent) | settings.extra_headers
        if transport is not None:
            self._transport = transport
        elif settings.impersonate:
            self._transport = CurlTransport(
                headers, settings.timeout, settings.proxy, settings.impersonate
            )
        else:
            self._transport = HttpxTransport(
                headers, settings.timeout, settings.proxy, httpx_transport
            )
        self.requests: Counter[str] = Counter()
        self.retried = 0

    def close(self) -> None:
        self._transport.close()

    def __enter__(self) -> InterpolClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- endpoints -------------------------------------------------------------------
    def list_notices(self, query: ListQuery) -> dict[str, Any]:
        params = query.params() | {"resultPerPage": str(CAP), "page": "1"}
        return self._object("list", f"{self.base_url}/notices/v1/red", params) or {}

    def notice(self, entity_id: str) -> dict[str, Any] | None:
        """The detail object, or None when the service says the notice does not exist."""
        url = f"{self.base_url}/notices/v1/red/{entity_id_to_path(entity_id)}"
        return self._object("detail", url, None)

    def images(self, entity_id: str) -> dict[str, Any] | None:
        url = f"{self.base_url}/notices/v1/red/{entity_id_to_path(entity_id)}/images"
        return self._object("images", url, None)

    def picture(self, entity_id: str, picture_id: str) -> bytes | None:
        url = f"{self.base_url}/notices/v1/red/{entity_id_to_path(entity_id)}/images/{picture_id}"
        response = self._get("picture", url, None, allow_404=True)
        return None if response.status == 404 else response.content

    def countries(self) -> list[str]:
        """Codes accepted by the warrant-country and nationality filters."""
        data = self._json("countries", self.countries_url, None)
        if not isinstance(data, list):
            raise MalformedResponse(self.countries_url, json.dumps(data).encode())
        codes = [
            str(item["value"]) for item in data if isinstance(item, dict) and item.get("value")
        ]
        return sorted(set(codes))

    # -- plumbing --------------------------------------------------------------------
    def _object(self, kind: str, url: str, params: dict[str, str] | None) -> dict[str, Any] | None:
        data = self._json(kind, url, params, allow_404=True)
        if data is None or isinstance(data, dict):
            return data
        raise MalformedResponse(url, json.dumps(data).encode())

    def _json(
        self, kind: str, url: str, params: dict[str, str] | None, *, allow_404: bool = False
    ) -> Any:
        # A truncated body is retried like a refusal: the next answer is usually whole.
        last: MalformedResponse | None = None
        for _ in range(self._retries):
            response = self._get(kind, url, params, allow_404=allow_404)
            if response.status == 404:
                return None
            try:
                return json.loads(response.content)
            except (json.JSONDecodeError, UnicodeDecodeError):
                last = MalformedResponse(url, response.content)
                self.retried += 1
                log.warning("malformed_response", kind=kind, size=len(response.content))
        assert last is not None
        raise last

    def _get(
        self, kind: str, url: str, params: dict[str, str] | None, *, allow_404: bool = False
    ) -> RawResponse:
        statuses: Counter[str] = Counter()
        for attempt in range(self._retries):
            if attempt:
                self.retried += 1
                delay = self._backoff * (2 ** (attempt - 1))
                self._sleep(min(60.0, delay) * random.uniform(0.5, 1.5))
            self._limiter.wait()
            self.requests[kind] += 1
            try:
                response = self._transport.get(url, params)
            except httpx.TransportError as exc:
                statuses[type(exc).__name__] += 1
                log.info("request_failed", kind=kind, error=type(exc).__name__, attempt=attempt)
                continue
            if response.status == 200 or (allow_404 and response.status == 404):
                return response
            statuses[str(response.status)] += 1
            log.info("request_refused", kind=kind, status=response.status, attempt=attempt)
            if response.status not in RETRY_STATUSES:
                raise ServiceError(f"{url} answered HTTP {response.status}")
        raise _refused(self.base_url, self._retries, statuses)


def _refused(base_url: str, attempts: int, statuses: Counter[str]) -> ServiceError:
    seen = ", ".join(f"{status} ×{count}" for status, count in statuses.most_common())
    hint = (
        "retry later, set REDWATCH_INTERPOL_IMPERSONATE=chrome (browser TLS), "
        "use REDWATCH_INTERPOL_PROXY, or load a snapshot with `redwatch import`"
    )
    if statuses.keys() & {"403", "429"}:
        return ServiceRefusedError(
            f"{base_url} kept refusing after {attempts} attempts ({seen}); {hint}"
        )
    return ServiceError(f"{base_url} failed {attempts} attempts in a row ({seen}); {hint}")
