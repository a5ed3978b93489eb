"""The ``redwatch`` command: thin wrappers that call into the library.

Every user-caused error is a ``RedwatchError`` and becomes one line on stderr with a non-zero
exit; ``--json`` output goes to stdout, progress and messages to stderr.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from rich.table import Table

from redwatch.cli_fake import fake_interpol
from redwatch.cli_matching import check, screen
from redwatch.cli_stats import stats
from redwatch.cli_support import (
    ABSENCE_REMINDER,
    JsonOption,
    command_settings,
    emit_json,
    open_repository,
)
from redwatch.cli_watch import alerts_app, channel_app, key_app, watch, watchlist_app
from redwatch.errors import InputError, NotFoundError, RedwatchError
from redwatch.settings import Settings

app = typer.Typer(
    name="redwatch",
    help="Protects people from politically motivated INTERPOL red notices.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
notices_app = typer.Typer(
    help="Browse the local mirror of public red notices.", no_args_is_help=True
)
app.add_typer(notices_app, name="notices")
app.command("fake-interpol", help="Serve a faithful fake of INTERPOL's notices service.")(
    fake_interpol
)
app.command("check")(check)
app.command("screen")(screen)
app.command("stats")(stats)
app.add_typer(watchlist_app, name="watchlist")
app.add_typer(alerts_app, name="alerts")
app.add_typer(channel_app, name="channel")
app.add_typer(key_app, name="key")
app.command("watch")(watch)

err = Console(stderr=True)
out = Console()


@contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[str, int, int | None], None]]:
    if not enabled:
        yield lambda _stage, _done, _total: None
        return
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
    )
    with Progress(*columns, console=err, transient=True) as progress:
        tasks: dict[str, Any] = {}
        labels = {"list": "Listing notices", "details": "Fetching details"}

        def update(stage: str, done: int, total: int | None) -> None:
            if stage not in tasks:
                tasks[stage] = progress.add_task(labels.get(stage, stage), total=total)
            progress.update(tasks[stage], completed=done, total=total)

        yield update


def _run_sync(settings: Settings, *, images: bool, json_output: bool) -> dict[str, Any]:
    from redwatch.mirror.sync import sync_mirror

    repo = open_repository(settings)
    with _progress(err.is_terminal) as progress:
        summary = sync_mirror(settings, repo, images=images, progress=progress)
    result = summary.as_dict()
    result["watch"] = _screen_watchlist(settings, repo)
    for warning in summary.warnings[:20]:
        err.print(f"[yellow]warning:[/] {warning}", highlight=False)
    if len(summary.warnings) > 20:
        err.print(f"[yellow]… and {len(summary.warnings) - 20} more warnings[/]")
    if json_output:
        emit_json(result)
    else:
        colour = "green" if summary.complete else "yellow"
        err.print(f"[{colour}]{summary.message}[/]", highlight=False)
        err.print(
            f"{summary.notices} notices: {summary.new} new, {summary.changed} changed, "
            f"{summary.removed} removed, {summary.unchanged} unchanged; "
            f"{summary.list_requests} list and {summary.detail_requests} detail requests"
            + (" (resumed an interrupted sync)" if summary.resumed else ""),
            highlight=False,
        )
    return result


def _screen_watchlist(settings: Settings, repo: Any) -> dict[str, Any] | None:
    """After every sync: screen the watchlist against what changed and send its alerts."""
    from redwatch.watch import after_sync

    try:
        report = after_sync(settings, repo)
    except RedwatchError as exc:
        # The mirror is synced and kept; the watchlist is screened on the next run.
        err.print(f"[yellow]warning:[/] watchlist not screened: {exc}", highlight=False)
        return {"error": str(exc)}
    if report is not None and report["new_alerts"]:
        err.print(
            f"[bold red]{report['new_alerts']} new watchlist alert(s)[/]: redwatch alerts list",
            highlight=False,
        )
    return report


@app.command()
def sync(
    images: Annotated[bool, typer.Option("--images", help="Also store pictures.")] = False,
    json_output: JsonOption = False,
) -> None:
    """Mirror every public red notice into the local store (resumable; no names are sent)."""
    # A partial sync is not an error (it says so in its summary and infers no removals).
    _run_sync(command_settings(), images=images, json_output=json_output)


@app.command("import")
def import_(
    paths: Annotated[list[Path], typer.Argument(help="List responses, details, JSON or JSONL.")],
    json_output: JsonOption = False,
) -> None:
    """Load saved notices (offline snapshot) into the store, with history and events."""
    from redwatch.mirror.importer import import_paths

    settings = command_settings()
    repo = open_repository(settings)
    summary = import_paths(repo, paths)
    for warning in summary.warnings[:20]:
        err.print(f"[yellow]warning:[/] {warning}", highlight=False)
    # An import is an offline sync: the watchlist is screened against what it changed.
    watched = _screen_watchlist(settings, repo)
    if json_output:
        emit_json(summary.as_dict() | {"watch": watched})
    else:
        err.print(
            f"imported {summary.notices} notices from {summary.files} files: "
            f"{summary.new} new, {summary.changed} changed, {summary.unchanged} unchanged, "
            f"{summary.quarantined} rejected",
            highlight=False,
        )


def _notice_json(row: Any) -> dict[str, Any]:
    return {
        "entity_id": row["entity_id"],
        "name": row["name"],
        "forename": row["forename"],
        "date_of_birth": row["date_of_birth"],
        "nationalities": row["nationalities"],
        "sex_id": row["sex_id"],
        "issuing_countries": row["issuing_countries"],
        "status": row["status"],
        "first_seen": row["first_seen"],
        "last_seen": row["last_seen"],
        "removed_at": row["removed_at"],
    }


@notices_app.command("list")
def notices_list(
    status: Annotated[str | None, typer.Option(help="active or removed.")] = None,
    nationality: Annotated[str | None, typer.Option(help="ISO code, e.g. UA.")] = None,
    issuer: Annotated[str | None, typer.Option(help="Issuing country code, e.g. RU.")] = None,
    flagged: Annotated[
        bool, typer.Option("--flagged", help="Only notices at risk level high or elevated.")
    ] = False,
    json_output: JsonOption = False,
) -> None:
    """Every notice in the mirror matching the filters (JSON Lines with --json, no limit).

    Each comes with its risk level and flags (indicators for a case worker, not verdicts).
    """
    from redwatch.risk import rules_for_home

    if status not in (None, "active", "removed"):
        raise InputError(f"--status must be active or removed, not {status!r}")
    settings = command_settings()
    repo = open_repository(settings)
    rules = rules_for_home(settings.home)
    rows = repo.list_notices(
        status=status,
        nationality=nationality.upper() if nationality else None,
        issuer=issuer.upper() if issuer else None,
    )
    assessed = ((row, _assess(row, rules)) for row in rows)
    if flagged:
        assessed = ((row, risk) for row, risk in assessed if risk.flagged)
    if json_output:
        for row, risk in assessed:
            emit_json(_notice_json(row) | {"risk": risk.as_dict()})
        return
    table = Table(
        "entity_id", "name", "forename", "born", "nationalities", "issuer", "status", "risk"
    )
    count = 0
    for row, risk in assessed:
        count += 1
        table.add_row(
            row["entity_id"],
            row["name"] or "",
            row["forename"] or "",
            row["date_of_birth"] or "",
            ",".join(row["nationalities"] or []),
            ",".join(row["issuing_countries"] or []),
            row["status"],
            risk.level if not risk.flags else f"{risk.level}: {', '.join(risk.codes)}",
        )
    out.print(table)
    err.print(f"{count} {'flagged ' if flagged else ''}notices", highlight=False)


def _assess(row: Any, rules: Any) -> Any:
    from redwatch.risk import assess_notice

    return assess_notice(row, rules)


def _entity_id(text: str) -> str:
    candidate = text.strip().replace("-", "/")
    from redwatch.interpol.models import ENTITY_ID

    if not ENTITY_ID.match(candidate):
        raise InputError(f"a notice id looks like 2020/34084 or 2020-34084, not {text!r}")
    return candidate


@notices_app.command("show")
def notices_show(
    notice_id: Annotated[str, typer.Argument(metavar="ID", help="e.g. 2020/34084")],
    json_output: JsonOption = False,
) -> None:
    """One notice with its warrants and its history."""
    from redwatch.risk import rules_for_home

    entity_id = _entity_id(notice_id)
    settings = command_settings()
    repo = open_repository(settings)
    row = repo.get(entity_id)
    if row is None:
        raise NotFoundError(f"notice {entity_id} is not in the mirror")
    risk = _assess(row, rules_for_home(settings.home))
    detail = row["detail_fields"] or {}
    history = [
        {
            "version": h["version"],
            "kind": h["kind"],
            "recorded_at": h["recorded_at"],
            "changes": h["changes"],
        }
        for h in repo.history(entity_id)
    ]
    document = _notice_json(row) | {
        "place_of_birth": detail.get("place_of_birth"),
        "country_of_birth_id": detail.get("country_of_birth_id"),
        "arrest_warrants": detail.get("arrest_warrants", []),
        "linked_notices": detail.get("linked_notices", []),
        "detail": detail,
        "thumbnail": (row["list_fields"] or {}).get("thumbnail"),
        "history": history,
        "risk": risk.as_dict(),
    }
    if json_output:
        emit_json(document)
        return
    out.print(
        f"[bold]{row['forename'] or ''} {row['name'] or ''}[/]  {entity_id}  ({row['status']})"
    )
    for key in ("date_of_birth", "nationalities", "sex_id", "place_of_birth"):
        out.print(f"  {key}: {document.get(key)}", highlight=False)
    for warrant in document["arrest_warrants"]:
        out.print(f"  warrant ({warrant.get('issuing_country_id')}): {warrant.get('charge')}")
    out.print(f"  risk: {risk.level}  ({'; '.join(risk.basis) or 'no flags'})", highlight=False)
    for flag in risk.flags:
        out.print(f"    [{flag.code}] {flag.reason}", highlight=False, markup=False)
        out.print(f"      evidence: {flag.evidence}", highlight=False, markup=False)
        out.print(f"      grounds: {' | '.join(flag.grounds)}", highlight=False, markup=False)
    for entry in history:
        out.print(
            f"  v{entry['version']} {entry['kind']} {entry['recorded_at']}: "
            f"{', '.join(entry['changes'])}",
            highlight=False,
        )


@app.command()
def demo(
    size: Annotated[int, typer.Option(help="Notices in the fake service.")] = 7000,
    seed: Annotated[int, typer.Option(help="Seed of the fake notices.")] = 0,
    json_output: JsonOption = False,
) -> None:
    """Offline demo: start the fake service on loopback and sync it into the local store."""
    from redwatch.fake import FakeInterpol, create_app, generate_corpus, serve
    from redwatch.settings import countries_url_for

    settings = command_settings()
    err.print(f"Generating {size} fake notices and serving them on loopback…")
    service = FakeInterpol(generate_corpus(size=size, seed=seed))
    with serve(create_app(service)) as base_url:
        local = replace(
            settings,
            interpol_url=base_url,
            countries_url=countries_url_for(base_url),
            rate=0,
            backoff=0.05,
        )
        err.print(f"Syncing {base_url} into {settings.db_url}")
        _run_sync(local, images=False, json_output=json_output)
    if not json_output:
        err.print(
            "\nThe demo notices are generated, not real. Try next:\n"
            "  redwatch stats\n"
            "  redwatch notices list --issuer RU | head\n"
            "  redwatch notices show <ID> --json\n"
            "  redwatch notices list --flagged | head      # risk flags, with reasons\n"
            '  redwatch check "Ramazan Magomedov" --dob 1991\n'
            '  redwatch watchlist add --name "Рамазан Магомедов" --dob 1991   # then: alerts list\n'
            "  redwatch demo            # again: the second sync fetches no details\n"
            "  redwatch fake-interpol --port 8765   # then, in another shell:\n"
            "  REDWATCH_INTERPOL_URL=http://127.0.0.1:8765 redwatch sync\n"
            f"{ABSENCE_REMINDER}",
            highlight=False,
        )


def main() -> None:
    try:
        app()
    except RedwatchError as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False, soft_wrap=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        err.print("interrupted; run the same command again to resume")
        sys.exit(130)
