"""Speed of the analysis of a name word, and a digest of everything it produces.

python benchmarks/analysis_speed.py [--size 100000] [--queries 30000] [--dump FILE]

The fixed word list (built once, kept under ``--cache``, by default in the temporary
directory): the words, hyphen pieces and joined neighbour pairs of the notices of
``generate_corpus(size, seed=0)``, of ``Respeller(0)``'s re-spellings of the first
``--queries`` of them (Cyrillic, other systems, slips), every romanisation of their Cyrillic
words, and of the real notices in ``../shared/data/interpol`` (details of November 2023, the
April 2023 list, the lists of December 2020); a sample also in title and lower case.

Each figure is measured in a fresh process with cold caches (every word is new, as for an
index build or a query's new words): ``analyse`` of every word once, then ``parse_name`` of
the name texts, ``romanizations_by_system`` of the Cyrillic and Crimean Tatar Latin words,
and the index keys built on analyses (``token_keys``, ``near_keys``, ``gender_keys``).

The digest covers every field of every result (``analyse``: text, key, keys, segments,
fired, via, feminine, masculine; ``skeleton`` of each key; script, orthographies
and romanisations; ``parse_name`` and ``parse_notice_name``; the index keys), one SHA-256
per part, so that a speed change can be shown to change nothing. The index keys come from
``redwatch.matching``, which builds on the analyses; their digest changes if that code does.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "shared" / "data" / "interpol"
LIST_VERSION = 1


# --- the fixed word list ------------------------------------------------------------------


def _name_texts_of(parts: Any) -> list[str]:
    """Words, hyphen pieces and joined neighbour pairs of a parsed name."""
    texts: list[str] = []
    tokens = parts.tokens
    for token in tokens:
        texts.append(token.text)
        if len(token.parts) > 1:
            texts.extend(token.parts)
    for left, right in itertools.pairwise(tokens):
        texts.append(left.text + right.text)
    return texts


def _real_records() -> list[tuple[str | None, str | None]]:
    """(name, forename) of the real notices: details of 2023-11, the April 2023 list and the
    per-nationality lists of 2020-12."""
    records: list[tuple[str | None, str | None]] = []
    details = DATA / "details-2023-11.jsonl"
    if details.exists():
        for line in details.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                records.append((record.get("name"), record.get("forename")))
    psv = DATA / "lists-2023-04-all.psv"
    if psv.exists():
        lines = psv.read_text(encoding="utf-8").splitlines()
        header = lines[0].split("|")
        name_at, forename_at = header.index("name"), header.index("forename")
        for line in lines[1:]:
            cells = line.split("|")
            if len(cells) == len(header):
                records.append((cells[name_at], cells[forename_at]))
    for path in sorted((DATA / "lists-2020-12").glob("*.json")):
        items = json.loads(path.read_text(encoding="utf-8"))
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict):
                records.append((item.get("name"), item.get("forename")))
    return records


def build_list(size: int, queries: int) -> dict[str, list[Any]]:
    """Words, name texts (free text) and notice fields of the fixed list."""
    from redwatch.fake import generate_corpus
    from redwatch.matching._respell import Respeller
    from redwatch.names import parse_name, parse_notice_name, romanizations_by_system
    from redwatch.names.scripts import Script, detect_script

    corpus = generate_corpus(size=size, seed=0)
    notices = [(r.get("name"), r.get("forename")) for r in corpus] + _real_records()
    words: set[str] = set()
    for name, forename in notices:
        words.update(_name_texts_of(parse_notice_name(name, forename)))
    respeller = Respeller(0)
    texts: list[str] = []
    for record in corpus[:queries]:
        text, _ = respeller.respell(record)
        texts.append(text)
        parts = parse_name(text)
        words.update(_name_texts_of(parts))
        for token in parts.tokens:
            if detect_script(token.text) is not Script.LATIN:
                words.update(romanizations_by_system(token.text).values())
    # Title-case and lower-case forms of a sample: the same analyses by another path.
    sample = sorted(words)[::50]
    words.update(w.title() for w in sample)
    words.update(w.lower() for w in sample)
    words.discard("")
    unique_notices = sorted({(n or "", f or "") for n, f in notices})
    return {
        "words": sorted(words),
        "texts": sorted(set(texts)),
        "notices": [list(pair) for pair in unique_notices],
    }


def load_list(cache: Path, size: int, queries: int) -> dict[str, list[Any]]:
    path = cache / f"analysis-words-v{LIST_VERSION}-{size}-{queries}.json"
    if path.exists():
        loaded: dict[str, list[Any]] = json.loads(path.read_text(encoding="utf-8"))
        return loaded
    built = build_list(size, queries)
    cache.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(built, ensure_ascii=False), encoding="utf-8")
    return built


# --- measurement (in a fresh process) -----------------------------------------------------


def _timed(items: Iterable[Any], call: Callable[[Any], object]) -> tuple[int, float, float]:
    items = list(items)
    wall, cpu = time.perf_counter(), time.process_time()
    for item in items:
        call(item)
    return len(items), time.perf_counter() - wall, time.process_time() - cpu


def measure(words: list[str], texts: list[str], *, index_keys: bool) -> dict[str, Any]:
    from redwatch.matching.blocking import token_keys
    from redwatch.matching.index import gender_keys, near_keys
    from redwatch.names import analyse, parse_name, romanizations_by_system
    from redwatch.names.scripts import Script, detect_script

    analyse("warm")  # one-off tables (given names) are built at first use
    romanizations_by_system("тёплый")
    parse_name("Warm Up")
    figures: dict[str, Any] = {}
    count, wall, cpu = _timed(words, analyse)
    figures["analyse"] = {"items": count, "wall_s": wall, "cpu_s": cpu}
    cyrillic = [w for w in words if detect_script(w) is not Script.LATIN]
    count, wall, cpu = _timed(words, romanizations_by_system)
    figures["romanizations_by_system"] = {
        "items": count,
        "wall_s": wall,
        "cpu_s": cpu,
        "non_latin": len(cyrillic),
    }
    count, wall, cpu = _timed(texts, parse_name)
    figures["parse_name"] = {"items": count, "wall_s": wall, "cpu_s": cpu}

    if index_keys:

        def keys(word: str) -> None:
            token_keys(word)
            near_keys(word)
            gender_keys(word)

        count, wall, cpu = _timed(words, keys)
        figures["index keys (analyses cached)"] = {"items": count, "wall_s": wall, "cpu_s": cpu}
    return figures


# --- digest ---------------------------------------------------------------------------------


def _analysis_line(word: str) -> str:
    from redwatch.names import analyse, skeleton

    found = analyse(word)
    return json.dumps(
        [
            word,
            found.text,
            found.key,
            sorted(found.keys),
            [[s.source, s.symbol, [list(a) for a in s.alts]] for s in found.segments],
            sorted(found.fired),
            # Sorted: the order of ``via`` follows set iteration, which varies by hash seed.
            sorted([k, sorted(v)] for k, v in found.via.items()),
            sorted(found.feminine),
            sorted(found.masculine),
            sorted({k: skeleton(k) for k in found.keys}.items()),
        ],
        ensure_ascii=False,
    )


def _script_line(word: str) -> str:
    from redwatch.names import detect_script, guess_orthographies, romanizations_by_system

    return json.dumps(
        [
            word,
            detect_script(word),
            list(guess_orthographies(word)),
            list(romanizations_by_system(word).items()),
        ],
        ensure_ascii=False,
    )


def _parts_json(parts: Any) -> list[Any]:
    return [
        parts.source,
        parts.roles_known,
        [[t.text, t.role, t.particle, t.alias, list(t.parts)] for t in parts.tokens],
    ]


def _index_line(word: str) -> str:
    from redwatch.matching.blocking import token_keys
    from redwatch.matching.index import gender_keys, near_keys

    return json.dumps(
        [word, sorted(token_keys(word)), sorted(near_keys(word)), sorted(gender_keys(word))],
        ensure_ascii=False,
    )


def digest(listed: dict[str, list[Any]], dump: Path | None) -> dict[str, str]:
    from redwatch.names import parse_name, parse_notice_name

    words, texts, notices = listed["words"], listed["texts"], listed["notices"]
    parts: dict[str, Iterable[str]] = {
        "analyse": map(_analysis_line, words),
        "scripts and romanisations": map(_script_line, words),
        "parse_name": (
            json.dumps(_parts_json(parse_name(t)), ensure_ascii=False) for t in texts + words
        ),
        "parse_notice_name": (
            json.dumps(_parts_json(parse_notice_name(n, f)), ensure_ascii=False) for n, f in notices
        ),
        "index keys": map(_index_line, words),
    }
    out = dump.open("w", encoding="utf-8") if dump is not None else None
    found: dict[str, str] = {}
    try:
        for part, lines in parts.items():
            sha = hashlib.sha256()
            for line in lines:
                sha.update(line.encode("utf-8") + b"\n")
                if out is not None:
                    out.write(f"{part}\t{line}\n")
            found[part] = sha.hexdigest()
    finally:
        if out is not None:
            out.close()
    return found


# --- main -----------------------------------------------------------------------------------


def _child(args: argparse.Namespace) -> None:
    listed = load_list(args.cache, args.size, args.queries)
    result: dict[str, Any] = {}
    if not args.no_time:
        result["figures"] = measure(listed["words"], listed["texts"], index_keys=args.index_keys)
    if not args.no_digest:
        result["digest"] = digest(listed, args.dump)
    print(json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=30_000)
    parser.add_argument("--repeat", type=int, default=3, help="fresh processes to time")
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "redwatch-analysis-speed"
    )
    parser.add_argument("--dump", type=Path, help="write every digested line to this file")
    parser.add_argument("--no-digest", action="store_true")
    parser.add_argument("--no-time", action="store_true", help="the digest only")
    parser.add_argument(
        "--index-keys", action="store_true", help="also time token_keys, near_keys, gender_keys"
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args)
        return
    listed = load_list(args.cache, args.size, args.queries)
    words = listed["words"]
    print(
        f"{len(words):,} distinct words, {len(listed['texts']):,} query texts, "
        f"{len(listed['notices']):,} notice names; {platform.python_implementation()} "
        f"{platform.python_version()}, load {os.getloadavg()[0]:.2f}"
    )
    runs: list[dict[str, Any]] = []
    for run in range(1 if args.no_time else args.repeat):
        command = [sys.executable, __file__, "--child", "--size", str(args.size)]
        command += ["--queries", str(args.queries), "--cache", str(args.cache)]
        if args.index_keys:
            command.append("--index-keys")
        if args.no_time:
            command.append("--no-time")
        if run > 0 or args.no_digest:
            command.append("--no-digest")
        elif args.dump is not None:
            command += ["--dump", str(args.dump)]
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        output = subprocess.run(command, check=True, capture_output=True, text=True, env=env).stdout
        runs.append(json.loads(output.strip().splitlines()[-1]))
    for part in runs[0].get("figures", {}):
        best = min(runs, key=lambda r: r["figures"][part]["cpu_s"])["figures"][part]
        items = best["items"]
        print(
            f"{part:32} {items:>8,} items  {items / best['wall_s']:>9,.0f}/s wall  "
            f"{1e6 * best['cpu_s'] / items:>7.1f} µs CPU each (best of {len(runs)})"
        )
    for part, sha in runs[0].get("digest", {}).items():
        print(f"digest {part:28} {sha}")


if __name__ == "__main__":
    main()
