"""List requests needed to enumerate the fake corpus: redwatch's plan vs a country crawl.

In process (the fake's own query code, no HTTP), so it measures requests, not the network:

    python benchmarks/enumeration_requests.py --size 7000

The baseline is a country-by-country crawl: one query per warrant country of the country list,
and redwatch's own adaptive splitting inside every country over the cap (a generous baseline:
a plain crawler splits worse).
"""

from __future__ import annotations

import argparse
import datetime as dt
import time

from redwatch.fake import FakeInterpol, generate_corpus
from redwatch.fake._countries import countries_payload
from redwatch.fake.lister import InProcessLister
from redwatch.interpol.enumeration import Enumerator
from redwatch.interpol.query import ListQuery


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=7000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--only", choices=("redwatch", "crawl"), help="run one plan (at 70,000 each takes long)"
    )
    args = parser.parse_args()
    today = dt.date.today()
    service = FakeInterpol(generate_corpus(size=args.size, seed=args.seed, today=today))
    countries = sorted(item["value"] for item in countries_payload())

    if args.only in (None, "redwatch"):
        lister = InProcessLister(service)
        started = time.perf_counter()
        result = Enumerator(lister, countries=countries, today=today).run()
        elapsed = time.perf_counter() - started
        print(
            f"redwatch: {args.size} notices, complete={result.complete}, "
            f"found={len(result.notices)}, list requests={lister.requests}, {elapsed:.1f}s"
        )

    if args.only in (None, "crawl"):
        lister = InProcessLister(service)
        started = time.perf_counter()
        found: set[str] = set()
        for code in countries:
            crawl = Enumerator(lister, countries=countries, today=today)
            found |= set(crawl.run(ListQuery(warrant_country=code)).notices)
        elapsed = time.perf_counter() - started
        print(
            f"country-by-country crawl: found={len(found)} of {len(service)}, "
            f"list requests={lister.requests}, {elapsed:.1f}s"
        )


if __name__ == "__main__":
    main()
