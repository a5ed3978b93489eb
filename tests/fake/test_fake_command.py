"""``redwatch fake-interpol``: serving a --corpus file, and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
import typer
from typer.testing import CliRunner

from redwatch.cli_fake import fake_interpol
from tests.fake.fake_helpers import notice


def _cli() -> typer.Typer:
    app = typer.Typer()
    app.command("fake-interpol")(fake_interpol)

    @app.command("other")
    def other() -> None:  # a second command, so the first is addressed by name as in redwatch
        """Placeholder."""

    return app


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    return path


def test_serves_a_corpus_file_out_of_process(tmp_path: Path) -> None:
    corpus = _write(
        tmp_path / "small.jsonl",
        [json.dumps(notice("2021/1", name="FIRST")), json.dumps(notice("2022/2", name="SECOND"))],
    )
    command = [
        sys.executable,
        "-m",
        "redwatch.fake",
        "--port",
        "0",
        "--corpus",
        str(corpus),
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline().strip()
        assert "serving 2 notices at http://127.0.0.1:" in line
        url = line.rsplit(" at ", 1)[1].split()[0]
        with httpx.Client(base_url=url, timeout=10) as http:
            body = http.get("/notices/v1/red").json()
            assert [item["name"] for item in body["_embedded"]["notices"]] == ["SECOND", "FIRST"]
            assert body["_embedded"]["notices"][0]["_links"]["self"]["href"].startswith(url)
            http.post("/_fake/notices", json=notice("2023/3"))
            assert http.get("/notices/v1/red").json()["total"] == 3
    finally:
        process.terminate()
        process.communicate(timeout=15)
    assert process.returncode is not None


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "cannot read"),
        ('{"entity_id": "2020/1"}\nnot json\n', "line 2"),
    ],
)
def test_a_bad_corpus_is_a_one_line_error(
    tmp_path: Path, content: str | None, expected: str
) -> None:
    path = tmp_path / "corpus.jsonl"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(_cli(), ["fake-interpol", "--corpus", str(path), "--port", "0"])

    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("error: ")
    assert expected in lines[0]
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (["--fault-403", "2"], "less than or equal to 1"),
        (["--today", "someday"], "--today"),
        (["--size", "-1"], "--size"),
    ],
)
def test_bad_options_are_one_line_errors(arguments: list[str], expected: str) -> None:
    result = CliRunner().invoke(_cli(), ["fake-interpol", "--port", "0", *arguments])
    assert result.exit_code == 2
    assert expected in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
