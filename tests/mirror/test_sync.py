"""Sync against the fake service over real loopback HTTP, into a real SQLite file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from redwatch.fake import FakeInterpol, FaultConfig, create_app, generate_corpus, serve
from redwatch.interpol.client import InterpolClient
from redwatch.mirror.importer import import_paths
from redwatch.mirror.sync import Syncer
from redwatch.settings import Settings
from redwatch.store.engine import open_engine
from redwatch.store.repository import Repository
from tests.conftest import point_at


def run_sync(settings: Settings, base_url: str, **kwargs: Any) -> Any:
    repo = Repository(open_engine(settings.db_url))
    with InterpolClient(point_at(settings, base_url)) as client:
        return Syncer(repo, client, **kwargs).run(), repo


def test_full_sync_is_complete_and_second_run_changes_nothing(
    settings: Settings, small_fake: tuple[str, FakeInterpol]
) -> None:
    base_url, service = small_fake
    summary, repo = run_sync(settings, base_url)
    assert summary.complete
    assert summary.notices == len(service) == summary.new
    assert summary.detail_requests == len(service)
    again, _ = run_sync(settings, base_url)
    assert again.complete
    assert (again.new, again.changed, again.removed, again.detail_requests) == (0, 0, 0, 0)
    assert repo.counts()["events"] == len(service)


def test_changes_and_removals_become_versions_and_events(
    settings: Settings, small_fake: tuple[str, FakeInterpol]
) -> None:
    base_url, service = small_fake
    _, repo = run_sync(settings, base_url)
    ids = sorted(service.entity_ids())
    changed = service.get(ids[0])
    assert changed is not None
    changed["arrest_warrants"] = [
        {"charge": "New charge", "issuing_country_id": "RU", "charge_translation": None}
    ]
    service.upsert(changed)
    renamed = service.get(ids[1])
    assert renamed is not None
    renamed["name"] = "RENAMEDOV"
    service.upsert(renamed)
    service.remove(ids[2])
    before = repo.counts()["events"]
    summary, _ = run_sync(settings, base_url)
    assert summary.complete
    # A list-level change triggers a detail fetch; a detail-only change waits for max age.
    assert summary.changed == 1
    assert summary.removed == 1
    assert summary.detail_requests == 1
    kinds = [e["kind"] for e in repo.events_since(0)][before:]
    assert sorted(kinds) == ["changed", "removed"]
    history = repo.history(ids[1])
    assert [h["kind"] for h in history] == ["new", "changed"]
    assert history[1]["changes"]["name"][1] == "RENAMEDOV"
    row = repo.get(ids[2])
    assert row is not None
    assert row["status"] == "removed"


def test_stale_details_are_refetched(
    settings: Settings, small_fake: tuple[str, FakeInterpol]
) -> None:
    import datetime as dt

    base_url, service = small_fake
    run_sync(settings, base_url)
    entity_id = sorted(service.entity_ids())[0]
    changed = service.get(entity_id)
    assert changed is not None
    changed["place_of_birth"] = "SIMFEROPOL"
    service.upsert(changed)
    summary, _ = run_sync(settings, base_url, detail_max_age=dt.timedelta(0))
    assert summary.detail_requests == len(service)
    assert summary.changed == 1


def test_sync_through_faults_is_complete(settings: Settings) -> None:
    service = FakeInterpol(generate_corpus(size=600, seed=5))
    faults = FaultConfig(fault_403=0.15, fault_429=0.05, fault_5xx=0.05, truncate=0.05, seed=1)
    with serve(create_app(service, faults)) as base_url:
        summary, repo = run_sync(settings, base_url)
    assert summary.complete, summary.message
    assert summary.notices == 600
    assert summary.retries > 0
    assert repo.counts()["active"] == 600


def test_interrupted_sync_resumes_without_refetching(
    settings: Settings, small_fake: tuple[str, FakeInterpol]
) -> None:
    base_url, service = small_fake
    repo = Repository(open_engine(settings.db_url))

    class Boom(Exception):
        pass

    calls = {"n": 0}

    def explode(stage: str, done: int, total: int | None) -> None:
        if stage == "details" and done == 300:
            raise Boom

    with InterpolClient(point_at(settings, base_url)) as client, pytest.raises(Boom):
        Syncer(repo, client, progress=explode).run()
    stored = repo.counts()["active"]
    assert 0 < stored < len(service)
    service.reset_stats()
    with InterpolClient(point_at(settings, base_url)) as client:
        summary = Syncer(repo, client).run()
    calls["n"] = service.stats()["list"]
    assert summary.resumed
    assert summary.complete
    assert summary.list_requests == 0 == calls["n"]
    assert summary.detail_requests == len(service) - stored
    assert repo.counts()["active"] == len(service)
    assert repo.counts()["events"] == len(service)


def test_service_that_keeps_refusing_gives_clear_error(settings: Settings) -> None:
    from redwatch.errors import ServiceRefusedError

    service = FakeInterpol(generate_corpus(size=50, seed=1))
    with serve(create_app(service, FaultConfig(fault_403=1.0))) as base_url:
        repo = Repository(open_engine(settings.db_url))
        local = point_at(settings, base_url)
        with InterpolClient(local) as client, pytest.raises(ServiceRefusedError) as info:
            Syncer(repo, client).run()
    message = str(info.value)
    assert "403" in message
    assert "REDWATCH_INTERPOL_IMPERSONATE" in message
    assert "redwatch import" in message


def test_import_goes_through_the_same_path(settings: Settings, tmp_path: Path) -> None:
    corpus = generate_corpus(size=30, seed=9)
    jsonl = tmp_path / "details.jsonl"
    jsonl.write_text("\n".join(json.dumps(n) for n in corpus) + "\n")
    listing = tmp_path / "list.json"
    items = [
        {k: n[k] for k in ("entity_id", "name", "forename", "date_of_birth", "nationalities")}
        for n in corpus[:5]
    ]
    listing.write_text(json.dumps({"total": 5, "query": {}, "_embedded": {"notices": items}}))
    repo = Repository(open_engine(settings.db_url))
    summary = import_paths(repo, [jsonl, listing])
    assert summary.notices == 30
    assert summary.new == 30
    again = import_paths(repo, [jsonl])
    assert again.unchanged == 30
    row = repo.get(corpus[0]["entity_id"])
    assert row is not None
    assert row["detail_fields"]["arrest_warrants"] == corpus[0].get("arrest_warrants", [])


def test_import_of_real_details(settings: Settings) -> None:
    from tests.conftest import shared_data

    repo = Repository(open_engine(settings.db_url))
    summary = import_paths(repo, [shared_data() / "details-2023-11.jsonl"])
    assert summary.notices == 1442
    assert summary.quarantined == 0
    assert len(list(repo.list_notices(issuer="RU"))) == 724
