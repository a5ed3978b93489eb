"""The command line: one-line errors, no tracebacks, JSON contracts.

Commands that touch the store run on SQLite and on PostgreSQL (the ``db_url`` fixture).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from redwatch.fake import FakeInterpol, create_app, generate_corpus, serve
from tests.support.cli import redwatch


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("notices", "show", "not-an-id"), "notice id"),
        (("notices", "show", "1999/1"), "not in the mirror"),
        (("import", "/nonexistent/file.json"), "no such file"),
        (("notices", "list", "--status", "gone"), "--status"),
    ],
)
def test_bad_input_is_one_line_error(
    tmp_path: Path, db_url: str, args: tuple[str, ...], needle: str
) -> None:
    result = redwatch(tmp_path, *args, db_url=db_url)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert needle in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_bad_setting_is_one_line_error(tmp_path: Path) -> None:
    result = redwatch(tmp_path, "stats", env={"REDWATCH_INTERPOL_RATE": "fast"})
    assert result.returncode == 2
    assert "REDWATCH_INTERPOL_RATE" in result.stderr
    assert "Traceback" not in result.stderr


def test_sync_contract_with_only_the_url_set(tmp_path: Path, db_url: str) -> None:
    service = FakeInterpol(generate_corpus(size=300, seed=2))
    with serve(create_app(service)) as base_url:
        env = {"REDWATCH_INTERPOL_URL": base_url, "REDWATCH_INTERPOL_RATE": "0"}
        result = redwatch(tmp_path, "sync", "--json", env=env, db_url=db_url)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    for key in (
        "complete",
        "notices",
        "new",
        "changed",
        "removed",
        "list_requests",
        "detail_requests",
    ):
        assert key in summary
    assert summary["complete"] is True
    assert summary["notices"] == 300

    listed = redwatch(tmp_path, "notices", "list", "--json", db_url=db_url)
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert len(rows) == 300
    assert {"entity_id", "name", "forename", "date_of_birth", "nationalities", "status"} <= set(
        rows[0]
    )
    assert {row["status"] for row in rows} == {"active"}

    shown = redwatch(
        tmp_path, "notices", "show", rows[0]["entity_id"].replace("/", "-"), "--json", db_url=db_url
    )
    document = json.loads(shown.stdout)
    assert document["entity_id"] == rows[0]["entity_id"]
    assert "arrest_warrants" in document
    assert document["history"][0]["kind"] == "new"

    stats = json.loads(redwatch(tmp_path, "stats", "--json", db_url=db_url).stdout)
    assert stats["active"] == 300
