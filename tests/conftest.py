"""Shared fixtures: a fresh store per test, the fake service on loopback, the real data."""

from __future__ import annotations

import itertools
import os
import subprocess
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


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A throw-away server for the session; in CI its absence is a failure."""
    from tests.support.postgres import postgres_server

    try:
        with postgres_server() as url:
            yield url
    except (FileNotFoundError, subprocess.CalledProcessError) as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"cannot start PostgreSQL: {exc}")
        pytest.skip(f"PostgreSQL not available: {exc}")


_databases = itertools.count(1)


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Every store test runs on a real SQLite file and on a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'redwatch.sqlite'}"
    import psycopg

    server: str = request.getfixturevalue("postgres_url")
    name = f"redwatch_test_{os.getpid()}_{next(_databases)}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return server.rsplit("/", 1)[0] + f"/{name}"


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, db_url: str) -> Settings:
    monkeypatch.setenv("REDWATCH_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("REDWATCH_DB_URL", db_url)
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
