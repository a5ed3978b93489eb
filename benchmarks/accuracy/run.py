"""Accuracy of redwatch, nomenklatura's logic-v2 and a rapidfuzz baseline on the frozen pairs.

    python3 -m pip install -e '.[bench]'     # nomenklatura, for logic-v2
    python3 benchmarks/accuracy/run.py [--split report|calibrate|all] [--failures N]
    python3 benchmarks/accuracy/run.py --freeze-logic-v2   # logic_v2.json, for the tests

Per family: recall at ``possible`` and at ``match`` on the positive pairs, and the rate of
``match`` on the hard negatives (which must be 0). Decisions of the other two systems:

- logic-v2 (the default algorithm of yente): ``match`` at score ≥ 0.7 (yente's
  ``SCORE_THRESHOLD``), ``possible`` at ≥ 0.5. Query and notice are followthemoney ``Person``
  entities with ``name`` and ``birthDate`` (the notice also ``firstName``/``lastName`` and
  ``gender``).
- rapidfuzz: ``token_sort_ratio`` of the names folded to ASCII (Cyrillic romanised by ICAO
  9303, diacritics dropped), ``match`` at ≥ 90 unless both full dates of birth differ,
  ``possible`` at ≥ 80.

Without nomenklatura installed the logic-v2 column is left out (and said so).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import iuliia
from rapidfuzz import fuzz

from redwatch.matching import Candidate, Query, score

HERE = Path(__file__).parent
PAIRS = HERE / "pairs.jsonl"
LOGIC_V2_REFERENCE = HERE / "logic_v2.json"
"""logic-v2's figures on each half, frozen (``--freeze-logic-v2``) so that the tests can
compare redwatch with them without nomenklatura."""
SPLITS = ("calibrate", "report")
FAMILIES = (
    "crimean_tatar",
    "ukrainian",
    "russian",
    "belarusian",
    "north_caucasus",
    "azerbaijani",
    "central_asian",
    "turkish",
)
Pair = dict[str, Any]
Decider = Callable[[Pair], str | None]


def load_pairs(path: Path = PAIRS, split: str = "report") -> list[Pair]:
    with path.open(encoding="utf-8") as lines:
        pairs = [json.loads(line) for line in lines if line.strip()]
    return pairs if split == "all" else [p for p in pairs if p["split"] == split]


# --- redwatch ---------------------------------------------------------------------------


def redwatch_inputs(pair: Pair) -> tuple[Query, Candidate]:
    """The pair's query and notice as redwatch's scorer takes them."""
    notice = pair["notice"]
    candidate = Candidate(
        str(pair["id"]),
        notice["name"],
        notice["forename"],
        notice["date_of_birth"],
        (),
        notice["sex_id"],
    )
    return Query.build(pair["query"]["name"], dob=pair["query"]["dob"]), candidate


def redwatch_decision(pair: Pair) -> str | None:
    result = score(*redwatch_inputs(pair))
    return None if result is None or result.decision is None else result.decision.value


# --- rapidfuzz baseline -----------------------------------------------------------------


def _ascii(text: str) -> str:
    if any("CYRILLIC" in unicodedata.name(c, "") for c in text):
        text = str(iuliia.ICAO_DOC_9303.translate(text.lower()))
    folded = unicodedata.normalize("NFKD", text.replace("ı", "i").replace("ə", "a"))
    return "".join(c for c in folded if not unicodedata.combining(c)).lower()


def rapidfuzz_decision(pair: Pair) -> str | None:
    notice = pair["notice"]
    target = f"{notice['forename'] or ''} {notice['name'] or ''}"
    ratio = fuzz.token_sort_ratio(_ascii(pair["query"]["name"]), _ascii(target))
    q_dob, n_dob = pair["query"]["dob"], notice["date_of_birth"]
    conflict = (
        q_dob is not None
        and n_dob is not None
        and len(q_dob) == 10
        and len(n_dob) == 10
        and q_dob.replace("-", "/") != n_dob
    )
    if ratio >= 90 and not conflict:
        return "match"
    return "possible" if ratio >= 80 else None


# --- nomenklatura logic-v2 ------------------------------------------------------------------


def logic_v2_decider() -> Decider | None:
    try:
        from followthemoney import model
        from nomenklatura.matching import LogicV2
    except ImportError:
        return None
    config = LogicV2.default_config()
    ids = itertools.count()

    def person(props: dict[str, str | None]) -> Any:
        entity = model.make_entity("Person")
        entity.id = f"p{next(ids)}"  # unique: logic-v2 caches by entity id
        for prop, value in props.items():
            if value:
                entity.add(prop, value)
        return entity

    def decide(pair: Pair) -> str | None:
        notice = pair["notice"]
        q_dob = pair["query"]["dob"]
        n_dob = (notice["date_of_birth"] or "").replace("/", "-") or None
        query = person({"name": pair["query"]["name"], "birthDate": q_dob})
        gender = {"M": "male", "F": "female"}.get(notice["sex_id"] or "")
        result = person(
            {
                "name": f"{notice['forename'] or ''} {notice['name'] or ''}".strip(),
                "firstName": notice["forename"],
                "lastName": notice["name"],
                "birthDate": n_dob,
                "gender": gender,
            }
        )
        value = LogicV2.compare(query, result, config).score
        if value >= 0.7:
            return "match"
        return "possible" if value >= 0.5 else None

    return decide


# --- report ---------------------------------------------------------------------------------


@dataclass
class Tally:
    positives: int = 0
    at_possible: int = 0
    at_match: int = 0
    negatives: int = 0
    false_match: int = 0

    def add(self, label: str, decision: str | None) -> None:
        if label == "positive":
            self.positives += 1
            self.at_possible += decision is not None
            self.at_match += decision == "match"
        else:
            self.negatives += 1
            self.false_match += decision == "match"

    def cells(self) -> tuple[str, str, str]:
        def pct(a: int, b: int) -> str:
            return f"{100 * a / b:5.1f}" if b else "  -  "

        return (
            pct(self.at_possible, self.positives),
            pct(self.at_match, self.positives),
            pct(self.false_match, self.negatives),
        )


def evaluate(pairs: Iterable[Pair], decide: Decider) -> tuple[dict[str, Tally], list[Pair]]:
    tallies = {family: Tally() for family in (*FAMILIES, "all")}
    failures: list[Pair] = []
    for pair in pairs:
        decision = decide(pair)
        for family in (pair["family"], "all"):
            tallies[family].add(pair["label"], decision)
        wrong = decision == "match" if pair["label"] == "hard_negative" else decision != "match"
        if wrong:
            failures.append({**pair, "decision": decision})
    return tallies, failures


def freeze_logic_v2(path: Path = LOGIC_V2_REFERENCE) -> None:
    """Write logic-v2's tallies per half and family (``LOGIC_V2_REFERENCE``)."""
    from importlib.metadata import version

    decide = logic_v2_decider()
    if decide is None:
        raise SystemExit("nomenklatura not installed (pip install -e '.[bench]')")
    figures = {
        split: {
            family: vars(tally)
            for family, tally in evaluate(load_pairs(PAIRS, split), decide)[0].items()
        }
        for split in SPLITS
    }
    reference = {"nomenklatura": version("nomenklatura"), "pairs": PAIRS.name, "tallies": figures}
    path.write_text(json.dumps(reference, indent=1) + "\n", encoding="utf-8")
    print(f"logic-v2 (nomenklatura {reference['nomenklatura']}) frozen in {path}")


