"""Speed of ``check`` and ``screen`` on a generated mirror: start-up, latency, throughput.

python benchmarks/check_speed.py [--notices 7000] [--names 10000] [--checks 500] [--seed 0]

The mirror is a real SQLite store in a temporary home, filled by ``import_paths`` with
generated notices. Start-up is measured twice: building the index (and
keeping it under ``$REDWATCH_HOME/cache``) and loading the kept one. ``check`` latency is
measured per query after start-up, on re-spellings of notice names and on names of other
generated people; ``screen`` runs ``--names`` generated people (a tenth of them re-spelled
notice names) through the library (one process, then ``--workers`` forked processes) and
then through the real command in three fresh processes (the kept index loaded at start-up;
redwatch's bytecode kept as an installed package keeps it, whatever PYTHONDONTWRITEBYTECODE
says: the first run writes what is missing).
"""

from __future__ import annotations

import argparse
import csv
import gc
import json
import os
import platform
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from redwatch.fake import generate_corpus
from redwatch.matching._respell import Respeller
from redwatch.matching.index_cache import load_index
from redwatch.mirror.importer import import_paths
from redwatch.screening import check, read_screen_csv, screen_rows
from redwatch.settings import load_settings
from redwatch.store.engine import open_engine
from redwatch.store.repository import Repository

COMMAND = """
from redwatch.cli import app, main
from redwatch.cli_matching import check, screen
known = {c.name for c in app.registered_commands}
if "screen" not in known:
    app.command("screen")(screen)
if "check" not in known:
    app.command("check")(check)
main()
"""


def person(record: dict[str, Any], rng: random.Random) -> tuple[str, str | None]:
    """A generated person as they would write themselves: title case, a date half the time."""
    forename = record["forename"] if record["forename"] not in (None, "-") else ""
    name = f"{forename} {record['name'] or ''}".title().strip() or "Unknown"
    dob = record["date_of_birth"]
    if dob and len(dob) == 10 and rng.random() < 0.5:
        return name, ".".join(reversed(dob.split("/")))
    return name, None


def people(notices: list[dict[str, Any]], count: int, seed: int) -> list[tuple[str, str | None]]:
    """Other generated people, and one in ten a re-spelled notice name."""
    rng = random.Random(seed)
    respeller = Respeller(seed)
    others = generate_corpus(size=count, seed=seed + 1000)
    found = []
    for i in range(count):
        if i % 10 == 0:
            text, _ = respeller.respell(rng.choice(notices))
            found.append((text, None))
        else:
            found.append(person(others[i], rng))
    return found


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _logged(lines: list[str], event: str) -> dict[str, str]:
    """The fields of the command's first log line of this event (key='value' pairs)."""
    line = next((line for line in lines if f"event='{event}'" in line), "")
    return dict(re.findall(r"(\w+)='?([^' ]*)'?", line))


