"""``redwatch check`` and ``redwatch screen``: thin commands over ``redwatch.screening``.

Registered in ``cli.py`` with ``app.command("check")(check)`` and ``app.command("screen")(screen)``.
Both read the local store only; names appear only in the output the user asked for (stdout
or ``--output``), never in log lines or error messages, which cite line numbers instead.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import structlog
import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from redwatch.cli_support import (
    ABSENCE_REMINDER,
    JsonOption,
    command_settings,
    emit_json,
    open_repository,
)
from redwatch.errors import InputError, NotFoundError

if TYPE_CHECKING:
    from redwatch.matching.index import CandidateIndex
    from redwatch.screening import ScreenLine

__all__ = ["ABSENCE_REMINDER", "check", "screen"]

log = structlog.get_logger(__name__)

PROGRESS_FROM_ROWS = 100
"""Screening runs shorter than this show no progress bar."""
_PROGRESS_STEP = 50
"""Rows written between two moves of the bar (each move takes the bar's lock)."""
MAX_WORKERS = 8
"""Most processes a long screening run uses (one per CPU up to this)."""

_DECISION_STYLE = {"match": "bold red", "possible": "yellow"}


def _single_threaded_numpy() -> None:
    """Keep NumPy's BLAS from starting a thread per CPU when it is imported: the search
    multiplies no matrices, the screening workers are processes, and the threads
    cost start-up time (about 0.03 s CPU of the import on two CPUs) and are there at fork.
    Only before NumPy is first imported, and only where the user did not choose (the
    OpenBLAS of NumPy's wheels reads this)."""
    if "numpy" not in sys.modules:
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def _open_index(err: Console) -> CandidateIndex:
    """Settings, logging, the store and its index; an empty mirror is an error.

    The index is kept under ``$REDWATCH_HOME/cache`` between commands (see
    ``redwatch.matching.index_cache``): built once, then loaded and brought up to date.
    """
    from redwatch.matching.index_cache import load_index

    settings = command_settings()
    repo = open_repository(settings)
    started = time.perf_counter()
    status = err.status("Indexing the local mirror…") if err.is_terminal else None
    with status or contextlib.nullcontext():
        loaded = load_index(repo, settings.home / "cache", settings.db_url)
    index = loaded.index
    # The index lives until the command ends: keep the cyclic collector off its millions of
    # objects (each full collection would walk them), and forked workers off their pages.
    gc.freeze()
    log.info(
        "index_ready",
        how=loaded.how,
        notices=len(index),
        keys=index.key_count,
        seconds=round(time.perf_counter() - started, 3),
    )
    if not len(index):
        raise NotFoundError(
            "the local mirror has no active notices: run `redwatch sync` (or `redwatch demo`) first"
        )
    return index


def _styled(decision: str) -> Text:
    return Text(decision, style=_DECISION_STYLE.get(decision, ""))


def _person(candidate: dict[str, Any]) -> str:
    return " ".join(p for p in (candidate["forename"], candidate["name"]) if p and p != "-")


def check(
    name: Annotated[str, typer.Argument(help="The name as the person writes it, any script.")],
    dob: Annotated[
        str | None,
        typer.Option("--dob", help="Date of birth: 17.05.1990, 1990-05-17, 05/1990 or 1990."),
    ] = None,
    nationality: Annotated[
        str | None, typer.Option("--nationality", help="Country code, e.g. UA.")
    ] = None,
    sex: Annotated[str | None, typer.Option("--sex", help="M or F.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Most candidates to show.")] = 10,
    json_output: JsonOption = False,
) -> None:
    """Check one person against the local mirror of public red notices (nothing is sent)."""
    _single_threaded_numpy()
    from redwatch.matching.model import Query
    from redwatch.screening import check as check_name

    Query.build(name, dob=dob, nationality=nationality, sex=sex)  # bad input fails first
    err = Console(stderr=True)
    index = _open_index(err)
    started = time.perf_counter()
    result = check_name(index, name, dob=dob, nationality=nationality, sex=sex, limit=limit)
    log.info(
        "check_done",
        candidates=len(result["candidates"]),
        notices=len(index),
        ms=round(1000 * (time.perf_counter() - started), 1),
    )
    if json_output:
        emit_json(result)
        return
    out = Console()
    candidates = result["candidates"]
    if candidates:
        table = Table(title="Public red notices that may name this person", title_justify="left")
        table.add_column("#", justify="right")
        table.add_column("notice", no_wrap=True)
        table.add_column("name")
        table.add_column("born", no_wrap=True)
        table.add_column("score", justify="right")
        table.add_column("decision")
        for rank, found in enumerate(candidates, start=1):
            table.add_row(
                str(rank),
                found["entity_id"],
                Text(_person(found)),
                found["date_of_birth"] or "",
                f"{found['score']:.2f}",
                _styled(found["decision"]),
            )
        out.print(table)
        out.print("Why:", style="bold")
        for rank, found in enumerate(candidates, start=1):
            out.print(Text(f"{rank:>3}. {found['entity_id']}"))
            for reason in found["explanation"].split("; "):
                out.print(Text(f"     {reason}"), soft_wrap=True)
    else:
        out.print(
            f"No match or possible match among the {len(index)} public notices "
            "in the local mirror.",
            highlight=False,
            soft_wrap=True,
        )
    out.print(ABSENCE_REMINDER, highlight=False, soft_wrap=True)


@contextlib.contextmanager
def _destination(output: Path | None) -> Iterator[TextIO]:
    """stdout, or ``output`` written whole or not at all (through a temporary file)."""
    if output is None:
        yield sys.stdout
        return
    temporary = output.with_name(f".{output.name}.{os.getpid()}.tmp")
    try:
        stream = temporary.open("w", encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{output}: cannot write ({exc.strerror})") from None
    try:
        with stream:
            yield stream
        try:
            os.replace(temporary, output)
        except OSError as exc:
            raise InputError(f"{output}: cannot write ({exc.strerror})") from None
    finally:
        temporary.unlink(missing_ok=True)


def screen(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE.csv",
            help="CSV with a header: name, and optionally id, dob, nationality, sex.",
        ),
    ],
    json_output: JsonOption = False,
    output: Annotated[
        Path | None,
        typer.Option("--output", help="Write the JSON Lines to this file (implies --json)."),
    ] = None,
) -> None:
    """Screen a list of people against the local mirror (nothing is sent).

    With --json, one JSON object per input row, in input order:
    {"id", "query", "candidates": [...]}, candidates being match or possible only.
    """
    _single_threaded_numpy()
    from redwatch.screening import read_screen_csv, screen_lines, screen_rows

    err = Console(stderr=True)
    given = read_screen_csv(file)  # the whole file is checked before anything is screened
    if output is not None and (output.is_dir() or not output.parent.is_dir()):
        raise InputError(f"{output}: give a file in an existing folder for --output")
    if given.ignored_columns:
        err.print(
            "[yellow]warning:[/] ignoring columns not used for screening: "
            + escape(", ".join(given.ignored_columns)),
            highlight=False,
            soft_wrap=True,
        )
    index = _open_index(err)
    rows = given.rows
    started = time.perf_counter()
    counts = {"match": 0, "possible": 0}
    found: list[dict[str, Any]] = []
    show_progress = err.is_terminal and len(rows) >= PROGRESS_FROM_ROWS
    progress = Progress(
        TextColumn("Screening"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
        disable=not show_progress,
    )
    machine = json_output or output is not None
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    with _destination(output if machine else None) as stream:
        # Both fork (when there are workers) here: before the bar's thread starts.
        if machine:
            lines = screen_lines(index, rows, workers=workers)
            with progress:
                task = progress.add_task("screen", total=len(rows))
                _write_lines(lines, stream, (progress, task), counts)
        else:
            results = screen_rows(index, rows, workers=workers)
            with progress:
                task = progress.add_task("screen", total=len(rows))
                _keep_found(results, (progress, task), counts, found)
    seconds = time.perf_counter() - started
    spent = os.times()  # CPU of this process and of its (finished) workers, for benchmarks
    log.info(
        "screen_done",
        rows=len(rows),
        notices=len(index),
        seconds=round(seconds, 3),
        cpu=round(spent.user + spent.system, 3),
        workers_cpu=round(spent.children_user + spent.children_system, 3),
        **counts,
    )
    if not machine:
        _print_screen_table(found)
    err.print(
        f"screened {len(rows)} rows against {len(index)} notices in {seconds:.1f} s: "
        f"{counts['match']} with a match, {counts['possible']} with a possible match only"
        + (f"; results in {output}" if output is not None else ""),
        highlight=False,
        soft_wrap=True,
    )


def _write_lines(
    lines: Iterator[ScreenLine],
    stream: TextIO,
    bar: tuple[Progress, TaskID],
    counts: dict[str, int],
) -> None:
    """Write the JSON Lines (made where the rows were screened) and count the decisions."""
    progress, task = bar
    pending = 0
    for line, decision in lines:
        if decision is not None:
            counts[decision] += 1
        stream.write(line + "\n")
        pending += 1
        if pending == _PROGRESS_STEP:
            progress.advance(task, pending)
            pending = 0
    progress.advance(task, pending)


def _keep_found(
    results: Iterator[dict[str, Any]],
    bar: tuple[Progress, TaskID],
    counts: dict[str, int],
    found: list[dict[str, Any]],
) -> None:
    """Keep the rows with candidates for the table and count the decisions."""
    from redwatch.screening import best_decision

    progress, task = bar
    for result in results:
        decision = best_decision(result["candidates"])
        if decision is not None:
            counts[decision] += 1
        if result["candidates"]:
            found.append(result)
        progress.advance(task)


def _print_screen_table(found: list[dict[str, Any]]) -> None:
    out = Console()
    if found:
        table = Table(title="Rows that may be named in a public red notice", title_justify="left")
        table.add_column("id", no_wrap=True)
        table.add_column("query")
        table.add_column("notice", no_wrap=True)
        table.add_column("name")
        table.add_column("born", no_wrap=True)
        table.add_column("score", justify="right")
        table.add_column("decision")
        for result in found:
            for number, candidate in enumerate(result["candidates"]):
                first = number == 0
                table.add_row(
                    str(result["id"]) if first else "",
                    Text(result["query"]) if first else "",
                    candidate["entity_id"],
                    Text(_person(candidate)),
                    candidate["date_of_birth"] or "",
                    f"{candidate['score']:.2f}",
                    _styled(candidate["decision"]),
                )
        out.print(table)
        out.print("Use --json for the explanation of each candidate.", highlight=False)
    else:
        out.print(
            "No row has a match or possible match in the local mirror.",
            highlight=False,
            soft_wrap=True,
        )
    out.print(ABSENCE_REMINDER, highlight=False, soft_wrap=True)
