"""Screening: one person (``check``) or a list of people (``screen_rows``) against the mirror.

Everything here reads the local index only: no name ever leaves the machine. The output
shapes are a contract other parts and outside scripts rely on::

    {"query": <name>, "candidates": [<candidate>, ...]}                       # check
    {"id": <row id or 1-based row number>, "query": <name>, "candidates": [...]}  # each row

where each candidate is ``{"entity_id", "name", "forename", "date_of_birth", "score",
"decision", "explanation"}``; only ``match`` and ``possible`` candidates, best first.

A screening file is read and validated whole before anything is screened, so a bad line
stops the run before any output, with a message naming the line (never the name on it).
"""

from __future__ import annotations

import contextlib
import csv
import gc
import io
import multiprocessing
import pickle
import signal
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from redwatch.errors import InputError
from redwatch.jsontext import dump_json
from redwatch.matching.index import CandidateIndex, SearchMemo, _collector_paused
from redwatch.matching.model import Candidate, Query, Result
from redwatch.textfiles import read_user_text

if TYPE_CHECKING:
    from redwatch.store.repository import Repository

__all__ = [
    "CANDIDATE_FIELDS",
    "ScreenInput",
    "ScreenLine",
    "ScreenRow",
    "best_decision",
    "candidate_json",
    "check",
    "read_screen_csv",
    "screen_lines",
    "screen_rows",
]

CANDIDATE_FIELDS = (
    "entity_id",
    "name",
    "forename",
    "date_of_birth",
    "score",
    "decision",
    "explanation",
)
COLUMNS = ("id", "name", "dob", "nationality", "sex")
_DELIMITERS = ",;\t"
_T = TypeVar("_T")


@dataclass(frozen=True)
class ScreenRow:
    """One person to screen: the id reported back, the name as written, the parsed query."""

    id: str | int
    name: str
    query: Query
    line: int = 0
    """Line of the file the row starts on (0 when it did not come from a file)."""


class ScreenLine(NamedTuple):
    """One row's result as the JSON Lines output has it, and its best decision."""

    line: str
    """``{"id", "query", "candidates"}`` as one line of JSON (no newline)."""
    decision: str | None
    """``"match"`` if a candidate is a match, ``"possible"`` if one is possible, else None."""


@dataclass(frozen=True)
class ScreenInput:
    rows: list[ScreenRow]
    ignored_columns: tuple[str, ...] = ()
    """Header columns that are not ``id``, ``name``, ``dob``, ``nationality`` or ``sex``."""


def candidate_json(result: Result, candidate: Candidate) -> dict[str, Any]:
    """One candidate as the contract has it."""
    return {
        "entity_id": candidate.entity_id,
        "name": candidate.name,
        "forename": candidate.forename,
        "date_of_birth": candidate.date_of_birth,
        "score": result.score,
        "decision": None if result.decision is None else result.decision.value,
        "explanation": result.explanation,
    }


def _candidates(
    index: CandidateIndex,
    queries: list[Query],
    limit: int | None,
    memo: SearchMemo | None = None,
) -> list[list[dict[str, Any]]]:
    """The candidates of each query as the contract has them (searched together)."""
    found = []
    for results in index.search_many(queries, limit, memo=memo):
        rendered = []
        for result in results:
            candidate = index.get(result.entity_id)
            assert candidate is not None  # search only returns indexed notices
            rendered.append(candidate_json(result, candidate))
        found.append(rendered)
    return found


def check(
    repo_or_index: Repository | CandidateIndex,
    name: str,
    dob: str | None = None,
    nationality: str | None = None,
    sex: str | None = None,
    limit: int | None = 10,
) -> dict[str, Any]:
    """``{"query": name, "candidates": [...]}``: the notices that may name this person.

    Given a ``Repository``, its active notices are indexed first (build a ``CandidateIndex``
    once to check many names). Bad input raises ``InputError``.
    """
    query = Query.build(name, dob=dob, nationality=nationality, sex=sex)
    index = (
        repo_or_index
        if isinstance(repo_or_index, CandidateIndex)
        else CandidateIndex.from_repository(repo_or_index)
    )
    return {"query": name, "candidates": _candidates(index, [query], limit)[0]}