def breakdown(lines: list[str], started: float, elapsed: float) -> str:
    """Start-up (to the index ready, by the log's clock), screening, and what is left
    (writing the end, exiting); CPU of the command process and of its workers."""
    ready, done = _logged(lines, "index_ready"), _logged(lines, "screen_done")
    if not ready or not done:
        return "(no index_ready or screen_done log line)"
    stamp = datetime.fromisoformat(ready["timestamp"].replace("Z", "+00:00")).timestamp()
    startup = stamp - started
    screening = float(done["seconds"])
    return (
        f"start-up {startup:.2f} s (interpreter, imports, file, index), screening "
        f"{screening:.2f} s, rest {elapsed - startup - screening:.2f} s; CPU: command "
        f"process {done.get('cpu', '?')} s, its workers {done.get('workers_cpu', '?')} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--notices", type=int, default=7000)
    parser.add_argument("--names", type=int, default=10_000)
    parser.add_argument("--checks", type=int, default=500)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    print(
        f"machine: {platform.machine()} {os.cpu_count()} CPUs, Python {platform.python_version()},"
        f" {platform.system()} {platform.release()}; load average {os.getloadavg()}"
    )
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        os.environ["REDWATCH_HOME"] = str(home)
        os.environ.pop("REDWATCH_DB_URL", None)
        notices = generate_corpus(size=args.notices, seed=args.seed)
        source = home / "notices.jsonl"
        source.write_text(
            "".join(json.dumps(n, ensure_ascii=False) + "\n" for n in notices), "utf-8"
        )
        repo = Repository(open_engine(load_settings().db_url))
        started = time.perf_counter()
        import_paths(repo, [source])
        print(f"mirror: {args.notices} generated notices imported in "
              f"{time.perf_counter() - started:.1f} s")  # fmt: skip

        settings = load_settings()
        started = time.perf_counter()
        built = load_index(repo, home / "cache", settings.db_url)
        startup = time.perf_counter() - started
        index = built.index
        print(
            f"start-up: index of {len(index)} notices, {index.key_count} keys, "
            f"{built.how} in {startup:.2f} s; peak RSS {peak_mib():.0f} MiB"
        )
        started = time.perf_counter()
        loaded = load_index(repo, home / "cache", settings.db_url)
        print(f"start-up again: {loaded.how} in {time.perf_counter() - started:.2f} s")
        gc.freeze()  # as the commands do once the index is ready

        queries = people(notices, args.checks, args.seed + 1)
        latencies = []
        matched = 0
        for name, dob in queries:
            started = time.perf_counter()
            result = check(index, name, dob=dob)
            latencies.append(1000 * (time.perf_counter() - started))
            matched += bool(result["candidates"])
        print(
            f"check: {len(queries)} queries after start-up:"
            f" p50 {percentile(latencies, 0.5):.2f} ms,"
            f" p95 {percentile(latencies, 0.95):.2f} ms, p99 {percentile(latencies, 0.99):.2f} ms,"
            f" max {max(latencies):.1f} ms, mean {statistics.fmean(latencies):.2f} ms;"
            f" {matched} with candidates"
        )

        table = home / "people.csv"
        with table.open("w", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream)
            writer.writerow(["id", "name", "dob"])
            for number, (name, dob) in enumerate(people(notices, args.names, args.seed + 2)):
                writer.writerow([f"p{number}", name, dob or ""])
        started, cpu = time.perf_counter(), time.process_time()
        rows = read_screen_csv(table).rows
        results = list(screen_rows(index, rows))
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu
        with_candidates = sum(bool(r["candidates"]) for r in results)
        print(
            f"screen (library, index built, one process): {len(rows)} names in {elapsed:.2f} s"
            f" ({cpu:.2f} s CPU) = {len(rows) / elapsed:.0f} names/s; {with_candidates} rows "
            "with candidates; "
            f"peak RSS {peak_mib():.0f} MiB"
        )
        started, cpu = time.perf_counter(), children_cpu()
        parallel = list(screen_rows(index, rows, workers=args.workers))
        elapsed = time.perf_counter() - started
        assert parallel == results
        print(
            f"screen (library, index built, {args.workers} processes): {len(rows)} names in "
            f"{elapsed:.2f} s ({children_cpu() - cpu:.2f} s CPU in the workers) = "
            f"{len(rows) / elapsed:.0f} names/s"
        )

        # As an installed redwatch runs: with its modules' bytecode kept (pip compiles it at
        # install; Python writes it at first import), which a machine that sets
        # PYTHONDONTWRITEBYTECODE (this one does) would otherwise compile at every start.
        env = {**os.environ, "REDWATCH_LOG_LEVEL": "INFO"}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        for attempt in (1, 2, 3):
            started, cpu, clock = time.perf_counter(), children_cpu(), time.time()
            done = subprocess.run(
                [sys.executable, "-c", COMMAND, "screen", str(table), "--output", str(home / "o")],
                capture_output=True,
                text=True,
                check=False,
                env=env,
            )
            elapsed = time.perf_counter() - started
            if done.returncode:
                sys.exit(done.stderr)
            lines = done.stderr.strip().splitlines()
            ready = next((line for line in lines if "index_ready" in line), "")
            print(
                f"screen (command #{attempt}, fresh process incl. start-up): {len(rows)} names"
                f" in {elapsed:.2f} s ({children_cpu() - cpu:.2f} s CPU in all); "
                f"{ready.split('index_ready')[-1].strip()}; {lines[-1]}; "
                f"load average {os.getloadavg()}"
            )
            print(f"  where the command's time went: {breakdown(lines, clock, elapsed)}")


if __name__ == "__main__":
    main()
