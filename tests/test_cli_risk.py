"""Risk on the command line: flags in ``notices show``/``list``, and ``stats`` figures."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from redwatch.cli import app
from redwatch.errors import ConfigError, InputError
from tests.support.cli import redwatch


def detail(
    entity_id: str,
    charge: str,
    issuer: str,
    *,
    nationalities: list[str],
    place: str | None = None,
) -> dict[str, Any]:
    return {
        "entity_id": entity_id,
        "name": "TESTNAME",
        "forename": "TESTFORENAME",
        "date_of_birth": "1990/01/01",
        "nationalities": nationalities,
        "sex_id": "M",
        "place_of_birth": place,
        "country_of_birth_id": None,
        "arrest_warrants": [
            {"charge": charge, "issuing_country_id": issuer, "charge_translation": None}
        ],
        "_embedded": {"links": []},
    }


# Real charge texts (Nov 2023 notices); people and ids made up.
NOTICES = [
    detail(
        "2019/1001",
        "Organization of activity of the terrorist organization and participation in "
        "activity of such organization",
        "RU",
        nationalities=["UA"],
        place="SIMFEROPOL, REPUBLIC OF CRIMEA",
    ),
    detail("2020/1002", "participation in illegal armed formation", "RU", nationalities=["RU"]),
    detail("2021/1003", "ORGANIZACIONES TERRORISTAS", "SV", nationalities=["SV"]),
    detail("2021/1004", "murder", "RU", nationalities=["RU"]),
]


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("risk-home")
    source = home / "notices.jsonl"
    source.write_text("\n".join(json.dumps(n) for n in NOTICES) + "\n", encoding="utf-8")
    result = run(home, "import", str(source))
    assert result.exit_code == 0, result.output
    return home


def run(home: Path, *args: str) -> Any:
    env = {"REDWATCH_HOME": str(home), "REDWATCH_DB_URL": ""}
    return CliRunner().invoke(app, list(args), env=env)


def test_show_json_carries_the_risk(home: Path) -> None:
    result = run(home, "notices", "show", "2019-1001", "--json")
    assert result.exit_code == 0, result.output
    risk = json.loads(result.stdout)["risk"]
    assert risk["level"] == "high"
    codes = {flag["code"] for flag in risk["flags"]}
    assert {"dual_use_charge", "ukrainian_sought_by_russia", "occupied_territory"} <= codes
    for flag in risk["flags"]:
        assert set(flag) == {"code", "reason", "evidence", "grounds"}
        assert all(flag[key] for key in ("reason", "evidence", "grounds"))
    assert risk["rules"]


def test_show_text_explains_the_level(home: Path) -> None:
    result = run(home, "notices", "show", "2019/1001")
    assert result.exit_code == 0, result.output
    assert "risk: high" in result.stdout
    assert "[occupied_territory]" in result.stdout
    assert "SIMFEROPOL" in result.stdout


def test_list_flagged(home: Path) -> None:
    result = run(home, "notices", "list", "--flagged", "--json")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["entity_id"], r["risk"]["level"]) for r in rows] == [
        ("2019/1001", "high"),
        ("2020/1002", "elevated"),
    ]
    salvador = run(home, "notices", "list", "--flagged", "--issuer", "sv", "--json")
    assert salvador.stdout == ""
    everything = run(home, "notices", "list", "--json")
    assert len(everything.stdout.splitlines()) == len(NOTICES)
    table = run(home, "notices", "list", "--flagged")
    assert "2 flagged notices" in table.output


def test_stats_json_keeps_old_keys_and_adds_figures(home: Path) -> None:
    result = run(home, "stats", "--json")
    assert result.exit_code == 0, result.output
    stats = json.loads(result.stdout)
    assert stats["active"] == len(NOTICES)
    assert stats["by_issuer"] == {"RU": 3, "SV": 1}
    assert stats["by_nationality"] == {"RU": 2, "UA": 1, "SV": 1}
    assert stats["by_year"] == {"2019": 1, "2020": 1, "2021": 2}
    assert "last_sync" in stats
    assert stats["by_level"] == {"high": 1, "elevated": 1, "none": 2}
    assert stats["by_category"]["terrorism"] == 2
    assert stats["by_category"]["homicide"] == 1
    assert stats["by_flag"]["issuer_abuse"] == 3
    assert stats["flagged_by_issuer"] == {"RU": 2}
    assert sum(stats["appeared_by_month"].values()) == len(NOTICES)
    assert stats["removed_by_month"] == {}


def test_stats_csv(home: Path) -> None:
    result = run(home, "stats", "--csv", "--by", "level", "--by", "issuer")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["figure", "value", "notices"]
    assert ["level", "high", "1"] in rows
    assert ["issuer", "RU", "3"] in rows
    assert {row[0] for row in rows[1:]} == {"level", "issuer"}


def test_stats_tables(home: Path) -> None:
    result = run(home, "stats")
    assert result.exit_code == 0, result.output
    assert "Active notices by risk level" in result.stdout
    assert "illegal armed formation" in result.stdout


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_stats_chart(home: Path, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"figures{suffix}"
    result = run(home, "stats", "--chart", str(path), "--by", "level", "--by", "removed")
    assert result.exit_code == 0, result.output
    content = path.read_bytes()
    if suffix == ".png":
        assert content.startswith(b"\x89PNG")
    else:
        text = content.decode()
        assert "Active notices by risk level" in text
        assert "Source: INTERPOL public red notices" in text
        assert "notices" in text


@pytest.mark.slow
def test_stats_error_is_one_line() -> None:
    result = redwatch(Path("/nonexistent-home"), "stats", "--chart", "/tmp/figures.pdf")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert ".png or .svg" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("stats", "--chart", "/nonexistent-folder/figures.png"), "does not exist"),
        (("stats", "--by", "colour"), "unknown figure"),
        (("stats", "--json", "--csv"), "one of --json and --csv"),
    ],
)
def test_stats_input_errors(home: Path, args: tuple[str, ...], needle: str) -> None:
    result = run(home, *args)
    assert isinstance(result.exception, InputError)
    assert needle in str(result.exception)
    assert "\n" not in str(result.exception)


def test_own_issuer_list_in_home(tmp_path: Path) -> None:
    source = tmp_path / "notices.jsonl"
    source.write_text(json.dumps(NOTICES[2]) + "\n", encoding="utf-8")
    assert run(tmp_path, "import", str(source)).exit_code == 0
    (tmp_path / "risk_issuers.json").write_text(
        json.dumps({"issuers": [{"code": "SV", "name": "El Salvador", "sources": ["a report"]}]}),
        encoding="utf-8",
    )
    result = run(tmp_path, "notices", "show", "2021/1003", "--json")
    risk = json.loads(result.stdout)["risk"]
    assert risk["level"] == "elevated"
    assert "own issuer list" in risk["rules"]
    (tmp_path / "risk_issuers.json").write_text('{"issuers": [{"code": "SV"}]}', encoding="utf-8")
    broken = run(tmp_path, "notices", "show", "2021/1003")
    assert isinstance(broken.exception, ConfigError)
    assert "risk_issuers.json" in str(broken.exception)