def _row(item: ScreenRow | Mapping[str, Any], number: int) -> ScreenRow:
    if isinstance(item, ScreenRow):
        return item
    cells = {str(k): None if v is None else str(v) for k, v in item.items()}
    row = _parse_row(cells, number, f"row {number}")
    raw_id = item.get("id")
    return row if not isinstance(raw_id, int) else ScreenRow(raw_id, row.name, row.query)


def screen_rows(
    index: CandidateIndex,
    rows: Iterable[ScreenRow | Mapping[str, Any]],
    *,
    workers: int = 1,
) -> Iterator[dict[str, Any]]:
    """One result per row, in input order: ``{"id", "query", "candidates"}``.

    Rows are ``ScreenRow`` (as ``read_screen_csv`` gives) or mappings with ``name`` and
    optionally ``id``, ``dob``, ``nationality``, ``sex``; a mapping without an ``id`` gets
    its 1-based position. Every row is validated before the first result. Rows asking the
    same (the same names, date of birth, nationality and sex) are searched once.

    With ``workers`` > 1 (and where processes can be forked) rows are screened by that
    many processes sharing the index. They are started here, not on first iteration, so a
    caller can start threads (a progress bar) afterwards; exhaust or close the iterator to
    stop them.
    """
    checked = [_row(item, number) for number, item in enumerate(rows, start=1)]
    return _rows_of(checked, _screen_queries(index, checked, workers, _as_found))


def screen_lines(
    index: CandidateIndex,
    rows: Iterable[ScreenRow | Mapping[str, Any]],
    *,
    workers: int = 1,
) -> Iterator[ScreenLine]:
    """``screen_rows`` as JSON Lines: each result the JSON of the same dict, one line each.

    The candidates are turned into JSON where they are found (in each worker), so only
    text goes back to this process, which has nothing left to do but write it.
    """
    checked = [_row(item, number) for number, item in enumerate(rows, start=1)]
    return _lines_of(checked, _screen_queries(index, checked, workers, _as_json))


def _screen_queries(
    index: CandidateIndex,
    rows: list[ScreenRow],
    workers: int,
    render: Callable[[list[dict[str, Any]]], _T],
) -> Iterator[_T]:
    """``render`` of the candidates of each distinct query, in the order they first appear."""
    queries = list(dict.fromkeys(row.query for row in rows))
    if workers <= 1 or len(queries) < _PARALLEL_FROM_ROWS or not _can_fork():
        return _screen_in_batches(index, queries, render)
    return _screen_in_processes(index, queries, workers, render)


