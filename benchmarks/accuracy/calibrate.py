"""Sweep redwatch's decision thresholds on the ``calibrate`` half of the frozen pairs.

    python3 benchmarks/accuracy/calibrate.py [--split calibrate]

For each (possible, match) threshold pair: recall at ``possible`` and at ``match`` on the
positive pairs, false ``match`` on the hard negatives, and the share of *unrelated* pairs
(each positive query against the notice of another person of the same family) raised to
``possible`` or ``match``: the flood a case worker would wade through. Thresholds are chosen
here and reported on the other half (``run.py --split report``).
"""

from __future__ import annotations

import argparse
import itertools
import sys
from typing import Any

from run import FAMILIES, load_pairs  # type: ignore[import-not-found]

from redwatch.matching import Candidate, Query, score

# The package re-exports the function ``score`` under the module's name: take the module.
scoring = sys.modules[score.__module__]
POSSIBLE = (0.6, 0.65, 0.7, 0.75, 0.8)
MATCH = (0.8, 0.85, 0.9, 0.95)


def _unrelated(pairs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each positive query with the notice of the next positive of its family (another
    person: the notice's first given word or family name differs)."""
    found = []
    for family in FAMILIES:
        positives = [p for p in pairs if p["family"] == family and p["label"] == "positive"]
        for a, b in zip(positives, positives[7:] + positives[:7], strict=True):
            if (a["notice"]["name"], a["notice"]["forename"]) == (
                b["notice"]["name"],
                b["notice"]["forename"],
            ):
                continue
            found.append({**a, "notice": b["notice"], "label": "unrelated"})
    return found


def _decide(pair: dict[str, Any]) -> str | None:
    notice = pair["notice"]
    result = score(
        Query.build(pair["query"]["name"], dob=pair["query"]["dob"]),
        Candidate(
            "x", notice["name"], notice["forename"], notice["date_of_birth"], (), notice["sex_id"]
        ),
    )
    return None if result is None or result.decision is None else result.decision.value


def main() -> None:
    parser = argparse.ArgumentParser(description="threshold sweep")
    parser.add_argument("--split", default="calibrate")
    args = parser.parse_args()
    pairs = load_pairs(split=args.split)
    unrelated = _unrelated(pairs)
    positives = [p for p in pairs if p["label"] == "positive"]
    negatives = [p for p in pairs if p["label"] == "hard_negative"]
    print(
        f"{len(positives)} positive, {len(negatives)} hard negative, "
        f"{len(unrelated)} unrelated pairs ({args.split})"
    )
    print(
        "possible match | recall@possible recall@match | hard: match possible+ "
        "| unrelated: possible+ match"
    )
    for possible, match in itertools.product(POSSIBLE, MATCH):
        scoring.POSSIBLE_THRESHOLD, scoring.MATCH_THRESHOLD = possible, match
        pos = [_decide(p) for p in positives]
        neg = [_decide(p) for p in negatives]
        unr = [_decide(p) for p in unrelated]
        print(
            f"{possible:8.2f} {match:5.2f} | "
            f"{100 * sum(d is not None for d in pos) / len(pos):15.1f} "
            f"{100 * sum(d == 'match' for d in pos) / len(pos):12.1f} | "
            f"{100 * sum(d == 'match' for d in neg) / len(neg):11.1f} "
            f"{100 * sum(d is not None for d in neg) / len(neg):9.1f} | "
            f"{100 * sum(d is not None for d in unr) / len(unr):19.1f} "
            f"{100 * sum(d == 'match' for d in unr) / len(unr):5.1f}"
        )


if __name__ == "__main__":
    main()
