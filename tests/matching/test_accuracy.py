"""The frozen accuracy benchmark (benchmarks/accuracy/pairs.jsonl) through redwatch's scorer.

An accuracy assertion, not a timing: per family, recall at ``possible`` and at ``match`` on
the positive pairs and no ``match`` on the hard negatives. The comparison with logic-v2 and
rapidfuzz lives in ``benchmarks/accuracy/run.py`` (nomenklatura is not a test dependency).
"""

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from redwatch.matching import Candidate, Decision, Query, score

PAIRS = Path(__file__).parents[2] / "benchmarks" / "accuracy" / "pairs.jsonl"
GOAL_POSSIBLE = 0.99
GOAL_MATCH = 0.95


def _pairs() -> list[dict[str, Any]]:
    with PAIRS.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def _decision(pair: dict[str, Any]) -> Decision | None:
    notice = pair["notice"]
    result = score(
        Query.build(pair["query"]["name"], dob=pair["query"]["dob"]),
        Candidate(
            str(pair["id"]),
            notice["name"],
            notice["forename"],
            notice["date_of_birth"],
            (),
            notice["sex_id"],
        ),
    )
    return None if result is None else result.decision


def test_the_frozen_file_is_big_enough() -> None:
    pairs = _pairs()
    positives = Counter(p["family"] for p in pairs if p["label"] == "positive")
    negatives = Counter(p["family"] for p in pairs if p["label"] == "hard_negative")
    assert len(pairs) >= 1000
    assert len(positives) == 8
    assert min(positives.values()) >= 150
    assert min(negatives.values()) >= 30
    assert {p["split"] for p in pairs} == {"calibrate", "report"}


@pytest.mark.slow
def test_redwatch_meets_the_accuracy_goals_on_both_halves() -> None:
    found: dict[tuple[str, str], Counter[str]] = {}
    wrong_matches = []
    for pair in _pairs():
        decision = _decision(pair)
        tally = found.setdefault((pair["split"], pair["family"]), Counter())
        if pair["label"] == "positive":
            tally["positive"] += 1
            tally["possible"] += decision is not None
            tally["match"] += decision is Decision.MATCH
        elif decision is Decision.MATCH:
            wrong_matches.append((pair["id"], pair["query"]["name"], pair["notice"]["name"]))
    assert not wrong_matches
    assert len(found) == 16  # 8 families in each half
    for half_and_family, tally in found.items():
        at_possible = tally["possible"] / tally["positive"]
        at_match = tally["match"] / tally["positive"]
        assert at_possible >= GOAL_POSSIBLE, (half_and_family, at_possible)
        assert at_match >= GOAL_MATCH, (half_and_family, at_match)
