"""The watch commands from the command line, in process: one flow through every command, and
one-line errors for bad input."""

from __future__ import annotations

import json
import stat
import sys
from pathlib import Path
from typing import Any

import pytest

from redwatch.cli import main
from tests.channels.webhook_support import http_receiver

SNAPSHOT = [
    {
        "entity_id": "2019/1001",
        "name": "DZHEMILEV",
        "forename": "MUSTAFA",
        "date_of_birth": "1943/11/13",
        "nationalities": ["UA"],
        "sex_id": "M",
        "arrest_warrants": [{"issuing_country_id": "RU", "charge": "Art. 280.1"}],
    },
    {
        "entity_id": "2019/1002",
        "name": "IVANOV",
        "forename": "PETR",
        "date_of_birth": "1970/01/01",
        "nationalities": ["RU"],
        "sex_id": "M",
        "arrest_warrants": [{"issuing_country_id": "RU", "charge": "fraud"}],
    },
]


class Cli:
    def __init__(self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
        self.capsys = capsys
        self.monkeypatch = monkeypatch

    def __call__(self, *args: str, code: int = 0) -> tuple[str, str]:
        self.monkeypatch.setattr(sys, "argv", ["redwatch", *args])
        try:
            main()
            exit_code: Any = 0
        except SystemExit as exc:
            exit_code = exc.code or 0
        out, err = self.capsys.readouterr()
        assert exit_code == code, (args, out, err)
        assert "Traceback" not in err
        return out, err

    def json(self, *args: str) -> Any:
        out, _ = self(*args, "--json")
        lines = [json.loads(line) for line in out.splitlines()]
        return lines[0] if len(lines) == 1 else lines


@pytest.fixture
def cli(
    settings: Any,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> Cli:
    snapshot = tmp_path / "notices.jsonl"
    snapshot.write_text("\n".join(json.dumps(n) for n in SNAPSHOT) + "\n", encoding="utf-8")
    run = Cli(capsys, monkeypatch)
    run("import", str(snapshot))
    return run


def test_every_watch_command_in_one_flow(cli: Cli, tmp_path: Path) -> None:
    with http_receiver() as hook:
        channel = cli.json("channel", "add", "webhook", "--url", hook.url, "--secret", "x" * 32)
        assert channel["kind"] == "webhook"
        assert "x" * 32 not in json.dumps(channel)
        assert cli.json("channel", "list")["id"] == channel["id"]
        added = cli.json(
            "watchlist",
            "add",
            "--name",
            "Mustafa Cemilev",
            "--dob",
            "1943",
            "--notify",
            channel["id"],
            "--tag",
            "ctrc",
        )
        assert added["screening"]["new_alerts"] == 1
        assert len(hook.requests) == 1
        entry = added["id"]
        edited = cli.json(
            "watchlist", "edit", entry, "--add-name", "Мустафа Джемілєв", "--note", "n"
        )
        assert edited["names"] == ["Mustafa Cemilev", "Мустафа Джемілєв"]
        assert edited["screening"]["new_alerts"] == 0
        alert = cli.json("alerts", "list")
        assert (alert["kind"], alert["entity_id"], alert["state"]) == ("match", "2019/1001", "new")
        assert alert["risk"]["flags"]
        shown = cli.json("alerts", "show", str(alert["id"]))
        assert shown["deliveries"][0]["state"] == "sent"
        _, err = cli("alerts", "dismiss", str(alert["id"]), "--note", " ", code=2)
        assert "needs a --note" in err
        acked = cli.json("alerts", "ack", str(alert["id"]), "--note", "lawyer informed")
        assert (acked["state"], acked["note"]) == ("acknowledged", "lawyer informed")
        assert cli("alerts", "list", "--state", "new", "--json")[0] == ""

        exported = tmp_path / "export.json"
        cli("watchlist", "export", "--encrypted", "-o", str(exported))
        assert stat.S_IMODE(exported.stat().st_mode) == 0o600
        assert "Cemilev" not in exported.read_text()
        removed = cli.json("watchlist", "remove", entry)
        assert removed["alerts_removed"] == 1
        imported = cli.json("watchlist", "import", str(exported))
        assert imported["ids"] == [entry]
        assert cli.json("watchlist", "show", entry)["names"] == [
            "Mustafa Cemilev",
            "Мустафа Джемілєв",
        ]

        # An offline import is a sync too: the watchlist is screened against what it brought.
        later = tmp_path / "later.jsonl"
        newcomer = SNAPSHOT[0] | {"entity_id": "2024/777", "name": "CEMILEV", "forename": "MUSTAFA"}
        later.write_text(json.dumps(newcomer) + "\n", encoding="utf-8")
        assert cli.json("import", str(later))["watch"]["alerts_by_kind"] == {"match": 1}
        # Webhook calls: the first match, the match again after remove + re-import, this one.
        assert len(hook.requests) == 3

        rotated = cli.json("key", "rotate")
        assert rotated["entries"] == 1
        assert cli.json("watchlist", "list", "--tag", "ctrc")["id"] == entry
        assert cli.json("channel", "test")["ok"] is True
        cli("channel", "remove", channel["id"])
        _, err = cli("channel", "test", code=2)
        assert "no channel configured" in err


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize(
    ("args", "code", "needle"),
    [
        (("watchlist", "show", "nope"), 2, "8 hex digits"),
        (("watchlist", "show", "0123abcd"), 3, "no watchlist entry"),
        (("watchlist", "add", "--dob", "1990"), 2, "at least one name"),
        (("watchlist", "import", "/nonexistent.csv"), 2, "no such file"),
        (("alerts", "show", "x"), 2, "alert id is a number"),
        (("alerts", "show", "99"), 3, "no alert 99"),
        (("alerts", "list", "--state", "open"), 2, "--state"),
        (("channel", "add", "webhook", "--url", "ftp://x", "--secret", "s" * 32), 2, "webhook"),
        (("channel", "remove", "cnope"), 3, "no channel"),
        (("watch", "--every", "10s"), 2, "at least one minute"),
    ],
)
def test_bad_input_is_one_line_error(
    cli: Cli, args: tuple[str, ...], code: int, needle: str
) -> None:
    _, err = cli(*args, code=code)
    assert needle in err
    assert err.count("\n") == 1, err
