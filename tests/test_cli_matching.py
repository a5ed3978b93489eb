"""``redwatch check`` and ``redwatch screen`` over a real SQLite store in a temporary home."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner, Result

from redwatch.cli_matching import ABSENCE_REMINDER, check, screen
from redwatch.errors import NotFoundError
from redwatch.fake import generate_corpus
from redwatch.mirror.importer import import_paths
from redwatch.screening import CANDIDATE_FIELDS
from redwatch.settings import load_settings
from redwatch.store.engine import open_engine
from redwatch.store.repository import Repository

DZHEMILEV_ID = "1999/99999"
app = typer.Typer(pretty_exceptions_enable=False)
app.command("check")(check)
app.command("screen")(screen)

# The real entry point, with the commands registered as cli.py does.
MAIN = """
from redwatch.cli import app, main
from redwatch.cli_matching import check, screen
known = {c.name for c in app.registered_commands}
if "check" not in known:
    app.command("check")(check)
if "screen" not in known:
    app.command("screen")(screen)
main()
"""


def dzhemilev(template: dict[str, Any]) -> dict[str, Any]:
    return {
        **template,
        "entity_id": DZHEMILEV_ID,
        "name": "DZHEMILEV",
        "forename": "MUSTAFA",
        "date_of_birth": "1943/11/13",
        "sex_id": "M",
        "nationalities": ["UA"],
    }


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of 400 generated notices and DZHEMILEV MUSTAFA, born 1943/11/13."""
    folder = tmp_path_factory.mktemp("home")
    notices = generate_corpus(size=400, seed=8)
    notices.append(dzhemilev(notices[0]))
    path = folder / "notices.jsonl"
    path.write_text("".join(json.dumps(n, ensure_ascii=False) + "\n" for n in notices), "utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REDWATCH_HOME", str(folder))
        patch.delenv("REDWATCH_DB_URL", raising=False)
        summary = import_paths(Repository(open_engine(load_settings().db_url)), [path])
    assert summary.new == 401
    return folder


def run(home: Path, *args: str, **env: str) -> Result:
    environment = {"REDWATCH_HOME": str(home), "REDWATCH_DB_URL": "", **env}
    return CliRunner().invoke(app, list(args), env=environment)


def lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