def _as_found(candidates: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return candidates


def best_decision(candidates: list[dict[str, Any]]) -> str | None:
    """``"match"`` if a candidate is a match, ``"possible"`` if one is possible, else None."""
    decisions = {c["decision"] for c in candidates}
    return "match" if "match" in decisions else "possible" if decisions else None


def _as_json(candidates: list[dict[str, Any]]) -> tuple[str, str | None]:
    return dump_json(candidates), best_decision(candidates)


def _per_row(rows: list[ScreenRow], found: Iterator[_T]) -> Iterator[tuple[ScreenRow, _T, bool]]:
    """Each row with what ``found`` gives for its query (``found`` gives it for each distinct
    query in the order they first appear), and whether the row is the first to ask it."""
    done: dict[Query, _T] = {}
    try:
        for row in rows:
            if row.query in done:
                yield row, done[row.query], False
            else:
                got = done[row.query] = next(found)
                yield row, got, True
    finally:
        close = getattr(found, "close", None)
        if close is not None:
            close()


def _lines_of(
    rows: list[ScreenRow], found: Iterator[tuple[str, str | None]]
) -> Iterator[ScreenLine]:
    """Each row's line; the same as ``dump_json`` of the dict ``_rows_of`` gives."""
    for row, (candidates, decision), _ in _per_row(rows, found):
        line = (
            f'{{"id": {dump_json(row.id)}, "query": {dump_json(row.name)}, '
            f'"candidates": {candidates}}}'
        )
        yield ScreenLine(line, decision)


def _rows_of(
    rows: list[ScreenRow], found: Iterator[list[dict[str, Any]]]
) -> Iterator[dict[str, Any]]:
    """Each row with the candidates of its query."""
    for row, candidates, first in _per_row(rows, found):
        if not first:
            candidates = [dict(c) for c in candidates]  # each row its own objects
        yield {"id": row.id, "query": row.name, "candidates": candidates}


def _screen_batch(
    index: CandidateIndex,
    queries: list[Query],
    memo: SearchMemo,
    render: Callable[[list[dict[str, Any]]], _T],
) -> list[_T]:
    """Screen a few queries with the cyclic collector paused, then collect only what they left.

    Left on, the collector kept walking the name caches as they grew (a fifth to a third of
    the CPU of a run of 5,000 names); what one batch creates is little, and a collection of
    the youngest generation frees any cycles. A forked worker runs with the collector off
    (``_work``), and skips the collection.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return [render(found) for found in _candidates(index, queries, None, memo)]
    finally:
        if enabled:
            gc.enable()
            gc.collect(0)


def _screen_in_batches(
    index: CandidateIndex, queries: list[Query], render: Callable[[list[dict[str, Any]]], _T]
) -> Iterator[_T]:
    memo = SearchMemo(index)  # the index does not change during a run
    for start in range(0, len(queries), _CHUNK):
        yield from _screen_batch(index, queries[start : start + _CHUNK], memo, render)


_PARALLEL_FROM_ROWS = 200
_CHUNK = 50
"""Most queries screened between two looks at the work left (and results sent back)."""
_LEAST_CHUNK = 4
"""Fewest queries a worker takes at a time, near the end of a run (so workers end together)."""
_WINDOW = 2048
"""Distinct queries ordered together for the workers (``_plan``): a window's results all
come back before much of the next window's, so rows still come out steadily. Against 256,
two workers screening 20,000 names against a million notices repeat less of each other's
work: 4.98 against 5.23 ms of CPU a name."""


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _affinity(query: Query) -> str:
    """What a query is ordered by for the workers: its longest word, in lower case.

    A cheap stand-in for its family name: queries near each other in this order share
    words and candidate notices, so the worker that screens them parses those notices,
    analyses those words and compares those pairs once instead of each worker doing it.
    """
    return max(query.names[0].lower().split(), key=len, default="")


def _plan(queries: list[Query], window: int) -> list[int]:
    """Numbers of the queries in the order the workers take them: window by window of the
    input, each window sorted by ``_affinity`` (ties in input order).

    Each worker screens the same share of every window's order (``_Claims``), so it
    keeps meeting the same family names. Against chunks dealt out in input order, two
    workers on 10,000 names (``benchmarks/check_speed.py``) repeat fewer of one process's
    notice parses (1,236 against 2,070 more), word comparisons (6,046 against 8,782),
    joined-word comparisons (1,966 against 5,873) and word analyses (412 against 1,299).
    """
    keys = [_affinity(query) for query in queries]
    order: list[int] = []
    for start in range(0, len(queries), window):
        order.extend(sorted(range(start, min(start + window, len(queries))), key=keys.__getitem__))
    return order


class _Claims:
    """Which stretch of the plan each forked worker screens next (shared memory and a lock).

    The plan's current window is cut into one share per worker; a worker takes its own
    share from the front, and once that is done, takes from the end of the share with the
    most left, so that all finish together. Stretches shrink as the work left does.
    """

    def __init__(self, total: int, workers: int, window: int, lock: Any, state: Any) -> None:
        self.total = total
        self.workers = workers
        self.window = window
        self.lock = lock
        self.state = state
        """The window's number, then each worker's share as [start, end) of the plan."""
        self._open(0)

    @classmethod
    def shared(cls, total: int, workers: int, window: int) -> _Claims:
        context = multiprocessing.get_context("fork")
        return cls(total, workers, window, context.Lock(), context.RawArray("q", 1 + 2 * workers))

    def _open(self, number: int) -> None:
        start = number * self.window
        size = min(self.total, start + self.window) - start
        state = self.state
        state[0] = number
        for worker in range(self.workers):
            state[1 + 2 * worker] = start + size * worker // self.workers
            state[2 + 2 * worker] = start + size * (worker + 1) // self.workers

    def claim(self, worker: int) -> tuple[int, int] | None:
        """The next stretch [start, end) of the plan for ``worker``; None when all is taken."""
        state = self.state
        with self.lock:
            while True:
                left = [state[2 + 2 * k] - state[1 + 2 * k] for k in range(self.workers)]
                later = max(0, self.total - (state[0] + 1) * self.window)
                size = min(_CHUNK, max(_LEAST_CHUNK, (sum(left) + later) // (4 * self.workers)))
                if left[worker] > 0:
                    start = state[1 + 2 * worker]
                    state[1 + 2 * worker] = end = start + min(size, left[worker])
                    return start, end
                most = max(range(self.workers), key=left.__getitem__)
                if left[most] > 0:
                    end = state[2 + 2 * most]
                    state[2 + 2 * most] = start = end - min(size, left[most])
                    return start, end
                if not later:
                    return None
                self._open(state[0] + 1)


def _work(
    worker: int,
    index: CandidateIndex,
    queries: list[Query],
    plan: list[int],
    claims: _Claims,
    render: Callable[[list[dict[str, Any]]], _T],
    sink: Connection,
) -> None:
    """A forked worker: screen stretches of the plan until none is left, sending back each
    stretch's start and rendered results (or the error that stopped it)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    # No cyclic collector: the worker lives for one run, screening makes no reference cycles
    # (reference counting frees what a batch leaves), and each collection only walked the
    # name caches' new entries again (4 % of a screen of a million notices).
    gc.disable()
    try:
        memo = SearchMemo(index)  # the forked index never changes
        while (stretch := claims.claim(worker)) is not None:
            start, end = stretch
            chosen = [queries[number] for number in plan[start:end]]
            sink.send((start, _screen_batch(index, chosen, memo, render)))
    except BaseException as exc:  # every failure goes back to the parent, which raises it
        try:
            message = pickle.dumps((-1, exc))
        except Exception:  # an exception that does not pickle
            failed = RuntimeError(f"a screening worker failed: {type(exc).__name__}")
            message = pickle.dumps((-1, failed))
        with contextlib.suppress(OSError):  # the parent is gone: nobody to tell
            sink.send_bytes(message)
    finally:
        sink.close()


def _screen_in_processes(
    index: CandidateIndex,
    queries: list[Query],
    workers: int,
    render: Callable[[list[dict[str, Any]]], _T],
) -> Iterator[_T]:
    """Fork ``workers`` processes (each starts with the index, the queries and the warm
    name caches of this one) and give back their results in the queries' order."""
    plan = _plan(queries, _WINDOW)
    claims = _Claims.shared(len(queries), workers, _WINDOW)
    context = multiprocessing.get_context("fork")
    sources: list[Connection] = []
    processes: list[multiprocessing.process.BaseProcess] = []

    def stop() -> None:
        for process in processes:
            if process.exitcode is None:
                process.terminate()
        for process in processes:
            process.join()
        for source in sources:
            source.close()

    for stream in (sys.stdout, sys.stderr):  # or each worker would write it again at exit
        with contextlib.suppress(AttributeError, OSError, ValueError):
            stream.flush()
    try:
        for worker in range(workers):
            source, sink = context.Pipe(duplex=False)
            sources.append(source)
            process = context.Process(
                target=_work,
                args=(worker, index, queries, plan, claims, render, sink),
                daemon=True,
            )
            process.start()
            processes.append(process)
            sink.close()  # the worker's end: at its exit the parent reads end-of-file
    except BaseException:
        stop()
        raise

    def results() -> Iterator[_T]:
        found: list[Any] = [None] * len(queries)
        ready = bytearray(len(queries))
        waiting = list(sources)
        try:
            for number in range(len(queries)):
                while not ready[number]:
                    if not waiting:
                        raise RuntimeError("screening workers stopped before the end")
                    for source in wait(waiting):
                        assert isinstance(source, Connection)
                        try:
                            start, rendered = source.recv()
                        except EOFError:
                            waiting.remove(source)
                            continue
                        if start < 0:
                            raise rendered
                        for at, item in enumerate(rendered, start=start):
                            found[plan[at]] = item
                            ready[plan[at]] = 1
                yield found[number]
                found[number] = None
        finally:
            stop()

    return results()


# -- the CSV file ----------------------------------------------------------------------------


def _cell(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def _parse_row(
    cells: Mapping[str, str | None], number: int, where: str, line: int = 0
) -> ScreenRow:
    """Validate one row; ``where`` starts every message (``people.csv: line 4``), ``line``
    is the file's line the row starts on."""
    name = _cell(cells.get("name"))
    if name is None:
        raise InputError(f"{where}: the name is empty")
    dob = _cell(cells.get("dob"))
    nationality = _cell(cells.get("nationality"))
    sex = _cell(cells.get("sex"))
    row_id = _cell(cells.get("id"))
    try:
        query = Query.build(name, dob=dob, nationality=nationality, sex=sex)
    except InputError:
        pass
    else:
        return ScreenRow(number if row_id is None else row_id, name, query, line)
    # Each field is checked on its own so the message says which one is wrong.
    try:
        Query.build(name, dob=dob)
    except InputError:
        raise InputError(f"{where}: bad date of birth {dob!r}") from None
    try:
        Query.build(name, nationality=nationality)
    except InputError:
        raise InputError(f"{where}: bad nationality {nationality!r} (a code such as UA)") from None
    try:
        query = Query.build(name, dob=dob, nationality=nationality, sex=sex)
    except InputError:
        raise InputError(f"{where}: bad sex {sex!r} (M or F)") from None
    return ScreenRow(number if row_id is None else row_id, name, query, line)


def _delimiter(header_line: str) -> str:
    """The delimiter the header uses most (a one-column header: a comma)."""
    counts = {d: header_line.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _header(cells: list[str], label: str) -> tuple[dict[str, int], tuple[str, ...]]:
    columns: dict[str, int] = {}
    ignored: list[str] = []
    for position, raw in enumerate(cells):
        column = raw.strip().lower()
        if column in COLUMNS:
            if column in columns:
                raise InputError(f"{label}: line 1: the column {column!r} appears twice")
            columns[column] = position
        elif column:
            ignored.append(raw.strip())
    if "name" not in columns:
        raise InputError(
            f"{label}: line 1: the header needs a 'name' column "
            "(and optionally id, dob, nationality, sex)"
        )
    return columns, tuple(ignored)


def read_screen_csv(path: str | Path) -> ScreenInput:
    """Read and validate a screening file whole; the first bad line raises ``InputError``.

    The header must have ``name`` and may have ``id``, ``dob``, ``nationality``, ``sex``
    (any order and case; other columns are ignored and listed). Comma, semicolon and tab
    delimiters are recognised from the header; blank lines are skipped.
    """
    path = Path(path)
    text = read_user_text(path)
    if not text.strip():
        raise InputError(f"{path}: the file is empty")
    first_line = text.lstrip("\r\n").splitlines()[0]
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=_delimiter(first_line), strict=True
    )
    rows: list[ScreenRow] = []
    errors: list[str] = []
    columns: dict[str, int] | None = None
    ignored: tuple[str, ...] = ()
    width = 0
    line = 1
    with _collector_paused():  # tens of thousands of new objects, no cycles
        try:
            for cells in reader:
                start, line = line, reader.line_num + 1
                if not "".join(cells).strip():
                    continue
                if columns is None:
                    columns, ignored = _header(cells, str(path))
                    width = len(cells)
                    continue
                if len(cells) > width:
                    errors.append(
                        f"{path}: line {start}: {len(cells)} fields, the header has {width} "
                        "(quote names that contain the delimiter)"
                    )
                    continue
                values = {c: cells[i] if i < len(cells) else None for c, i in columns.items()}
                try:
                    row = _parse_row(
                        values, len(rows) + len(errors) + 1, f"{path}: line {start}", start
                    )
                except InputError as exc:
                    errors.append(str(exc))
                    continue
                rows.append(row)
        except csv.Error as exc:
            errors.append(f"{path}: line {reader.line_num}: not valid CSV ({exc})")
    if columns is None:
        raise InputError(f"{path}: the file has no header")
    if errors:
        others = len(errors) - 1
        more = f" (and {others} more bad line{'s' if others > 1 else ''})" if others else ""
        raise InputError(errors[0] + more)
    return ScreenInput(rows, ignored)
