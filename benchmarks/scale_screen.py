"""Screening at scale: N names against M synthetic records (default 100,000 × 1,000,000).

python benchmarks/scale_screen.py [--records 1000000] [--names 100000] [--workers 2]
    [--recall-queries 300] [--recall-records 20000] [--cdist-queries 400] [--seed 0]

**Records.** The fake service's generator (``redwatch.fake.corpus``) decides each record's
issuer, nationality, sex, date of birth and romanisation system as for the 7,000-notice
list; only its surnames are widened, since its word lists (about 1,800 words) would make a
million records a few thousand names repeated hundreds of times. Each name family's
surnames are recombined (the head of one with the tail of another, so the endings stay:
-ов, -енко, -швили, -ян, -ez...) into a vocabulary about forty times larger, drawn with the
generator's own skew (common names common, a long tail), written in Cyrillic for the
Cyrillic families and romanised by the police system the generator picked (ICAO, MVD,
GOST, BGN/PCGN, KMU), feminine forms included.

**Names.** Other generated people of the same kind (title case, a full date of birth half
the time), and one in ten a re-spelling of a record (Cyrillic, another system, surname
first, shortened, a slip: ``redwatch.matching._respell``).

The records are generated while the index is built from them: only the names (for
``cdist``) and the records the names re-spell or the recall sample draws are kept, so the
memory measured is the index's and the name caches', as in ``redwatch screen``.

**Measured**, on the machine as it is (say what else was running):

1. index build (one process) and its memory;
2. screening of every name with ``screen_lines`` (the JSON Lines that ``redwatch screen
   --json``/``--output`` writes) and ``--workers`` forked processes sharing
   the index, as ``redwatch screen`` does; peak memory of the parent and of the largest
   worker (``ru_maxrss``; forked pages shared copy-on-write are counted in both);
3. recall of the index against exhaustive scoring: ``--recall-queries`` names (half of them
   re-spellings) scored against every one of ``--recall-records`` records drawn at random
   (plus the re-spelled ones), compared with what the index reports among those records.
   Whether a record is reported depends on that record alone, so a sample of records
   measures the same recall as all of them;
4. a brute-force rapidfuzz ``cdist`` (``token_sort_ratio``, both cores) of
   ``--cdist-queries`` names against all the records' names, extrapolated linearly to all
   names (a full run would compare 10^11 pairs);
5. the kept index (``--kept``): the index pickled as ``redwatch`` keeps it between commands
   (``matching/index_cache.py``, without the word analyses it adds), its size, and the time
   and memory a fresh process takes to import redwatch and load it — what a command pays at
   start-up instead of the build. Last, so that the other figures are not disturbed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import hashlib
import os
import pickle
import platform
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process

from redwatch.fake import _words as words
from redwatch.fake._countries import ISSUER_WEIGHTS
from redwatch.fake.corpus import RU_SHARE, _feminine, _Generator, _Pick, _romanise
from redwatch.matching._respell import Respeller
from redwatch.matching.index import CandidateIndex, exhaustive_search
from redwatch.matching.model import Candidate, Query
from redwatch.screening import ScreenRow, screen_lines

FIELDS = ("entity_id", "name", "forename", "date_of_birth", "nationalities", "sex_id")
WIDEN = 40
"""Recombined surnames per original surname of a name family."""
_CHUNK = re.compile(r"[^aeiouyаеёиоуыэюяіїє]*[aeiouyаеёиоуыэюяіїє]+|[^aeiouyаеёиоуыэюяіїє]+$", re.I)


def _syllables(word: str) -> list[str]:
    return _CHUNK.findall(word) or [word]


def widened(surnames: tuple[str, ...], rng: random.Random, per_name: int) -> list[str]:
    """The surnames, then recombinations of them (head of one, tail of another)."""
    known = set(surnames)
    found: list[str] = []
    split = [_syllables(s) for s in surnames if len(_syllables(s)) >= 2]
    attempts = 0
    while len(found) < per_name * len(surnames) and split and attempts < 60 * per_name * 50:
        attempts += 1
        head, tail = rng.choice(split), rng.choice(split)
        cut_head = rng.randrange(1, len(head))
        cut_tail = rng.randrange(1, len(tail))
        word = "".join(head[:cut_head]) + "".join(tail[cut_tail:]).lower()
        if 4 <= len(word) <= 16 and word not in known:
            known.add(word)
            found.append(word)
    rng.shuffle(found)
    return [*surnames, *found]


class WideGenerator(_Generator):
    """The fake service's generator, with each name family's surnames widened."""

    def __init__(self, seed: int, today: dt.date) -> None:
        super().__init__(seed, today)
        rng = random.Random(seed ^ 0x5EED)
        self.cyrillic_surnames = {
            group: widened(family[2], rng, WIDEN)
            for group, family in words.CYRILLIC_FAMILIES.items()
        }
        self.cyrillic_surnames["ukrainian_national"] = widened(
            words.UKRAINIAN_NATIONAL[2], rng, WIDEN
        )
        self.latin_surnames = {
            group: widened(family[2], rng, WIDEN) for group, family in words.LATIN_FAMILIES.items()
        }
        self.issuer = _Pick(list(ISSUER_WEIGHTS), list(ISSUER_WEIGHTS.values()))

    def names(self, group: str, cyrillic: bool, sex: str, schema: str) -> tuple[str, str]:
        female = sex == "F" or (sex == "U" and self.chance(0.5))
        if cyrillic:
            if group == "ukrainian_national":
                males, females, _ = words.UKRAINIAN_NATIONAL
                schema = "kmu"
            else:
                males, females, _ = words.CYRILLIC_FAMILIES[group]
            forename = self.skewed(females if female else males)
            surname = self.skewed(self.cyrillic_surnames[group])
            if female:
                surname = _feminine(surname)
            return _romanise(forename, schema), _romanise(surname, schema)
        forename, _ = super().names(group, cyrillic, "F" if female else "M", schema)
        pool = self.latin_surnames[group]
        surname = self.skewed(pool).upper()
        if group in ("hispanic", "portuguese") and self.chance(0.8):
            second = self.choice(pool).upper()
            if second != surname:
                surname = f"{surname} {second}"
        return forename, surname

    def records(self, count: int) -> Iterator[dict[str, Any]]:
        for _ in range(count):
            issuer = "RU" if self.rng.random() < RU_SHARE else str(self.issuer(self.rng))
            notice = self.notice(issuer)
            yield {field: notice[field] for field in FIELDS}


def person(record: dict[str, Any], rng: random.Random) -> tuple[str, str | None]:
    forename = record["forename"] if record["forename"] not in (None, "-") else ""
    name = f"{forename} {record['name'] or ''}".title().strip() or "Unknown"
    dob = record["date_of_birth"]
    if dob and len(dob) == 10 and rng.random() < 0.5:
        return name, ".".join(reversed(dob.split("/")))
    return name, None


def respelled_positions(records: int, count: int, seed: int) -> list[int]:
    """Which records one name in ten re-spells (drawn before the records are made)."""
    rng = random.Random(seed ^ 0xA7)
    return [rng.randrange(records) for _ in range(0, count, 10)]


def people(
    kept: dict[int, dict[str, Any]], positions: list[int], count: int, seed: int, today: dt.date
) -> list[tuple[str, str | None, int | None]]:
    """(name, dob, index of the re-spelled record or None); ``kept`` holds the records at
    ``positions``."""
    rng = random.Random(seed)
    respeller = Respeller(seed)
    others = WideGenerator(seed + 1000, today).records(count)
    found: list[tuple[str, str | None, int | None]] = []
    for i, other in enumerate(others):
        if i % 10 == 0:
            at = positions[i // 10]
            text, _ = respeller.respell(kept[at])
            found.append((text, None, at))
        else:
            name, dob = person(other, rng)
            found.append((name, dob, None))
    return found


class Tap:
    """Passes the records on to the build, keeping the names and the records asked for."""

    def __init__(self, records: Iterator[dict[str, Any]], wanted: set[int]) -> None:
        self.records = records
        self.wanted = wanted
        self.kept: dict[int, dict[str, Any]] = {}
        self.names: list[str] = []
        self.distinct: set[tuple[str, str]] = set()
        self.surnames: set[str] = set()

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for at, record in enumerate(self.records):
            if at in self.wanted:
                self.kept[at] = record
            name, forename = record["name"] or "", record["forename"] or ""
            self.names.append(f"{forename if forename != '-' else ''} {name}".strip())
            self.distinct.add((name, forename))
            self.surnames.add(name)
            yield record


def mib(kilobytes: float) -> float:
    return kilobytes / 1024


def rss() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return mib(own), mib(children)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--names", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--recall-queries", type=int, default=300)
    parser.add_argument("--recall-records", type=int, default=20_000)
    parser.add_argument("--cdist-queries", type=int, default=400)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--kept", action=argparse.BooleanOptionalAction, default=True)
    args = parser.parse_args()
    today = dt.date(2026, 11, 29)  # fixed, so a seed always gives the same records
    print(
        f"machine: {platform.machine()} {os.cpu_count()} CPUs, Python {platform.python_version()},"
        f" {platform.system()} {platform.release()}; load average at start {os.getloadavg()}"
    )

    positions = respelled_positions(args.records, args.names, args.seed + 7)
    sampled = random.Random(args.seed + 11).sample(
        range(args.records), min(args.recall_records, args.records)
    )
    tap = Tap(WideGenerator(args.seed, today).records(args.records), {*positions, *sampled})
    gc.collect()
    started, cpu = time.perf_counter(), time.process_time()
    index = CandidateIndex.from_notices(tap)
    build = time.perf_counter() - started
    build_cpu = time.process_time() - cpu
    own, _ = rss()
    print(
        f"records: {args.records} generated while building ({len(tap.distinct)} distinct "
        f"names, {len(tap.surnames)} distinct surnames)"
    )
    # The generator's own time, measured apart on a share of the records, is taken off.
    started_gen = time.process_time()
    for _ in WideGenerator(args.seed + 99, today).records(min(args.records, 20_000)):
        pass
    generating = (time.process_time() - started_gen) * args.records / min(args.records, 20_000)
    print(
        f"index: {len(index)} records, {index.key_count} keys, built in {build:.1f} s wall, "
        f"{build_cpu:.1f} s CPU with the generator, about {build_cpu - generating:.1f} s CPU "
        f"without it (one process); peak RSS {own:.0f} MiB"
    )
    started = time.perf_counter()
    queries = people(tap.kept, positions, args.names, args.seed + 7, today)
    print(f"names: {len(queries)} generated in {time.perf_counter() - started:.1f} s")
    records = tap.kept
    names = tap.names
    del tap
    gc.collect()
    gc.freeze()

    rows = [
        ScreenRow(f"p{i}", name, Query.build(name, dob=dob), 0)
        for i, (name, dob, _) in enumerate(queries)
    ]
    started, children = time.perf_counter(), children_cpu()
    own_cpu = time.process_time()
    with_candidates = 0
    matched = 0
    digest = hashlib.sha256()
    for line, decision in screen_lines(index, rows, workers=args.workers):
        with_candidates += decision is not None
        matched += decision == "match"
        digest.update(line.encode())
    screening = time.perf_counter() - started
    parent_cpu = time.process_time() - own_cpu
    cpu = children_cpu() - children + parent_cpu
    own, largest = rss()
    print(
        f"screen: {len(rows)} names × {len(index)} records with {args.workers} processes in "
        f"{screening:.1f} s = {len(rows) / screening:.0f} names/s ({cpu:.1f} s CPU in all, "
        f"{1000 * cpu / len(rows):.2f} ms a name, {parent_cpu:.1f} s of it in this process); "
        f"{with_candidates} names with candidates "
        f"({matched} with a match); peak RSS parent {own:.0f} MiB, largest worker "
        f"{largest:.0f} MiB; load average now {os.getloadavg()}; digest of the results "
        f"{digest.hexdigest()[:16]}"
    )
    print(f"build + screen: {build + screening:.1f} s")

    measure_recall(index, records, sampled, queries, args)
    measure_cdist(names, queries, args, screening)
    if args.kept:
        del names, records
        measure_kept(index)


_LOAD = """
import pickle, re, sys, time
started, cpu = time.perf_counter(), time.process_time()
with open(sys.argv[1], "rb") as file:
    index = pickle.load(file)
