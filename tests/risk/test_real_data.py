"""The indicators against the hand-labelled real charges (benchmarks/data) and the real file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from redwatch.risk import HIGH, NONE, assess_detail, assess_notice, default_issuers
from tests.conftest import shared_data

LABELLED = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "charges_labelled.jsonl"


def labelled() -> list[dict[str, Any]]:
    return [json.loads(line) for line in LABELLED.read_text("utf-8").splitlines() if line]


def detail_of(record: dict[str, Any]) -> dict[str, Any]:
    return {
        "nationalities": record["nationalities"],
        "place_of_birth": record["place_of_birth"],
        "country_of_birth_id": record["country_of_birth_id"],
        "arrest_warrants": [
            {
                "charge": record["charge"],
                "charge_translation": record["charge_translation"],
                "issuing_country_id": record["issuer"],
            }
        ],
    }


def test_labelled_set_is_large_enough_and_well_formed() -> None:
    records = labelled()
    assert len(records) >= 300
    assert all(r["charge"] and r["issuer"] and isinstance(r["expected"], list) for r in records)
    assert len({(r["issuer"], r["charge"].strip()) for r in records}) == len(records)


def test_every_labelled_charge_gets_exactly_its_expected_flags() -> None:
    """Every miss found while labelling stays fixed (the benchmark reports the scores)."""
    wrong = []
    for record in labelled():
        got = sorted(assess_detail(detail_of(record)).codes)
        if got != sorted(record["expected"]):
            wrong.append((record["issuer"], record["charge"], got, record["expected"]))
    assert wrong == []


def test_labelled_set_is_a_faithful_copy_of_the_real_file() -> None:
    path = shared_data() / "details-2023-11.jsonl"
    notices = {}
    for line in path.read_text("utf-8").splitlines():
        notice = json.loads(line)
        notices[notice["entity_id"]] = notice
    for record in labelled():
        notice = notices[record["entity_id"]]
        assert record["nationalities"] == notice["nationalities"]
        assert record["place_of_birth"] == notice["place_of_birth"]
        assert any(
            w["charge"] == record["charge"] and w["issuing_country_id"] == record["issuer"]
            for w in notice["arrest_warrants"]
        )


def test_every_real_notice_is_assessed_and_explained() -> None:
    path = shared_data() / "details-2023-11.jsonl"
    listed = {issuer.code for issuer in default_issuers().issuers}
    for line in path.read_text("utf-8").splitlines():
        notice = json.loads(line)
        assessment = assess_detail(notice)
        issuers = {w["issuing_country_id"] for w in notice["arrest_warrants"]}
        assert ("issuer_abuse" in assessment.codes) == bool(issuers & listed)
        if issuers == {"SV"}:
            assert assessment.level == NONE  # gang cases, however they are labelled
        if assessment.level != NONE:
            assert assessment.basis
            assert all(flag.evidence and flag.grounds for flag in assessment.flags)
        if assessment.level == HIGH:
            assert assessment.basis[0].startswith(("H1", "H2", "H3"))
        if "ukrainian_sought_by_russia" in assessment.codes:
            assert notice["entity_id"] == "2016/17689"


@pytest.mark.slow
def test_figures_of_the_real_notices_in_a_mirror(tmp_path: Path) -> None:
    """The real file imported into a store (the path a sync takes), then assessed on read."""
    from redwatch.mirror.importer import import_paths
    from redwatch.risk.figures import compute
    from redwatch.store.engine import open_engine
    from redwatch.store.repository import Repository

    path = shared_data() / "details-2023-11.jsonl"
    repo = Repository(open_engine(f"sqlite:///{tmp_path / 'real.sqlite'}"))
    summary = import_paths(repo, [path])
    figures = compute(repo.list_notices(status="active"), repo.events_since(0))
    total = summary.notices
    assert figures.active == total
    assert sum(figures.counts["level"].values()) == total
    assert sum(figures.counts["appeared"].values()) == total
    flagged = figures.counts["flagged"]
    assert set(flagged) <= set(figures.counts["issuer"])
    assert flagged.most_common(1)[0][0] == "RU"
    assert flagged.total() == total - figures.counts["level"]["none"]
    assert figures.counts["level"]["high"] >= 1
    row = repo.get("2016/17689")
    assert row is not None
    assert "ukrainian_sought_by_russia" in assess_notice(row).codes
