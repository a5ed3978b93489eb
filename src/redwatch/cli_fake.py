"""``redwatch fake-interpol``: run the fake INTERPOL service from the command line.

Point redwatch (or any crawler) at it with ``REDWATCH_INTERPOL_URL=http://127.0.0.1:8765``
to rehearse a full mirror — including bot-filter 403s, rate limits, 5xx, slow and truncated
answers — without sending a single request to INTERPOL.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer


def _fail(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(2)


def fake_interpol(
    port: Annotated[int, typer.Option(help="Port to listen on; 0 picks a free one.")] = 8765,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    corpus: Annotated[
        Path | None,
        typer.Option(
            "--corpus", help="JSON Lines of notice details to serve instead of generated ones."
        ),
    ] = None,
    size: Annotated[int, typer.Option("--size", help="Notices to generate.")] = 7000,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the generated notices.")] = 0,
    today: Annotated[
        str | None, typer.Option(help="Day ages are computed on, YYYY-MM-DD (default: today).")
    ] = None,
    fault_403: Annotated[float, typer.Option(help="Share of requests answered 403.")] = 0.0,
    fault_429: Annotated[float, typer.Option(help="Share of requests answered 429.")] = 0.0,
    fault_5xx: Annotated[float, typer.Option(help="Share answered 500, 502 or 503.")] = 0.0,
    slow: Annotated[float, typer.Option(help="Share of requests answered slowly.")] = 0.0,
    slow_seconds: Annotated[float, typer.Option(help="Delay of a slow answer.")] = 1.0,
    truncate: Annotated[float, typer.Option(help="Share of JSON answers cut in half.")] = 0.0,
    fault_seed: Annotated[int, typer.Option(help="Seed of the fault sequence.")] = 0,
) -> None:
    """Serve a fake INTERPOL red-notice service on loopback for tests and rehearsals."""
    # Imported here: the fake (FastAPI, uvicorn) costs every other command 0.4 s to import.
    from pydantic import ValidationError

    from redwatch.fake.app import create_app
    from redwatch.fake.corpus import generate_corpus, load_corpus
    from redwatch.fake.faults import FaultConfig
    from redwatch.fake.runner import bind, serve_forever, url_of
    from redwatch.fake.service import FakeInterpol

    try:
        day = dt.date.fromisoformat(today) if today else None
    except ValueError:
        raise _fail(f"--today must be YYYY-MM-DD, got {today!r}") from None
    try:
        faults = FaultConfig(
            fault_403=fault_403,
            fault_429=fault_429,
            fault_5xx=fault_5xx,
            slow=slow,
            slow_seconds=slow_seconds,
            truncate=truncate,
            seed=fault_seed,
        )
    except ValidationError as exc:
        raise _fail("; ".join(str(error["msg"]) for error in exc.errors())) from None
    if corpus is not None:
        try:
            notices = load_corpus(corpus)
        except OSError as exc:
            raise _fail(f"cannot read {corpus}: {exc.strerror or exc}") from None
        except ValueError as exc:
            raise _fail(str(exc)) from None
    elif size < 0:
        raise _fail("--size must not be negative")
    else:
        notices = generate_corpus(size=size, seed=seed, today=day)
    service = FakeInterpol(notices, today=day)
    try:
        sock = bind(host, port)
    except OSError as exc:
        raise _fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    fault_note = ", with faults" if faults.active else ""
    typer.echo(f"fake INTERPOL serving {len(service)} notices at {url_of(sock)}{fault_note}")
    serve_forever(create_app(service, faults), sock=sock)


def main() -> None:
    """Entry point for ``python -m redwatch.fake``."""
    typer.run(fake_interpol)
