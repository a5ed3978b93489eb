"""A store with a few notices, and the watch service over it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from redwatch.settings import Settings
from redwatch.store.engine import open_engine
from redwatch.store.repository import Incoming, Repository
from redwatch.watch import WatchService

NoticeFactory = Callable[..., dict[str, Any]]


def notice(
    entity_id: str, name: str, forename: str, dob: str | None, **extra: Any
) -> dict[str, Any]:
    return {
        "entity_id": entity_id,
        "name": name,
        "forename": forename,
        "date_of_birth": dob,
        "nationalities": extra.pop("nationalities", ["UA"]),
        **extra,
    }


FIRST_DETAIL = {"arrest_warrants": [{"issuing_country_id": "RU", "charge": "Art. 208"}]}


def put(repo: Repository, fields: dict[str, Any], detail: dict[str, Any] | None = None) -> None:
    """Store a notice as a sync would: list fields, and its detail (a default one at first)."""
    if detail is None and repo.get(fields["entity_id"]) is None:
        detail = {**fields, **FIRST_DETAIL}
    elif detail is not None:
        detail = {**fields, **detail}
    repo.apply(Incoming(fields["entity_id"], fields, None, detail_fields=detail), sync_id=None)


@pytest.fixture
def repo(settings: Settings) -> Repository:
    repository = Repository(open_engine(settings.db_url))
    put(repository, notice("2019/1001", "DZHEMILEV", "MUSTAFA", "1943/11/13"))
    put(repository, notice("2019/1002", "KAIBULLAEV", "RUSLAN", "1985/03/02"))
    put(repository, notice("2019/1003", "IVANOV", "PETR", "1970/01/01", nationalities=["RU"]))
    return repository


@pytest.fixture
def service(settings: Settings, repo: Repository) -> WatchService:
    return WatchService.open(settings, repo)
