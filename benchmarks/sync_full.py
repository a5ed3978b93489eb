"""Full sync of the fake corpus over loopback, unthrottled: requests, wall time, peak memory.

python benchmarks/sync_full.py --size 7000 [--resync-changed 0.01] [--no-resync]

Peak memory is printed after each phase (the whole process: fake service, corpus, client, store).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from redwatch.fake import FakeInterpol, create_app, generate_corpus, serve
from redwatch.interpol.client import InterpolClient
from redwatch.mirror.sync import Syncer
from redwatch.settings import countries_url_for, load_settings
from redwatch.store.engine import open_engine
from redwatch.store.repository import Repository


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=7000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--resync-changed", type=float, default=0.01)
    parser.add_argument("--no-resync", action="store_true", help="stop after the full sync")
    args = parser.parse_args()
    service = FakeInterpol(generate_corpus(size=args.size, seed=args.seed))
    with tempfile.TemporaryDirectory() as home, serve(create_app(service)) as base_url:
        settings = replace(
            load_settings(),
            home=Path(home),
            db_url=f"sqlite:///{home}/bench.sqlite",
            interpol_url=base_url,
            countries_url=countries_url_for(base_url),
            rate=0,
        )
        repo = Repository(open_engine(settings.db_url))
        started = time.perf_counter()
        with InterpolClient(settings) as client:
            first = Syncer(repo, client).run()
        elapsed = time.perf_counter() - started
        print(
            f"full sync of {args.size}: complete={first.complete} notices={first.notices} "
            f"list_requests={first.list_requests} detail_requests={first.detail_requests} "
            f"wall={elapsed:.1f}s"
        )
        print(f"peak memory so far: {peak_mib():.0f} MiB")
        if args.no_resync:
            return
        rnd = random.Random(args.seed)
        ids = sorted(service.entity_ids())
        for entity_id in rnd.sample(ids, int(len(ids) * args.resync_changed)):
            notice = service.get(entity_id)
            assert notice is not None
            notice["name"] = (notice.get("name") or "") + "A"
            service.upsert(notice)
        started = time.perf_counter()
        with InterpolClient(settings) as client:
            second = Syncer(repo, client, today=dt.date.today()).run()
        elapsed = time.perf_counter() - started
        print(
            f"resync with {args.resync_changed:.0%} changed: complete={second.complete} "
            f"changed={second.changed} list_requests={second.list_requests} "
            f"detail_requests={second.detail_requests} wall={elapsed:.1f}s"
        )
    print(f"peak memory: {peak_mib():.0f} MiB")


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    main()
