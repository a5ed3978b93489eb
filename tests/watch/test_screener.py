"""Screening after sync events, on change, and again: alerts of each kind, never twice."""

from __future__ import annotations

import json

from redwatch.settings import Settings
from redwatch.store.repository import Repository
from redwatch.watch import WatchService, validated
from tests.watch.conftest import notice, put


def _kinds(service: WatchService) -> list[tuple[str, str]]:
    return [(a.draft.kind, a.draft.entity_id) for a in service.alerts.all()]


def test_adding_an_entry_screens_the_whole_mirror(service: WatchService) -> None:
    entry = service.watchlist.add(validated(["Мустафа Джемілєв"], dob="13.11.1943"))
    report = service.screener.screen_entries([entry])
    assert report.notices == 3
    assert _kinds(service) == [("match", "2019/1001")]
    alert = service.alerts.all()[0]
    assert alert.draft.decision == "match"
    assert "DZHEMILEV" in alert.draft.explanation
    assert alert.draft.entry_names == ["Мустафа Джемілєв"]
    # Screening again (or a full rescreen) adds nothing.
    assert service.screener.screen_entries([entry]).alerts == {}
    assert service.screener.rescreen().alerts == {}


def test_events_after_a_sync_make_match_changed_removed_alerts_once(
    service: WatchService, repo: Repository
) -> None:
    watched = service.watchlist.add(validated(["Ruslan Qaybullayev"], dob="1985-03-02"))
    other = service.watchlist.add(validated(["Ayshe Seitmuratova"], dob="1937"))
    service.screener.screen_entries([watched, other])
    assert _kinds(service) == [("match", "2019/1002")]
    # A sync brings a new notice for the other person, and changes the first one.
    put(repo, notice("2021/555", "SEITMURATOVA", "AISHE", "1937/01/11"))
    put(
        repo,
        notice("2019/1002", "KAIBULLAEV", "RUSLAN", "1985/03/02"),
        {"arrest_warrants": [{"issuing_country_id": "RU", "charge": "Art. 205.5"}]},
    )
    put(repo, notice("2019/1003", "IVANOV", "PETR", "1970/01/01", nationalities=["RU", "UA"]))
    report = service.screener.after_sync()
    assert report.alerts == {"match": 1, "changed": 1}
    assert _kinds(service)[1:] == [("match", "2021/555"), ("changed", "2019/1002")]
    changed = service.alerts.all()[2]
    assert changed.draft.changes == ["arrest_warrants"]
    # The next run without new events does nothing, and repeating does not duplicate.
    assert service.screener.after_sync().alerts == {}
    # The matched notice leaves the public list, then comes back.
    repo.mark_removed(["2019/1002"], sync_id=None)
    assert service.screener.after_sync().alerts == {"removed": 1}
    put(repo, notice("2019/1002", "KAIBULLAEV", "RUSLAN", "1985/03/02"))
    assert service.screener.after_sync().alerts == {"match": 1}
    kinds = _kinds(service)
    assert kinds.count(("removed", "2019/1002")) == 1
    assert kinds.count(("match", "2019/1002")) == 2  # found, then back on the list
    assert service.screener.rescreen().alerts == {}


def test_first_entry_sets_the_cursor_so_old_history_is_not_replayed(
    service: WatchService, repo: Repository
) -> None:
    put(repo, notice("2019/1002", "KAIBULLAEV", "RUSLAN", "1985/03/02", nationalities=["RU"]))
    entry = service.watchlist.add(validated(["Ruslan Kaibullaev"]))
    service.screener.screen_entries([entry])
    assert service.screener.after_sync().alerts == {}  # the change predates the watchlist
    assert _kinds(service) == [("match", "2019/1002")]


def test_review_keeps_state_and_note(service: WatchService) -> None:
    entry = service.watchlist.add(validated(["Petr Ivanov"], dob="1970"))
    service.screener.screen_entries([entry])
    alert = service.alerts.all()[0]
    dismissed = service.alerts.review(alert.id, "dismissed", "different person: born in Tula")
    assert (dismissed.state, dismissed.note) == ("dismissed", "different person: born in Tula")
    assert service.alerts.get(alert.id).note == "different person: born in Tula"
    assert service.alerts.all("new") == []
    assert service.screener.rescreen().alerts == {}  # a dismissed alert is not re-raised


def test_alerts_carry_flags_by_the_organisations_own_issuer_list(
    settings: Settings, repo: Repository
) -> None:
    default = WatchService.open(settings, repo)
    entry = default.watchlist.add(validated(["Mustafa Cemilev"], dob="1943"))
    default.screener.screen_entries([entry])
    first = default.alerts.all()[0].draft.risk
    assert first is not None
    assert "issuer_abuse" in {f["code"] for f in first["flags"]}
    settings.home.mkdir(parents=True, exist_ok=True)
    (settings.home / "risk_issuers.json").write_text(
        json.dumps({"issuers": [{"code": "XX", "name": "Nowhere", "sources": ["test"]}]}),
        encoding="utf-8",
    )
    own = WatchService.open(settings, repo)
    other = own.watchlist.add(validated(["Mustafa Dzhemilev"], dob="1943"))
    own.screener.screen_entries([other])
    newest = own.alerts.all()[-1].draft.risk
    assert newest is not None
    assert "issuer_abuse" not in {f["code"] for f in newest["flags"]}