@pytest.mark.parametrize("spelling", ["Mustafa Cemilev", "Мустафа Джемілєв", "MUSTAFA DZHEMILEV"])
def test_check_finds_every_spelling_as_a_match(home: Path, spelling: str) -> None:
    result = run(home, "check", spelling, "--json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert list(document) == ["query", "candidates"]
    assert document["query"] == spelling
    top = document["candidates"][0]
    assert tuple(top) == CANDIDATE_FIELDS
    assert (top["entity_id"], top["decision"]) == (DZHEMILEV_ID, "match")
    assert top["date_of_birth"] == "1943/11/13"
    assert top["explanation"]


def test_check_with_every_option(home: Path) -> None:
    result = run(
        home,
        "check",
        "Cemilev Mustafa",
        "--dob",
        "13.11.1943",
        "--nationality",
        "UA",
        "--sex",
        "M",
        "--limit",
        "1",
        "--json",
    )
    assert result.exit_code == 0, result.output
    candidates = json.loads(result.stdout)["candidates"]
    assert len(candidates) == 1
    assert candidates[0]["entity_id"] == DZHEMILEV_ID
    assert "same date" in candidates[0]["explanation"]


def test_check_plain_output_is_a_table_and_the_reminder(home: Path) -> None:
    result = run(home, "check", "Mustafa Cemilev")
    assert result.exit_code == 0, result.output
    assert DZHEMILEV_ID in result.stdout
    assert "match" in result.stdout
    assert "Cemilev ≈ DZHEMILEV" in result.stdout
    assert " ".join(ABSENCE_REMINDER.split()) in " ".join(result.stdout.split())


def test_check_reminds_also_when_nothing_is_found(home: Path) -> None:
    result = run(home, "check", "Zyxwvut Qqqqq")
    assert result.exit_code == 0, result.output
    assert "No match or possible match" in result.stdout
    assert " ".join(ABSENCE_REMINDER.split()) in " ".join(result.stdout.split())
    empty = run(home, "check", "Zyxwvut Qqqqq", "--json")
    assert json.loads(empty.stdout) == {"query": "Zyxwvut Qqqqq", "candidates": []}


def test_no_names_in_logs(home: Path) -> None:
    result = run(home, "check", "Mustafa Cemilev", "--json", REDWATCH_LOG_LEVEL="DEBUG")
    assert result.exit_code == 0, result.output
    assert "index_ready" in result.stderr
    assert "check_done" in result.stderr
    for word in ("Mustafa", "Cemilev", "DZHEMILEV", "MUSTAFA"):
        assert word not in result.stderr
    kept = [p for p in (home / "cache").iterdir() if p.is_file()]
    assert kept  # the index kept for the next command holds notices, never the query
    for path in kept:
        assert b"Cemilev" not in path.read_bytes()


def write_csv(folder: Path, text: str, name: str = "people.csv") -> Path:
    path = folder / name
    path.write_text(text, "utf-8")
    return path


def test_screen_json_lines_with_ids(home: Path, tmp_path: Path) -> None:
    people = write_csv(
        tmp_path,
        "id,name,dob\nA-7,Mustafa Cemilev,13.11.1943\nB-2,Zyxwvut Qqqqq,\nC-1,Мустафа Джемілєв,\n",
    )
    result = run(home, "screen", str(people), "--json")
    assert result.exit_code == 0, result.output
    rows = lines(result.stdout)
    assert [r["id"] for r in rows] == ["A-7", "B-2", "C-1"]
    assert [list(r) for r in rows] == [["id", "query", "candidates"]] * 3
    assert rows[0]["query"] == "Mustafa Cemilev"
    assert rows[0]["candidates"][0]["entity_id"] == DZHEMILEV_ID
    assert rows[0]["candidates"][0]["decision"] == "match"
    assert rows[1]["candidates"] == []
    assert rows[2]["candidates"][0]["entity_id"] == DZHEMILEV_ID
    for row in rows:
        assert all(tuple(c) == CANDIDATE_FIELDS for c in row["candidates"])
        assert all(c["decision"] in ("match", "possible") for c in row["candidates"])
    assert "screened 3 rows" in result.stderr


def test_screen_without_ids_numbers_rows_and_writes_output(home: Path, tmp_path: Path) -> None:
    people = write_csv(tmp_path, "name\nZyxwvut Qqqqq\nMUSTAFA DZHEMILEV\n")
    target = tmp_path / "out.jsonl"
    result = run(home, "screen", str(people), "--output", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    rows = lines(target.read_text("utf-8"))
    assert [r["id"] for r in rows] == [1, 2]
    assert rows[1]["candidates"][0]["entity_id"] == DZHEMILEV_ID
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl", "people.csv"]


def test_screen_plain_output(home: Path, tmp_path: Path) -> None:
    people = write_csv(tmp_path, "id,name\nx1,Mustafa Cemilev\nx2,Zyxwvut Qqqqq\n")
    result = run(home, "screen", str(people))
    assert result.exit_code == 0, result.output
    assert DZHEMILEV_ID in result.stdout
    assert "x1" in result.stdout
    assert "x2" not in result.stdout  # rows without candidates are left out of the table
    assert " ".join(ABSENCE_REMINDER.split()) in " ".join(result.stdout.split())


def redwatch(home: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "REDWATCH_HOME": str(home)}
    environment.pop("REDWATCH_DB_URL", None)
    return subprocess.run(
        [sys.executable, "-c", MAIN, *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=cwd,
        timeout=120,
        check=False,
    )


def test_a_bad_row_is_a_one_line_error_before_any_output(home: Path, tmp_path: Path) -> None:
    write_csv(tmp_path, "name,dob\nMustafa Cemilev,1943\nAyshe Seitmuratova,31.02.1990\n")
    result = redwatch(home, tmp_path, "screen", "people.csv", "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip() == "error: people.csv: line 3: bad date of birth '31.02.1990'"
    result = redwatch(home, tmp_path, "check", "Ayshe Seitmuratova", "--sex", "X")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_an_empty_mirror_is_an_error_not_an_all_clear(tmp_path: Path) -> None:
    result = run(tmp_path / "empty-home", "check", "Mustafa Cemilev", "--json")
    assert isinstance(result.exception, NotFoundError)  # main() turns it into exit code 3
    assert result.exception.exit_code == 3
    assert "no active notices" in str(result.exception)
    assert result.stdout == ""
