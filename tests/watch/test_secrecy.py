"""Without the key, the database, its backups and encrypted exports reveal no watched person;
logs and error messages never hold a watched name."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path

import pytest

from redwatch.settings import Settings
from redwatch.store.repository import Repository
from redwatch.watch import WatchService, validated
from tests.support.cli import redwatch
from tests.support.postgres import find_binary
from tests.watch.conftest import notice, put

# Names that exist nowhere else (so a hit can only be a leak), in three scripts.
SECRETS = (
    "Zeynep Qaraqaşlı",
    "Зейнеп Каракашли",
    "Karakashly",  # a romanisation that also appears in the notice below
    "ZEYNEP-NOTE-7781",
    "tag-ctrc-7781",
    "alerts-7781@example.org",
    "hook-secret-7781-aaaaaaaaaaaaaaaa",
)
DEBUG = {"REDWATCH_LOG_LEVEL": "DEBUG"}
LEAKABLE = SECRETS[:2] + SECRETS[3:]
"""What must never appear in the clear (the notice's own public name may)."""


def _populate(service: WatchService, repo: Repository) -> None:
    put(repo, notice("2022/7781", "KARAKASHLY", "ZEYNEP", "1990/04/01"))
    entry = service.watchlist.add(
        validated(
            [SECRETS[0], SECRETS[1]],
            dob="1990-04-01",
            notes=SECRETS[3],
            tags=[SECRETS[4]],
        )
    )
    service.channels.add(
        "email", {"to": SECRETS[5], "smtp": "smtp://127.0.0.1:25?tls=off"}, minimal=False
    )
    service.channels.add(
        "webhook", {"url": "http://127.0.0.1:9/hook", "secret": SECRETS[6]}, minimal=True
    )
    report = service.screener.screen_entries([entry])
    assert report.alerts["match"] == 1
    alert = service.alerts.all()[0]
    service.alerts.review(alert.id, "acknowledged", f"called {SECRETS[0]}")


def _leaks(blob: bytes) -> list[str]:
    return [s for s in LEAKABLE if s.encode() in blob or s.casefold().encode() in blob]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_sqlite_file_wal_and_backups_hold_no_watched_name(
    settings: Settings, repo: Repository, service: WatchService, tmp_path: Path
) -> None:
    _populate(service, repo)
    database = Path(settings.db_url.removeprefix("sqlite:///"))
    files = [p for p in database.parent.iterdir() if p.name.startswith(database.name)]
    assert database in files
    backup = tmp_path / "backup.sqlite"
    with sqlite3.connect(database) as source, sqlite3.connect(backup) as target:
        source.backup(target)
    vacuumed = tmp_path / "vacuumed.sqlite"
    with sqlite3.connect(database) as source:
        source.execute(f"VACUUM INTO '{vacuumed}'")
    for path in [*files, backup, vacuumed]:
        assert _leaks(path.read_bytes()) == [], path.name
    # The public notice is there in the clear, so the grep itself can find things.
    assert b"KARAKASHLY" in backup.read_bytes()


@pytest.mark.parametrize("db_url", ["postgres"], indirect=True)
def test_postgres_dump_holds_no_watched_name(
    settings: Settings, repo: Repository, service: WatchService
) -> None:
    _populate(service, repo)
    pg_dump = find_binary("pg_dump")
    if pg_dump is None:
        pytest.fail("pg_dump not found beside initdb")
    dump = subprocess.run(
        [pg_dump, "--no-owner", settings.db_url], capture_output=True, check=True
    ).stdout
    assert b"KARAKASHLY" in dump
    assert _leaks(dump) == []


def test_encrypted_export_holds_no_watched_name(service: WatchService, repo: Repository) -> None:
    _populate(service, repo)
    document = service.watchlist.export_document(encrypted=True)
    assert _leaks(json.dumps(document, ensure_ascii=False).encode()) == []
    plain = service.watchlist.export_document(encrypted=False)
    assert SECRETS[0].encode() in json.dumps(plain, ensure_ascii=False).encode()


@pytest.mark.slow
def test_logs_and_errors_never_hold_a_watched_name(tmp_path: Path) -> None:
    home = tmp_path / "home"
    snapshot = tmp_path / "notices.jsonl"
    snapshot.write_text(
        json.dumps(notice("2022/7781", "KARAKASHLY", "ZEYNEP", "1990/04/01")) + "\n",
        encoding="utf-8",
    )
    good = tmp_path / "people.csv"
    good.write_text(f"name,dob,note\n{SECRETS[0]};{SECRETS[1]},1990-04-01,{SECRETS[3]}\n")
    bad = tmp_path / "bad.csv"
    bad.write_text(f"name,dob\n{SECRETS[1]},1990-99-99\n")
    stderr = []
    for args in (
        ("import", str(snapshot)),
        ("watchlist", "import", str(good)),
        ("watchlist", "import", str(bad)),
        ("watchlist", "add", "--name", SECRETS[0], "--sex", "X"),
        ("watchlist", "add", "--name", SECRETS[0], "--notify", "cnope"),
        ("watchlist", "list", "--json"),
        ("alerts", "list", "--json"),
        ("alerts", "show", "1"),
        ("watchlist", "rescreen"),
    ):
        result = redwatch(home, *args, env=DEBUG)
        stderr.append((args[:2], result.returncode, result.stderr))
        assert "Traceback" not in result.stderr
    for args, _code, text in stderr:
        assert _leaks(text.encode()) == [], (args, text)
    # The output the user asked for does hold them, and the failing commands said why.
    listed = redwatch(home, "watchlist", "list", "--json", env=DEBUG).stdout
    assert SECRETS[0] in listed
    failures = [text for _args, code, text in stderr if code != 0]
    assert any("line 2" in text for text in failures)
    assert any("sex must be" in text for text in failures)
    assert any("unknown channel" in text for text in failures)
