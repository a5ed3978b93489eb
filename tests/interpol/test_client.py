"""The client against the fake over loopback: endpoints, headers, politeness, impersonation."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from redwatch.fake import FakeInterpol, create_app, generate_corpus, serve
from redwatch.interpol.client import InterpolClient, RateLimiter
from redwatch.interpol.models import ImagesResponse, ListResponse, NoticeDetail
from redwatch.interpol.query import ListQuery
from redwatch.settings import Settings, load_settings
from tests.conftest import point_at


@pytest.fixture
def plain_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("REDWATCH_HOME", str(tmp_path))
    return load_settings()


def test_rate_limiter_spaces_requests() -> None:
    now = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    limiter = RateLimiter(4, clock=lambda: now[0], sleep=sleep)
    for _ in range(5):
        limiter.wait()
    assert slept == [0.25, 0.25, 0.25, 0.25]
    unlimited = RateLimiter(0, clock=lambda: now[0], sleep=sleep)
    unlimited.wait()
    assert len(slept) == 4


@pytest.mark.parametrize("impersonate", ["", "chrome"])
def test_every_endpoint_over_loopback(plain_settings: Settings, impersonate: str) -> None:
    service = FakeInterpol(generate_corpus(size=200, seed=11))
    with serve(create_app(service)) as base_url:
        settings = replace(point_at(plain_settings, base_url), impersonate=impersonate)
        with InterpolClient(settings) as client:
            listing = ListResponse.model_validate(client.list_notices(ListQuery(sex="F")))
            assert 0 < listing.total == len(listing.embedded.notices)
            entity_id = listing.embedded.notices[0]["entity_id"]
            raw = client.notice(entity_id)
            assert raw is not None
            assert NoticeDetail.model_validate(raw).sex_id == "F"
            images = client.images(entity_id)
            assert images is not None
            for image in ImagesResponse.model_validate(images).embedded.images:
                picture = client.picture(entity_id, image.picture_id)
                assert picture is not None
                assert picture[:2] == b"\xff\xd8"
            assert client.notice("1999/123456") is None
            countries = client.countries()
            assert {"RU", "UA", "914", "UNK"} <= set(countries)
            assert client.requests["list"] == 1


def test_browser_headers_are_sent(plain_settings: Settings) -> None:
    import httpx

    seen: dict[str, str] = {}

    def handler(request: httpx.Request) -> httpx.Response:
        seen.update(request.headers)
        return httpx.Response(200, json={"total": 0, "query": {}, "_embedded": {"notices": []}})

    settings = replace(plain_settings, extra_headers={"x-extra": "1"}, rate=0)
    mock = httpx.MockTransport(handler)
    with InterpolClient(settings, httpx_transport=mock) as client:
        client.list_notices(ListQuery())
    assert seen["origin"] == "https://www.interpol.int"
    assert seen["sec-fetch-mode"] == "cors"
    assert seen["x-extra"] == "1"
    assert "Chrome" in seen["user-agent"]