wall, cpu = time.perf_counter() - started, time.process_time() - cpu
with open("/proc/self/status") as status:  # ru_maxrss would count the forking parent's
    peak = int(re.search(r"VmHWM:\\s+(\\d+)", status.read()).group(1))
print(wall, cpu, peak / 1024, len(index))
"""


def measure_kept(index: CandidateIndex) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "index.pickle"
        started = time.perf_counter()
        with path.open("wb") as file:
            pickle.dump(index, file, protocol=pickle.HIGHEST_PROTOCOL)
        written = time.perf_counter() - started
        size = path.stat().st_size / 2**20
        done = subprocess.run(
            [sys.executable, "-c", _LOAD, str(path)], capture_output=True, text=True, check=True
        )
    wall, cpu, peak, count = done.stdout.split()
    print(
        f"kept index: {size:.0f} MiB written in {written:.1f} s; a fresh process loads it in "
        f"{float(wall):.1f} s wall, {float(cpu):.1f} s CPU, peak RSS {float(peak):.0f} MiB "
        f"({count} records)"
    )


def measure_recall(
    index: CandidateIndex,
    records: dict[int, dict[str, Any]],
    sampled: list[int],
    queries: list[tuple[str, str | None, int | None]],
    args: argparse.Namespace,
) -> None:
    rng = random.Random(args.seed + 11)
    respelled = [q for q in queries if q[2] is not None]
    others = [q for q in queries if q[2] is None]
    half = args.recall_queries // 2
    sample = rng.sample(respelled, min(half, len(respelled)))
    sample += rng.sample(others, min(args.recall_queries - len(sample), len(others)))
    chosen = set(sampled) | {q[2] for q in sample if q[2] is not None}
    subset = [Candidate.from_notice(records[i]) for i in sorted(chosen)]
    ids = {c.entity_id for c in subset}
    started = time.perf_counter()
    expected = found = 0
    scored_pairs = 0
    for name, dob, _ in sample:
        query = Query.build(name, dob=dob)
        exhaustive = {r.entity_id for r in exhaustive_search(subset, query)}
        scored_pairs += len(subset)
        searched = {r.entity_id for r in index.search(query, limit=None)} & ids
        expected += len(exhaustive)
        found += len(exhaustive & searched)
    seconds = time.perf_counter() - started
    recall = found / expected if expected else 1.0
    print(
        f"recall: {found}/{expected} = {100 * recall:.2f} % of what exhaustive scoring finds "
        f"({len(sample)} names against {len(subset)} records; {scored_pairs} pairs scored "
        f"in {seconds:.0f} s = {1e6 * seconds / scored_pairs:.0f} µs a pair)"
    )
    per_pair = seconds / scored_pairs
    total_pairs = len(queries) * len(index)
    print(
        f"exhaustive scoring of every pair would take about {per_pair * total_pairs / 3600:.0f} "
        f"hours on one core (extrapolated)"
    )


def measure_cdist(
    choices: list[str],
    queries: list[tuple[str, str | None, int | None]],
    args: argparse.Namespace,
    screening: float,
) -> None:
    rng = random.Random(args.seed + 13)
    sample = [q[0] for q in rng.sample(queries, min(args.cdist_queries, len(queries)))]
    started = time.perf_counter()
    kept = 0
    for at in range(0, len(sample), 50):
        scores = process.cdist(
            sample[at : at + 50],
            choices,
            scorer=fuzz.token_sort_ratio,
            processor=str.lower,
            dtype=np.uint8,
            score_cutoff=80,
            workers=args.workers,
        )
        kept += int(np.count_nonzero(scores))
    seconds = time.perf_counter() - started
    full = seconds * len(queries) / len(sample)
    print(
        f"cdist: {len(sample)} names × {len(choices)} records (token_sort_ratio ≥ 80, "
        f"{args.workers} workers) in {seconds:.1f} s, {kept} pairs kept; for all "
        f"{len(queries)} names ≈ {full:.0f} s (extrapolated); redwatch's screening took "
        f"{screening:.0f} s: {screening / full:.2f}× the time of brute-force cdist"
    )


if __name__ == "__main__":
    main()
