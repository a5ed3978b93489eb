"""The guards that a change to the name rules must keep: index recall, cost, real notices.

    python3 benchmarks/accuracy/guards.py [--recall] [--cost] [--self-check]

- ``--recall``: every distinct notice of ``pairs.jsonl`` in one ``CandidateIndex``, each query
  searched through it: of the pairs the scorer reports at ``possible`` or better, how many the
  index returns (it must be all of them: a rule the index cannot reach loses notices).
- ``--cost``: what the keys cost, as ``docs/benchmarks.md`` reports it: ``CandidateIndex``
  over 7,000 generated notices (seed 3) and 2,000 re-spelled queries of them (seed 3):
  index keys, candidate notices fetched and notices scored per query, and how many queries
  find their own notice.
- ``--self-check``: the 1,442 real notices of November 2023
  (``../shared/data/interpol/details-2023-11.jsonl``), each queried by its own name and date
  of birth through the index: how many find themselves as ``match``, and how many other
  notices each raises to ``match`` and to ``possible``.

Without an option, all three.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path
from typing import Any

from run import load_pairs  # type: ignore[import-not-found]

from redwatch.fake import generate_corpus
from redwatch.matching import Candidate, Decision, Query, score
from redwatch.matching._respell import Respeller
from redwatch.matching.index import CandidateIndex

HERE = Path(__file__).parent
REAL_NOTICES = HERE.parents[2] / "shared" / "data" / "interpol" / "details-2023-11.jsonl"


def _notice_of(pair: dict[str, Any]) -> dict[str, Any]:
    notice = pair["notice"]
    return {
        "entity_id": f"{notice['name']}|{notice['forename']}|{notice['date_of_birth']}|"
        f"{notice['sex_id']}",
        **notice,
    }


def index_recall() -> None:
    pairs = load_pairs(split="all")
    notices = {n["entity_id"]: n for n in map(_notice_of, pairs)}
    index = CandidateIndex.from_notices(notices.values())
    expected = found = 0
    for pair in pairs:
        notice = _notice_of(pair)
        query = Query.build(pair["query"]["name"], dob=pair["query"]["dob"])
        candidate = Candidate.from_notice(notice)
        result = score(query, candidate)
        if result is None or result.decision is None:
            continue
        expected += 1
        searched = {r.entity_id for r in index.search(query, limit=None)}
        found += notice["entity_id"] in searched
    print(
        f"index recall: {found} of {expected} pairs reported at possible or better "
        f"({len(notices)} distinct notices in one index)"
    )


def _person_query(record: dict[str, Any]) -> str:
    forename = record["forename"] if record["forename"] not in (None, "-") else ""
    return f"{(forename or '').title()} {(record['name'] or '').title()}".strip()


def cost(notices: int = 7000, queries: int = 2000, seed: int = 3) -> None:
    records = list(generate_corpus(size=notices, seed=seed))
    started = time.process_time()
    index = CandidateIndex.from_notices(records)
    built = time.process_time() - started
    respeller = Respeller(seed)
    rng = random.Random(seed)
    chosen = rng.sample(records, queries)
    fetched = scored = own = 0
    started = time.process_time()
    for record in chosen:
        text, _ = respeller.respell(record)
        query = Query.build(text or "x")
        fetched += len(index.candidates(query))
        # The notices a search scores in full (private: a measurement, not an API).
        scored += len(index._bounded(query))
        own += record["entity_id"] in {r.entity_id for r in index.search(query, limit=None)}
    searched = time.process_time() - started
    print(
        f"cost: {index.key_count} index keys over {len(index)} notices (built in {built:.1f} s "
        f"CPU); per query {fetched / queries:.1f} candidates fetched, {scored / queries:.2f} "
        f"scored; {own} of {queries} find their notice ({searched:.1f} s CPU for the "
        "candidates, bounds and searches)"
    )


def self_check(path: Path = REAL_NOTICES) -> None:
    if not path.exists():
        print(f"self check: {path} not found")
        return
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    index = CandidateIndex.from_notices(records)
    themselves = others_match = others_possible = 0
    for record in records:
        query = Query.build(_person_query(record) or "x", dob=record["date_of_birth"])
        for result in index.search(query, limit=None):
            if result.entity_id == record["entity_id"]:
                themselves += result.decision is Decision.MATCH
            elif result.decision is Decision.MATCH:
                others_match += 1
            else:
                others_possible += 1
    print(
        f"self check: {len(records)} real notices; {themselves} find themselves as match; "
        f"other notices raised: {others_match} to match, {others_possible} to possible"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recall", action="store_true")
    parser.add_argument("--cost", action="store_true")
    parser.add_argument("--self-check", action="store_true")
    args = parser.parse_args()
    every = not (args.recall or args.cost or args.self_check)
    if every or args.recall:
        index_recall()
    if every or args.self_check:
        self_check()
    if every or args.cost:
        cost()


if __name__ == "__main__":
    main()
