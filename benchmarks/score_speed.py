"""CPU time of ``score`` alone, on the pairs a screen scores and on the accuracy pairs.

python benchmarks/score_speed.py [--notices 7000] [--names 10000] [--seed 0] [--repeats 3]
                                 [--pairs-cache /tmp/score_pairs.pickle]

The screen workload is the (query, candidate) pairs that ``CandidateIndex.search`` really
scores when ``--names`` generated people (``check_speed.people``) are searched in a generated
mirror of ``--notices`` notices; building it takes about a minute, so ``--pairs-cache`` keeps
it in a file (a pickle of this machine's own making; the same pairs before and after a
change to the scorer, but to be rebuilt when the index changes which notices it scores).
The accuracy pairs are every pair of ``benchmarks/accuracy/pairs.jsonl``, scored as
``benchmarks/accuracy/run.py`` scores them.

When it builds the workload it prints the CPU microseconds per score spent during the
screen itself, in a fresh process: the scorer's caches fill as the screen goes, and the
index's bounds have already compared many of the words. Per workload it then prints CPU
microseconds per score (``time.process_time``, the best of ``--repeats``): *cold* with every
``lru_cache`` of ``matching.align`` and ``matching.score`` emptied first (parses and word
comparisons included: more than in a screen); *warm* when the same pairs are scored again.
The analyses of words (``names``) stay warm, as the index leaves them. Then
a sha256 of every field of every result: a change that only makes scoring faster keeps it.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import pickle
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import redwatch.matching.index
from redwatch.fake import generate_corpus
from redwatch.matching.index import CandidateIndex
from redwatch.matching.model import Candidate, Query, Result
from redwatch.matching.score import score

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE / "accuracy"))
from check_speed import people  # noqa: E402  (sibling scripts, not a package)
from run import load_pairs, redwatch_inputs  # type: ignore[import-not-found]  # noqa: E402

Pairs = list[tuple[Query, Candidate]]


def screen_pairs(notices: int, names: int, seed: int) -> tuple[Pairs, float]:
    """The pairs ``search`` scores for each generated person, in the order it scores them,
    and the CPU microseconds per score spent in ``score`` during those searches."""
    records = generate_corpus(size=notices, seed=seed)
    index = CandidateIndex.from_notices(records)
    gc.freeze()  # as ``redwatch screen`` does once its index is ready
    scored: Pairs = []
    spent = 0.0
    real = redwatch.matching.index.score

    def recording(query: Query, candidate: Candidate) -> Result | None:
        nonlocal spent
        scored.append((query, candidate))
        start = time.process_time()
        found = real(query, candidate)
        spent += time.process_time() - start
        return found

    redwatch.matching.index.score = recording
    gc.disable()  # as ``redwatch screen`` does while it screens
    try:
        for name, dob in people(records, names, seed):
            index.search(Query.build(name, dob=dob), None)
    finally:
        gc.enable()
        redwatch.matching.index.score = real
    return scored, spent / max(len(scored), 1) * 1e6


def accuracy_pairs() -> Pairs:
    return [redwatch_inputs(pair) for pair in load_pairs(split="all")]


def clear_scorer_caches() -> None:
    # By sys.modules: the package re-exports the function ``score`` under the module's name.
    for module in (sys.modules["redwatch.matching.align"], sys.modules[score.__module__]):
        for value in vars(module).values():
            clear: Callable[[], None] | None = getattr(value, "cache_clear", None)
            if clear is not None:
                clear()


def timed(pairs: Pairs) -> float:
    """CPU microseconds per score of one pass, without the cyclic collector (as in a screen)."""
    gc.collect()
    gc.disable()
    try:
        start = time.process_time()
        for query, candidate in pairs:
            score(query, candidate)
        return (time.process_time() - start) / len(pairs) * 1e6
    finally:
        gc.enable()


def digest(pairs: Pairs) -> str:
    """sha256 of the repr of every result (every field, floats exactly)."""
    hashed = hashlib.sha256()
    for query, candidate in pairs:
        hashed.update(repr(score(query, candidate)).encode())
        hashed.update(b"\n")
    return hashed.hexdigest()


def measure(label: str, pairs: Pairs, repeats: int) -> None:
    timed(pairs)  # the analyses of words warm, as the index leaves them
    cold, warm = [], []
    for _ in range(repeats):
        clear_scorer_caches()
        cold.append(timed(pairs))
        warm.append(timed(pairs))
    clear_scorer_caches()
    print(
        f"{label}: {len(pairs)} pairs, CPU per score cold {min(cold):.1f} µs "
        f"(runs {', '.join(f'{c:.1f}' for c in cold)}), warm {min(warm):.1f} µs "
        f"(runs {', '.join(f'{w:.1f}' for w in warm)}), digest {digest(pairs)}"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notices", type=int, default=7000)
    parser.add_argument("--names", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--pairs-cache", type=Path, default=None)
    args = parser.parse_args(argv)
    key: Any = (args.notices, args.names, args.seed)
    pairs: Pairs | None = None
    if args.pairs_cache is not None and args.pairs_cache.exists():
        kept_key, kept = pickle.loads(args.pairs_cache.read_bytes())
        pairs = kept if kept_key == key else None
    if pairs is None:
        pairs, in_screen = screen_pairs(args.notices, args.names, args.seed)
        print(f"in the screen itself: CPU per score {in_screen:.1f} µs (fresh process)")
        if args.pairs_cache is not None:
            args.pairs_cache.write_bytes(pickle.dumps((key, pairs)))
    measure(f"screen of {args.names} names at {args.notices} notices", pairs, args.repeats)
    measure("accuracy pairs", accuracy_pairs(), args.repeats)


if __name__ == "__main__":
    main()
