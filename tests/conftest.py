"""Shared fixtures: a fresh store per test, the fake service on loopback, the real data."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from redwatch.settings import Settings, countries_url_for, load_settings

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "interpol"


def shared_data() -> Path:
    """The real INTERPOL responses; in CI their absence is a failure, elsewhere a skip."""
    if not SHARED.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"real INTERPOL data missing at {SHARED}")
        pytest.skip("real INTERPOL data (../shared) not present")
    return SHARED


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("REDWATCH_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("REDWATCH_DB_URL", raising=False)
    return load_settings()


def point_at(settings: Settings, base_url: str) -> Settings:
    return replace(
        settings,
        interpol_url=base_url,
        countries_url=countries_url_for(base_url),
        rate=0,
        backoff=0.01,
        retries=8,
        timeout=10,
    )


@pytest.fixture
def small_fake() -> Iterator[tuple[str, object]]:
    from redwatch.fake import FakeInterpol, create_app, generate_corpus, serve

    service = FakeInterpol(generate_corpus(size=1200, seed=3))
    with serve(create_app(service)) as base_url:
        yield base_url, service
