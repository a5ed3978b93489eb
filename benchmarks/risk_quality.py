"""Precision and recall of each risk indicator on hand-labelled real charges.

    python benchmarks/risk_quality.py [--misses] [--typos] [--fake 7000]

The labelled set, ``benchmarks/data/charges_labelled.jsonl``, holds every distinct
(issuing country, charge) of the 1,442 real notices of November 2023
(``../shared/data/interpol/details-2023-11.jsonl``), each with one notice that carries it
(nationalities, place of birth) and the flags a reader expects (``expected``), labelled by
hand. Scores count distinct charges; ``occurrences`` says how many notices carry each.

``--fake N`` also reports the levels over a generated corpus of N notices, whose truth is
known from how the fake builds them (Crimean Tatar and Ukrainian people sought by Russia).
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter
from pathlib import Path
from typing import Any

from redwatch.risk import INDICATORS, assess_detail

LABELLED = Path(__file__).parent / "data" / "charges_labelled.jsonl"


def detail_of(record: dict[str, Any]) -> dict[str, Any]:
    return {
        "entity_id": record["entity_id"],
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


def ratio(numerator: int, denominator: int) -> str:
    return "n/a" if denominator == 0 else f"{numerator / denominator:.3f}"


def quality(records: list[dict[str, Any]], show_misses: bool) -> None:
    scores = {code: Counter[str]() for code in INDICATORS}
    weighted = {code: Counter[str]() for code in INDICATORS}
    levels: Counter[str] = Counter()
    misses: list[str] = []
    for record in records:
        assessment = assess_detail(detail_of(record))
        levels[assessment.level] += record["occurrences"]
        got = set(assessment.codes)
        expected = set(record["expected"])
        for code in INDICATORS:
            outcome = (
                "tp"
                if code in got and code in expected
                else "fp"
                if code in got
                else "fn"
                if code in expected
                else "tn"
            )
            scores[code][outcome] += 1
            weighted[code][outcome] += record["occurrences"]
            if outcome in ("fp", "fn"):
                misses.append(f"{outcome} {code}: {record['issuer']} {record['charge']!r}")
    total = sum(r["occurrences"] for r in records)
    print(f"{len(records)} distinct charges labelled ({total} warrants in the source file)")
    print("indicator | positives | TP | FP | FN | precision | recall | (per warrant: P / R)")
    for code in INDICATORS:
        s, w = scores[code], weighted[code]
        print(
            f"{code} | {s['tp'] + s['fn']} | {s['tp']} | {s['fp']} | {s['fn']} | "
            f"{ratio(s['tp'], s['tp'] + s['fp'])} | {ratio(s['tp'], s['tp'] + s['fn'])} | "
            f"{ratio(w['tp'], w['tp'] + w['fp'])} / {ratio(w['tp'], w['tp'] + w['fn'])}"
        )
    print("levels over the warrants:", dict(levels.most_common()))
    if show_misses:
        for miss in misses:
            print(miss)


def garble(text: str, rng: random.Random) -> str:
    """One random typo (deletion, doubling, swap or substitution) in every word of 5+ letters,
    the kind of slip real notices show (``arned``, ``particpation``, ``fromation``)."""
    words = []
    for word in text.split(" "):
        if len(word) >= 5 and word.isalpha():
            i = rng.randrange(1, len(word) - 1)
            kind = rng.randrange(4)
            if kind == 0:
                word = word[:i] + word[i + 1 :]
            elif kind == 1:
                word = word[:i] + word[i] + word[i:]
            elif kind == 2:
                word = word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]
            else:
                word = word[:i] + rng.choice("aeiourstnl") + word[i + 1 :]
        words.append(word)
    return " ".join(words)


def typo_robustness(records: list[dict[str, Any]], rounds: int = 5) -> None:
    """Recall and precision of the charge flags when every long word carries a typo: how far
    the rules hold beyond the spellings they were written against (out of sample)."""
    rng = random.Random(0)
    print(f"with a typo in every word of 5+ letters ({rounds} rounds, seed 0):")
    for code in ("dual_use_charge", "political_offence", "conflict_linked"):
        outcome: Counter[str] = Counter()
        for _ in range(rounds):
            for record in records:
                garbled = dict(record, charge=garble(record["charge"], rng))
                got = code in assess_detail(detail_of(garbled)).codes
                wanted = code in record["expected"]
                outcome["tp" if got and wanted else "fp" if got else "fn" if wanted else "tn"] += 1
        print(
            f"  {code}: precision {ratio(outcome['tp'], outcome['tp'] + outcome['fp'])}, "
            f"recall {ratio(outcome['tp'], outcome['tp'] + outcome['fn'])} "
            f"(TP {outcome['tp']}, FP {outcome['fp']}, FN {outcome['fn']})"
        )


def fake_levels(size: int) -> None:
    from redwatch.fake import generate_corpus

    by_group: dict[str, Counter[str]] = {}
    notices = generate_corpus(size=size, seed=0)
    started = time.perf_counter()
    assessments = [assess_detail(notice) for notice in notices]
    elapsed = time.perf_counter() - started
    for notice, assessment in zip(notices, assessments, strict=True):
        issuers = {w["issuing_country_id"] for w in notice["arrest_warrants"]}
        nationalities = set(notice.get("nationalities") or [])
        if "RU" in issuers and "UA" in nationalities:
            group = "RU issuer, Ukrainian national"
        elif "RU" in issuers:
            group = "RU issuer, other nationality"
        else:
            group = "other issuers"
        by_group.setdefault(group, Counter())[assessment.level] += 1
    print(f"fake corpus, {size} notices (seed 0): assessed in {elapsed:.2f} s (cold caches)")
    print("levels by group:")
    for group, counter in sorted(by_group.items()):
        print(f"  {group}: {dict(counter.most_common())}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--misses", action="store_true", help="List every false flag and miss.")
    parser.add_argument("--fake", type=int, default=0, help="Also assess N fake notices.")
    parser.add_argument("--typos", action="store_true", help="Also score garbled charges.")
    args = parser.parse_args()
    records = [json.loads(line) for line in LABELLED.read_text("utf-8").splitlines() if line]
    quality(records, args.misses)
    if args.typos:
        typo_robustness(records)
    if args.fake:
        fake_levels(args.fake)


if __name__ == "__main__":
    main()
