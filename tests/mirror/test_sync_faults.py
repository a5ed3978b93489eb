"""Killed, drifting and picture-storing syncs."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from redwatch.fake import FakeInterpol, create_app, generate_corpus, serve
from redwatch.interpol.client import InterpolClient
from redwatch.mirror.sync import Syncer
from redwatch.settings import Settings
from redwatch.store.engine import open_engine
from redwatch.store.repository import Repository
from tests.conftest import point_at


def _sync_process(home: Path, base_url: str, db_url: str) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "REDWATCH_HOME": str(home),
        "REDWATCH_DB_URL": db_url,
        "REDWATCH_INTERPOL_URL": base_url,
        "REDWATCH_INTERPOL_RATE": "150",
    }
    return subprocess.Popen(
        [sys.executable, "-c", "from redwatch.cli import main; main()", "sync", "--json"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_sigkilled_sync_resumes_and_ends_consistent(settings: Settings, tmp_path: Path) -> None:
    service = FakeInterpol(generate_corpus(size=800, seed=4))
    repo = Repository(open_engine(settings.db_url))
    with serve(create_app(service)) as base_url:
        process = _sync_process(tmp_path, base_url, settings.db_url)
        deadline = time.monotonic() + 120
        while repo.counts()["active"] < 100 and time.monotonic() < deadline:
            time.sleep(0.2)
        process.send_signal(signal.SIGKILL)
        process.communicate()  # reaps it and closes its pipes
        stored = repo.counts()
        assert 0 < stored["active"] < 800
        # Every stored notice has exactly its one "new" event: nothing half-written.
        assert stored["events"] == stored["active"]
        lists_before = service.stats()["list"]
        process = _sync_process(tmp_path, base_url, settings.db_url)
        out, errors = process.communicate(timeout=300)
    assert process.returncode == 0, errors
    summary = json.loads(out.strip().splitlines()[-1])
    assert summary["complete"] is True
    assert summary["resumed"] is True
    assert summary["detail_requests"] == 800 - stored["active"]
    assert service.stats()["list"] - lists_before == summary["list_requests"]
    assert repo.counts() == {"active": 800, "removed": 0, "events": 800}


def test_drifting_item_is_quarantined_and_sync_is_partial(settings: Settings) -> None:
    corpus = generate_corpus(size=400, seed=6)
    corpus[0]["date_of_birth"] = "born in May"  # drift: the service changed a format
    corpus[0]["entity_id"] = "2000/1"  # old: only reachable through splits
    service = FakeInterpol(corpus)
    repo = Repository(open_engine(settings.db_url))
    with serve(create_app(service)) as base_url, InterpolClient(point_at(settings, base_url)) as c:
        summary = Syncer(repo, c).run()
    assert not summary.complete
    assert summary.status == "partial"
    assert summary.quarantined >= 1
    assert repo.counts()["active"] == 399
    assert repo.counts()["removed"] == 0
    assert any("date_of_birth" in row["reason"] for row in repo.quarantined())


def test_images_are_stored_content_addressed(settings: Settings, tmp_path: Path) -> None:
    service = FakeInterpol(generate_corpus(size=40, seed=8))
    repo = Repository(open_engine(settings.db_url))
    images = tmp_path / "images"
    with serve(create_app(service)) as base_url, InterpolClient(point_at(settings, base_url)) as c:
        summary = Syncer(repo, c, images_dir=images).run()
    assert summary.complete
    files = sorted(images.rglob("*.jpg"))
    assert files
    for path in files:
        content = path.read_bytes()
        assert content[:2] == b"\xff\xd8"
        import hashlib

        assert path.stem == hashlib.sha256(content).hexdigest()
        assert path.parent.name == path.stem[:2]
