"""The index kept on disk: loaded when current, caught up with events, rebuilt otherwise."""

from __future__ import annotations

import gc
import json
import pickle
import stat
from pathlib import Path
from typing import Any

import pytest
from structlog.testing import capture_logs

from redwatch.fake import generate_corpus
from redwatch.matching import Query
from redwatch.matching.index import CandidateIndex
from redwatch.matching.index_cache import cache_path, load_index
from redwatch.mirror.importer import import_paths
from redwatch.store.engine import open_engine
from redwatch.store.repository import Repository

QUERY = Query.build("Mustafa Cemilev", dob="13.11.1943")


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


def store(folder: Path, records: list[dict[str, Any]]) -> tuple[Repository, str]:
    url = f"sqlite:///{folder / 'redwatch.sqlite'}"
    repo = Repository(open_engine(url))
    import_paths(repo, [write_jsonl(folder / "notices.jsonl", records)])
    return repo, url


@pytest.fixture
def records() -> list[dict[str, Any]]:
    return [dict(r) for r in generate_corpus(size=80, seed=21)]


def same_answers(a: CandidateIndex, b: CandidateIndex, records: list[dict[str, Any]]) -> None:
    assert a.notices() == b.notices()
    assert a.key_count == b.key_count
    for record in records[:10]:
        query = Query.build(f"{record['forename']} {record['name']}".replace("-", " "))
        assert a.search(query, limit=None) == b.search(query, limit=None)


def test_built_once_then_loaded(tmp_path: Path, records: list[dict[str, Any]]) -> None:
    repo, url = store(tmp_path, records)
    cache = tmp_path / "cache"
    first = load_index(repo, cache, url)
    assert first.how == "built"
    path = cache_path(cache, url)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    second = load_index(repo, cache, url)
    assert second.how == "loaded"
    assert second.index.cursor == first.index.cursor
    same_answers(first.index, second.index, records)
    assert [p.name for p in cache.iterdir()] == [path.name]  # no temporary file left


def test_loading_leaves_the_collector_as_it_was(
    tmp_path: Path, records: list[dict[str, Any]]
) -> None:
    repo, url = store(tmp_path, records)
    load_index(repo, tmp_path / "cache", url)
    try:
        for enabled in (True, False):
            if enabled:
                gc.enable()
            else:
                gc.disable()
            assert load_index(repo, tmp_path / "cache", url).how == "loaded"
            assert gc.isenabled() is enabled
    finally:
        gc.enable()


def test_new_events_are_applied_to_the_loaded_index(
    tmp_path: Path, records: list[dict[str, Any]]
) -> None:
    repo, url = store(tmp_path, records)
    cache = tmp_path / "cache"
    load_index(repo, cache, url)
    renamed = {**records[0], "name": "DZHEMILEV", "forename": "MUSTAFA"}
    renamed["date_of_birth"] = "1943/11/13"
    import_paths(repo, [write_jsonl(tmp_path / "second.jsonl", [renamed])])
    repo.mark_removed([records[1]["entity_id"]], sync_id=None)

    updated = load_index(repo, cache, url)
    assert updated.how == "updated"
    assert records[1]["entity_id"] not in updated.index
    assert [r.entity_id for r in updated.index.search(QUERY)] == [records[0]["entity_id"]]
    same_answers(updated.index, CandidateIndex.from_repository(repo), records)
    assert load_index(repo, cache, url).how == "loaded"  # the caught-up index was saved


def test_another_store_at_the_same_address_is_not_mistaken_for_the_first(
    tmp_path: Path, records: list[dict[str, Any]]
) -> None:
    (tmp_path / "a").mkdir()
    repo, url = store(tmp_path / "a", records[:40])
    cache = tmp_path / "cache"
    load_index(repo, cache, url)
    (tmp_path / "a" / "redwatch.sqlite").unlink()
    repo.engine.dispose()
    other, _ = store(tmp_path / "a", records[40:])  # same address, as many events
    found = load_index(other, cache, url)
    assert found.how == "built"
    assert {c.entity_id for c in found.index.notices()} == {r["entity_id"] for r in records[40:]}


@pytest.mark.parametrize("content", [b"", b"not a pickle", pickle.dumps({"fingerprint": "old"})])
def test_a_damaged_or_stale_file_is_rebuilt(
    tmp_path: Path, records: list[dict[str, Any]], content: bytes
) -> None:
    repo, url = store(tmp_path, records)
    cache = tmp_path / "cache"
    cache.mkdir()
    cache_path(cache, url).write_bytes(content)
    with capture_logs() as logs:
        assert load_index(repo, cache, url).how == "built"
    unreadable = [e for e in logs if e["event"] == "index_cache_unreadable"]
    assert len(unreadable) == (1 if content != pickle.dumps({"fingerprint": "old"}) else 0)
    assert load_index(repo, cache, url).how == "loaded"


def test_an_unwritable_cache_folder_still_gives_the_index(
    tmp_path: Path, records: list[dict[str, Any]]
) -> None:
    repo, url = store(tmp_path, records)
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder should be", "utf-8")
    with capture_logs() as logs:
        found = load_index(repo, blocked / "cache", url)
    assert found.how == "built"
    assert "index_cache_not_written" in [e["event"] for e in logs]
    assert len(found.index) == len(records)


def test_the_notice_words_analyses_are_kept_and_restored_but_no_query_words(
    tmp_path: Path, records: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from redwatch.names import phonetic

    repo, url = store(tmp_path, records)
    cache = tmp_path / "cache"
    loaded = load_index(repo, cache, url)
    loaded.index.search(Query.build("Zzyzxqwert Mustafa"))  # a query analysed in this process
    renamed = {**records[0], "name": "DZHEMILEV", "forename": "MUSTAFA"}
    import_paths(repo, [write_jsonl(tmp_path / "second.jsonl", [renamed])])
    assert load_index(repo, cache, url).how == "updated"  # the file is written again
    with cache_path(cache, url).open("rb") as stream:
        kept = pickle.load(stream)["analyses"]
    assert "dzhemilev" in kept
    assert "zzyzxqwert" not in kept
    monkeypatch.setattr(phonetic, "_ANALYSES", {})
    assert load_index(repo, cache, url).how == "loaded"
    restored = phonetic._ANALYSES["dzhemilev"]
    assert restored == kept["dzhemilev"]
    assert phonetic.analyse("Dzhemilev") is restored


def test_only_the_analyses_of_the_commonest_notice_words_are_kept(
    tmp_path: Path, records: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from redwatch.matching import index_cache

    common = [{**r, "forename": "MUSTAFA"} for r in records[:40]] + records[40:]
    repo, url = store(tmp_path, common)
    monkeypatch.setattr(index_cache, "_KEPT_ANALYSES", 5)
    load_index(repo, tmp_path / "cache", url)
    with cache_path(tmp_path / "cache", url).open("rb") as stream:
        kept = pickle.load(stream)["analyses"]
    assert len(kept) == 5
    assert "mustafa" in kept


def test_an_index_of_the_former_format_is_rebuilt(
    tmp_path: Path, records: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from redwatch.matching import index_cache

    repo, url = store(tmp_path, records)
    load_index(repo, tmp_path / "cache", url)
    monkeypatch.setattr(index_cache, "_FORMAT", index_cache._FORMAT - 1)
    index_cache.code_fingerprint.cache_clear()
    try:
        assert load_index(repo, tmp_path / "cache", url).how == "built"
    finally:
        index_cache.code_fingerprint.cache_clear()