def main() -> None:
    parser = argparse.ArgumentParser(description="accuracy benchmark")
    parser.add_argument("--split", choices=("report", "calibrate", "all"), default="report")
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    parser.add_argument("--failures", type=int, default=0, help="show N redwatch failures")
    parser.add_argument("--only-redwatch", action="store_true")
    parser.add_argument(
        "--freeze-logic-v2",
        action="store_true",
        help=f"write logic-v2's figures on both halves to {LOGIC_V2_REFERENCE.name} (for tests)",
    )
    args = parser.parse_args()
    if args.freeze_logic_v2:
        freeze_logic_v2()
        return
    pairs = load_pairs(args.pairs, args.split)
    systems: dict[str, Decider] = {"redwatch": redwatch_decision}
    if not args.only_redwatch:
        logic_v2 = logic_v2_decider()
        if logic_v2 is None:
            print("nomenklatura not installed (pip install -e '.[bench]'): no logic-v2 column")
        else:
            systems["logic-v2"] = logic_v2
        systems["rapidfuzz"] = rapidfuzz_decision
    results: dict[str, dict[str, Tally]] = {}
    failures: list[Pair] = []
    for name, decide in systems.items():
        started = time.perf_counter()
        results[name], found = evaluate(pairs, decide)
        if name == "redwatch":
            failures = found
        print(
            f"{name}: {len(pairs)} pairs in {time.perf_counter() - started:.1f} s", file=sys.stderr
        )
    positives = sum(p["label"] == "positive" for p in pairs)
    print(
        f"split {args.split}: {len(pairs)} pairs ({positives} positive, "
        f"{len(pairs) - positives} hard negatives)"
    )
    head = " | ".join(f"{name:^23}" for name in systems)
    print(f"{'family':15} {'pos':>4} {'neg':>4} | {head}")
    sub = " | ".join(f"{'@poss':>7} {'@match':>7} {'FM':>6}" for _ in systems)
    print(f"{'':15} {'':>4} {'':>4} | {sub}")
    for family in (*FAMILIES, "all"):
        first = results["redwatch"][family]
        cells = " | ".join(
            "{:>7} {:>7} {:>6}".format(*results[name][family].cells()) for name in systems
        )
        print(f"{family:15} {first.positives:4} {first.negatives:4} | {cells}")
    print("@poss, @match: recall (%) on positives; FM: false match (%) on hard negatives")
    for pair in failures[: args.failures]:
        print(json.dumps(pair, ensure_ascii=False))


if __name__ == "__main__":
    main()
