"""Fixtures for the fake INTERPOL service: corpora, running servers and the real data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from redwatch.fake import FakeInterpol, FaultConfig, create_app, generate_corpus, serve
from tests.fake.fake_helpers import TODAY, Running, interpol_data_dir


@pytest.fixture(scope="session")
def interpol_data() -> Path:
    return interpol_data_dir()


@pytest.fixture(scope="session")
def corpus() -> list[dict[str, Any]]:
    """The default generated corpus (7,000 notices), with ages on a fixed day."""
    return generate_corpus(today=TODAY)


@pytest.fixture(scope="session")
def shared_url(corpus: list[dict[str, Any]]) -> Iterator[str]:
    """A server over the default corpus, for tests that only read."""
    service = FakeInterpol(corpus, today=TODAY)
    with serve(create_app(service)) as url:
        yield url


@pytest.fixture
def client(shared_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=shared_url, timeout=10) as http:
        yield http


@pytest.fixture(scope="session")
def _private_server() -> Iterator[tuple[FakeInterpol, FastAPI, str]]:
    service = FakeInterpol(today=TODAY)
    app = create_app(service, FaultConfig())
    with serve(app) as url:
        yield service, app, url


@pytest.fixture
def running(_private_server: tuple[FakeInterpol, FastAPI, str]) -> Iterator[Running]:
    """A server of its own for a test that changes notices, faults or the day.

    One server is reused (starting one per test costs more than the tests), reset to empty,
    fault-free, on TODAY, with zeroed counters before each test.
    """
    service, app, url = _private_server
    service.clear()
    service.reset_stats()
    service.today = TODAY
    app.state.faults.replace(FaultConfig())
    server = Running(service, url)
    try:
        yield server
    finally:
        server.http.close()
