"""Watchlist screening on a mirror: the first sync's events, a quiet resync, one added entry,
a full rescreen — wall time and peak memory, on a real SQLite file.

python benchmarks/watch_screen.py [--size 7000] [--entries 500]

Half of the entries are people who have a notice, written as their families would write them
(the notice's name in Cyrillic); the other half have none.
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from redwatch.fake import generate_corpus
from redwatch.settings import load_settings
from redwatch.store.engine import open_engine
from redwatch.store.repository import Incoming, Repository
from redwatch.watch import WatchService, validated

T = TypeVar("T")

# Police romanisation back to Russian Cyrillic, roughly, as a relative might type the name.
# Written here because the romanisation libraries only go from Cyrillic to Latin.
_BACK = [
    ("shch", "щ"),
    ("dzh", "дж"),
    ("zh", "ж"),
    ("kh", "х"),
    ("ts", "ц"),
    ("ch", "ч"),
    ("sh", "ш"),
    ("yu", "ю"),
    ("ya", "я"),
    ("ye", "е"),
    ("yo", "ё"),
    ("iy", "ий"),
]
_SINGLE = dict(zip("abvgdezklmnoprstufhcqw", "абвгдезклмнопрстуфхцкв", strict=True)) | {"i": "и"}


def to_cyrillic(text: str) -> str:
    words = []
    for word in text.lower().split():
        for latin, cyrillic in _BACK:
            word = word.replace(latin, cyrillic)
        out = []
        for index, char in enumerate(word):
            if char == "y":
                out.append("й" if index and word[index - 1] in "аеиоуяюё" else "ы")
            elif char == "j":
                out.append("дж")
            else:
                out.append(_SINGLE.get(char, char))
        words.append("".join(out).capitalize())
    return " ".join(words)


def timed(label: str, action: Callable[[], T]) -> T:
    started = time.perf_counter()
    result = action()
    print(f"{label}: {time.perf_counter() - started:.2f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=7000)
    parser.add_argument("--entries", type=int, default=500)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    corpus = generate_corpus(size=args.size, seed=args.seed)
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as home:
        settings = replace(
            load_settings(),
            home=Path(home),
            db_url=f"sqlite:///{home}/bench.sqlite",
            key_file=Path(home) / "watchlist.key",
        )
        repo = Repository(open_engine(settings.db_url))
        service = WatchService.open(settings, repo)
        named = [n for n in corpus if n.get("name") and n.get("forename")]
        watched = rng.sample(named, args.entries // 2)
        expected: set[tuple[str, str]] = set()
        for person in watched:
            spelled = to_cyrillic(f"{person['forename']} {person['name']}".title())
            year = (person.get("date_of_birth") or "")[:4] or None
            ids, _ = service.watchlist.import_entries([(None, validated([spelled], dob=year))])
            expected.add((ids[0], person["entity_id"]))
        for number in range(args.entries - len(watched)):
            service.watchlist.import_entries([(None, validated([f"Nobody Nonesuch{number:04d}"]))])
        # The watchlist was made before any notice: the first sync screens all of them.
        for detail in corpus:
            repo.apply(Incoming(detail["entity_id"], detail, None, detail), sync_id=None)
        first = timed(
            f"after the first sync ({len(corpus)} new notices, {args.entries} entries)",
            service.screener.after_sync,
        )
        found = {(a.draft.entry_id, a.draft.entity_id) for a in service.alerts.all()}
        print(
            f"  alerts: {dict(first.alerts)}; watched people with a notice: {len(watched)}, "
            f"alerted for their own notice: {len(expected & found)}; "
            f"alerts for people without one: "
            f"{sum(1 for a in service.alerts.all() if a.draft.entry_names[0].startswith('Nobody'))}"
        )
        timed("after a sync with no change", service.screener.after_sync)
        for detail in rng.sample(corpus, len(corpus) // 100):
            changed = detail | {"weight": (detail.get("weight") or 0) + 1}
            repo.apply(Incoming(detail["entity_id"], changed, None, changed), sync_id=None)
        resync = timed("after a sync with 1% changed", service.screener.after_sync)
        print(f"  alerts: {dict(resync.alerts)}")
        entry = service.watchlist.add(validated(["Мустафа Джемілєв"], dob="1943"))
        timed(
            "one added entry against the whole mirror",
            lambda: service.screener.screen_entries([entry]),
        )
        timed("full rescreen", service.screener.rescreen)
        timed("decrypt every entry", service.watchlist.entries)
        timed("decrypt every alert", service.alerts.all)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
