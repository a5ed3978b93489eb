"""``redwatch watchlist|alerts|channel|key|watch``: thin commands over ``redwatch.watch``.

Names appear only in the output the user asked for; log lines and error messages carry entry
ids, alert ids and counts. Registered in ``cli.py``.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from redwatch.cli_support import JsonOption, command_settings, emit_json, open_repository
from redwatch.errors import InputError

if TYPE_CHECKING:
    from redwatch.watch import WatchService

__all__ = ["alerts_app", "channel_app", "key_app", "watch", "watchlist_app"]

err = Console(stderr=True)
out = Console()

watchlist_app = typer.Typer(
    help="People to watch for (encrypted at rest; names never leave this machine).",
    no_args_is_help=True,
)
alerts_app = typer.Typer(
    help="What screening found: review, acknowledge, dismiss.", no_args_is_help=True
)
channel_app = typer.Typer(
    help="Where alerts are sent: e-mail, Apprise, webhooks.", no_args_is_help=True
)
channel_add_app = typer.Typer(help="Add a channel.", no_args_is_help=True)
channel_app.add_typer(channel_add_app, name="add")
key_app = typer.Typer(help="The watchlist key.", no_args_is_help=True)

NameOption = Annotated[
    list[str] | None, typer.Option("--name", help="A spelling of the name (repeat for more).")
]
DobOption = Annotated[str | None, typer.Option("--dob", help="Date of birth, full or partial.")]
NationalityOption = Annotated[str | None, typer.Option(help="Country code, e.g. UA.")]
SexOption = Annotated[str | None, typer.Option(help="M or F.")]
NoteOption = Annotated[str | None, typer.Option("--note", help="Free note (encrypted).")]
TagOption = Annotated[list[str] | None, typer.Option("--tag", help="A tag (repeat for more).")]
NotifyOption = Annotated[
    list[str] | None,
    typer.Option("--notify", help="Channel id to alert (repeat; default: every channel)."),
]
MinimalOption = Annotated[
    bool, typer.Option("--minimal", help="Say only that a match needs review: no names, no ids.")
]
LabelOption = Annotated[str, typer.Option("--label", help="A label for you (encrypted).")]


def _service() -> WatchService:
    # Imported here: `redwatch --help` and unrelated commands need not load matching and crypto.
    from redwatch.watch import WatchService

    settings = command_settings()
    return WatchService.open(settings, open_repository(settings))


def _screen_note(report: dict[str, Any]) -> str:
    found = report["new_alerts"]
    return f"screened against {report['notices']} notices: " + (
        f"{found} new alert(s) — see `redwatch alerts list`" if found else "no match"
    )


# -- watchlist ---------------------------------------------------------------------------
@watchlist_app.command("add")
def watchlist_add(
    name: NameOption = None,
    dob: DobOption = None,
    nationality: NationalityOption = None,
    sex: SexOption = None,
    note: NoteOption = None,
    tag: TagOption = None,
    notify: NotifyOption = None,
    json_output: JsonOption = False,
) -> None:
    """Add a person; prints the new entry's id and screens it against the mirror."""
    from redwatch.watch import validated

    data = validated(
        name, dob=dob, nationality=nationality, sex=sex, notes=note, tags=tag, notify=notify
    )
    service = _service()
    service.channels.check_ids(data.notify)
    entry = service.watchlist.add(data)
    report = service.screener.screen_entries([entry]).as_dict()
    service.deliver()
    if json_output:
        emit_json({"id": entry.id, "screening": report})
        return
    sys.stdout.write(entry.id + "\n")
    err.print(_screen_note(report), highlight=False)


def _entry_table(entries: list[Any]) -> Table:
    table = Table("id", "names", "born", "nat.", "sex", "tags", "notify", "note")
    for entry in entries:
        data = entry.data
        table.add_row(
            entry.id,
            escape(" / ".join(data.names)),
            data.dob or "",
            data.nationality or "",
            data.sex or "",
            escape(", ".join(data.tags)),
            ", ".join(data.notify) or "all",
            escape(data.notes or ""),
        )
    return table


@watchlist_app.command("list")
def watchlist_list(
    tag: Annotated[str | None, typer.Option(help="Only entries with this tag.")] = None,
    json_output: JsonOption = False,
) -> None:
    """Every entry (JSON Lines with --json)."""
    entries = _service().watchlist.entries()
    if tag:
        entries = [e for e in entries if tag in e.data.tags]
    if json_output:
        for entry in entries:
            emit_json(entry.as_json())
        return
    out.print(_entry_table(entries))
    err.print(f"{len(entries)} entries")


@watchlist_app.command("show")
def watchlist_show(
    entry_id: Annotated[str, typer.Argument(metavar="ID")], json_output: JsonOption = False
) -> None:
    """One entry and its alerts."""
    service = _service()
    entry = service.watchlist.get(entry_id)
    found = [a for a in service.alerts.all() if a.draft.entry_id == entry.id]
    if json_output:
        emit_json(entry.as_json() | {"alerts": [a.as_json() for a in found]})
        return
    out.print(_entry_table([entry]))
    for alert in found:
        out.print(
            f"  alert {alert.id}: {alert.draft.kind} {alert.draft.entity_id} "
            f"({alert.draft.decision or '-'}, {alert.state})",
            highlight=False,
        )


@watchlist_app.command("edit")
def watchlist_edit(
    entry_id: Annotated[str, typer.Argument(metavar="ID")],
    name: Annotated[
        list[str] | None, typer.Option("--name", help="Replace the names (repeat).")
    ] = None,
    add_name: Annotated[
        list[str] | None, typer.Option("--add-name", help="Add a spelling (repeat).")
    ] = None,
    dob: Annotated[str | None, typer.Option("--dob", help="New date of birth ('' clears).")] = None,
    nationality: Annotated[str | None, typer.Option(help="New country code ('' clears).")] = None,
    sex: Annotated[str | None, typer.Option(help="M, F ('' clears).")] = None,
    note: Annotated[str | None, typer.Option("--note", help="New note ('' clears).")] = None,
    tag: Annotated[list[str] | None, typer.Option("--tag", help="Replace the tags.")] = None,
    notify: Annotated[
        list[str] | None, typer.Option("--notify", help="Replace the channels to alert.")
    ] = None,
    json_output: JsonOption = False,
) -> None:
    """Change an entry, then screen it again."""
    from redwatch.watch.entries import edited

    service = _service()
    entry = service.watchlist.get(entry_id)
    names = list(name) if name else list(entry.data.names)
    names += list(add_name or [])
    data = edited(
        entry.data,
        {
            "names": tuple(names),
            "dob": dob,
            "nationality": nationality,
            "sex": sex,
            "notes": note,
            "tags": None if tag is None else tuple(tag),
            "notify": None if notify is None else tuple(notify),
        },
    )
    service.channels.check_ids(data.notify)
    service.watchlist.replace(entry.id, data)
    updated = service.watchlist.get(entry.id)
    report = service.screener.screen_entries([updated]).as_dict()
    service.deliver()
    if json_output:
        emit_json(updated.as_json() | {"screening": report})
        return
    err.print(f"entry {entry.id} updated; " + _screen_note(report), highlight=False)


@watchlist_app.command("remove")
def watchlist_remove(
    entry_id: Annotated[str, typer.Argument(metavar="ID")], json_output: JsonOption = False
) -> None:
    """Forget an entry and its alerts."""
    removed_alerts = _service().remove_entry(entry_id)
    if json_output:
        entry = entry_id.strip().lower()
        emit_json({"id": entry, "removed": True, "alerts_removed": removed_alerts})
        return
    err.print(f"entry {entry_id} removed with {removed_alerts} alert(s)")


@watchlist_app.command("import")
def watchlist_import(
    path: Annotated[Path, typer.Argument(metavar="FILE", help="CSV (header) or JSON.")],
    json_output: JsonOption = False,
) -> None:
    """Add entries from a file: all or nothing (a bad row stops it, naming its line)."""
    from redwatch.watch import parse_entries_file

    service = _service()
    rows = parse_entries_file(path, service.cipher)
    for _given, data in rows:
        service.channels.check_ids(data.notify)
    ids, replaced = service.watchlist.import_entries(rows)
    report = service.screener.screen_entries([service.watchlist.get(i) for i in ids]).as_dict()
    service.deliver()
    summary = {"imported": len(ids), "replaced": replaced, "ids": ids, "screening": report}
    if json_output:
        emit_json(summary)
        return
    err.print(
        f"imported {len(ids)} entries ({replaced} replaced existing ones); " + _screen_note(report),
        highlight=False,
    )


@watchlist_app.command("export")
def watchlist_export(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here (default: stdout).")
    ] = None,
    encrypted: Annotated[
        bool, typer.Option("--encrypted", help="Seal the export with the watchlist key.")
    ] = False,
) -> None:
    """Every entry as JSON (re-importable); --encrypted reveals nothing without the key."""
    document = _service().watchlist.export_document(encrypted=encrypted)
    text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    if output is None:
        sys.stdout.write(text)
        return
    fd = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    err.print(f"wrote {len(document.get('entries', [])) or 'the'} entries to {output}")


@watchlist_app.command("rescreen")
def watchlist_rescreen(json_output: JsonOption = False) -> None:
    """Screen every entry against the whole mirror again (alerts are never duplicated)."""
    service = _service()
    report = service.screener.rescreen().as_dict()
    delivered = service.deliver()
    if json_output:
        emit_json(report | {"deliveries": vars(delivered)})
        return
    err.print(f"{report['entries']} entries " + _screen_note(report), highlight=False)


# -- alerts ------------------------------------------------------------------------------
def _alert_id(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise InputError(f"an alert id is a number, not {text!r}") from None


@alerts_app.command("list")
def alerts_list(
    state: Annotated[str | None, typer.Option(help="new, acknowledged or dismissed.")] = None,
    json_output: JsonOption = False,
) -> None:
    """Alerts, oldest first (JSON Lines with --json)."""
    found = _service().alerts.all(state)
    if json_output:
        for alert in found:
            emit_json(alert.as_json())
        return
    table = Table("id", "state", "kind", "entry", "notice", "decision", "score", "risk", "when")
    for alert in found:
        d = alert.draft
        table.add_row(
            str(alert.id),
            alert.state,
            d.kind,
            d.entry_id,
            d.entity_id,
            d.decision or "",
            "" if d.score is None else f"{d.score:.2f}",
            (d.risk or {}).get("level", ""),
            alert.created_at,
        )
    out.print(table)
    err.print(f"{len(found)} alerts")


@alerts_app.command("show")
def alerts_show(
    alert_id: Annotated[str, typer.Argument(metavar="ID")], json_output: JsonOption = False
) -> None:
    """One alert with its explanation and the notice's risk flags."""
    from redwatch.watch.outbox import deliveries_of

    service = _service()
    alert = service.alerts.get(_alert_id(alert_id))
    sent = deliveries_of(service.repo.engine, alert.id)
    if json_output:
        emit_json(alert.as_json() | {"deliveries": sent})
        return
    d = alert.draft
    out.print(f"[bold]alert {alert.id}[/]: {d.kind} ({alert.state}), {alert.created_at}")
    out.print(f"  watched: {escape(' / '.join(d.entry_names))} (entry {d.entry_id})")
    notice = " ".join(p for p in (d.notice.get("name"), d.notice.get("forename")) if p)
    out.print(f"  notice {d.entity_id}: {escape(notice)}, born {d.notice.get('date_of_birth')}")
    if d.decision:
        out.print(f"  decision: {d.decision} (score {d.score:.2f})")
    if d.explanation:
        out.print(f"  why: {escape(d.explanation)}", highlight=False)
    if d.changes:
        out.print(f"  changed: {', '.join(d.changes)}")
    for flag in (d.risk or {}).get("flags", []):
        out.print(f"  risk flag {flag.get('code')}: {escape(str(flag.get('reason')))}")
    if alert.note:
        out.print(f"  note: {escape(alert.note)}")
    for delivery in sent:
        error = f" — {delivery['last_error']}" if delivery["last_error"] else ""
        out.print(
            f"  channel {delivery['channel_id']}: {delivery['state']} after "
            f"{delivery['attempts']} attempt(s){escape(error)}",
            highlight=False,
        )


def _review(alert_id: str, state: str, note: str | None, json_output: bool) -> None:
    alert = _service().alerts.review(_alert_id(alert_id), state, note)
    if json_output:
        emit_json(alert.as_json())
        return
    err.print(f"alert {alert.id} {state}")


@alerts_app.command("ack")
def alerts_ack(
    alert_id: Annotated[str, typer.Argument(metavar="ID")],
    note: Annotated[str | None, typer.Option("--note", help="Reviewer's note.")] = None,
    json_output: JsonOption = False,
) -> None:
    """Acknowledge an alert: a person has seen it and acts on it."""
    _review(alert_id, "acknowledged", note, json_output)


@alerts_app.command("dismiss")
def alerts_dismiss(
    alert_id: Annotated[str, typer.Argument(metavar="ID")],
    note: Annotated[str, typer.Option("--note", help="Why it is not this person (required).")],
    json_output: JsonOption = False,
) -> None:
    """Dismiss an alert as not concerning the watched person, saying why."""
    if not note.strip():
        raise InputError("dismissing an alert needs a --note saying why")
    _review(alert_id, "dismissed", note, json_output)


@alerts_app.command("retry")
def alerts_retry(
    alert_id: Annotated[
        str | None, typer.Argument(metavar="[ID]", help="Default: every alert.")
    ] = None,
    json_output: JsonOption = False,
) -> None:
    """Send again what failed for good (e.g. after fixing a channel's password)."""
    from redwatch.watch.outbox import retry_failed

    service = _service()
    queued = retry_failed(service.repo.engine, None if alert_id is None else _alert_id(alert_id))
    report = service.deliver()
    summary = {"queued": queued, "sent": report.sent, "failed": report.failed}
    if json_output:
        emit_json(summary)
        return
    err.print(f"{queued} deliveries queued again: {report.sent} sent, {report.failed} failed")


# -- channels ----------------------------------------------------------------------------
def _add_channel(
    kind: str, config: dict[str, str], minimal: bool, label: str, json_output: bool
) -> None:
    service = _service()
    channel_id = service.channels.add(kind, config, minimal=minimal, label=label)
    channel = service.channels.get(channel_id)
    if json_output:
        emit_json(channel.as_json())
        return
    sys.stdout.write(channel_id + "\n")
    err.print(f"{kind} channel {channel_id} added: {channel.describe()}", highlight=False)


@channel_add_app.command("email")
def channel_add_email(
    to: Annotated[str, typer.Option("--to", help="Recipient address(es), comma-separated.")],
    smtp: Annotated[str, typer.Option("--smtp", help="smtp://host:587 (STARTTLS) or smtps://.")],
    sender: Annotated[str | None, typer.Option("--from", help="Sender address.")] = None,
    minimal: MinimalOption = False,
    label: LabelOption = "",
    json_output: JsonOption = False,
) -> None:
    """E-mail alerts through an SMTP server."""
    config = {"to": to, "smtp": smtp} | ({"from": sender} if sender else {})
    _add_channel("email", config, minimal, label, json_output)


@channel_add_app.command("apprise")
def channel_add_apprise(
    url: Annotated[str, typer.Argument(help="An Apprise URL (signal://, tgram://, matrix://…).")],
    minimal: MinimalOption = False,
    label: LabelOption = "",
    json_output: JsonOption = False,
) -> None:
    """Alerts on any service Apprise supports (Signal, Telegram, Matrix, …)."""
    _add_channel("apprise", {"url": url}, minimal, label, json_output)


@channel_add_app.command("webhook")
def channel_add_webhook(
    url: Annotated[str, typer.Option("--url", help="Where to POST the alert as JSON.")],
    secret: Annotated[str, typer.Option("--secret", help="HMAC-SHA256 signing secret.")],
    minimal: MinimalOption = False,
    label: LabelOption = "",
    json_output: JsonOption = False,
) -> None:
    """Signed JSON POSTs (X-Redwatch-Signature) to your own system."""
    _add_channel("webhook", {"url": url, "secret": secret}, minimal, label, json_output)


@channel_app.command("list")
def channel_list(json_output: JsonOption = False) -> None:
    """Configured channels (secrets redacted)."""
    found = _service().channels.all()
    if json_output:
        for channel in found:
            emit_json(channel.as_json())
        return
    table = Table("id", "kind", "minimal", "label", "target")
    for channel in found:
        table.add_row(
            channel.id,
            channel.kind,
            "yes" if channel.minimal else "",
            escape(channel.label),
            escape(channel.describe()),
        )
    out.print(table)


@channel_app.command("remove")
def channel_remove(channel_id: Annotated[str, typer.Argument(metavar="ID")]) -> None:
    """Remove a channel (its undelivered alerts stay in `redwatch alerts list`)."""
    _service().channels.remove(channel_id)
    err.print(f"channel {channel_id} removed")


@channel_app.command("test")
def channel_test(
    channel_id: Annotated[
        str | None, typer.Argument(metavar="[ID]", help="Default: every channel.")
    ] = None,
    json_output: JsonOption = False,
) -> None:
    """Send a test message (no names in it) to one channel or all; fails if any fails."""
    from redwatch.channels import DeliveryError, Message

    service = _service()
    targets = [service.channels.get(channel_id)] if channel_id else service.channels.all()
    if not targets:
        raise InputError("no channel configured: add one with `redwatch channel add`")
    message = Message(
        subject="redwatch: test message",
        text="This is a test from redwatch. Alerts for your watchlist will arrive here.",
        payload={"test": True},
    )
    results = []
    for channel in targets:
        try:
            channel.build().send(message)
            results.append({"id": channel.id, "ok": True, "error": None})
        except DeliveryError as exc:
            results.append({"id": channel.id, "ok": False, "error": str(exc)})
    if json_output:
        for result in results:
            emit_json(result)
    else:
        for result in results:
            status = "[green]sent[/]" if result["ok"] else f"[red]failed:[/] {result['error']}"
            err.print(f"{result['id']}: {status}", highlight=False)
    if not all(r["ok"] for r in results):
        raise typer.Exit(6)


# -- key ---------------------------------------------------------------------------------
@key_app.command("generate")
def key_generate() -> None:
    """Print a new random key for REDWATCH_KEY (store it in a secrets manager)."""
    from redwatch.watch.crypto import encode_key, new_key

    sys.stdout.write(encode_key(new_key()) + "\n")


@key_app.command("rotate")
def key_rotate(json_output: JsonOption = False) -> None:
    """Re-encrypt the whole watchlist under a new key (nothing is lost if interrupted)."""
    from redwatch.watch.keys import rotate_key

    settings = command_settings()
    cipher, counts, source = rotate_key(settings, open_repository(settings).engine)
    summary = {"key_id": cipher.key_id.hex(), "source": source.kind, **counts}
    if json_output:
        emit_json(summary)
        return
    hint = {
        "env": "now set REDWATCH_KEY to the value of REDWATCH_NEW_KEY",
        "passphrase": "now use the new passphrase in REDWATCH_PASSPHRASE",
        "file": f"the new key is in {settings.key_file}; back it up",
    }[source.kind]
    err.print(
        f"re-encrypted {counts['entries']} entries, {counts['alerts']} alerts and "
        f"{counts['channels']} channels; {hint}",
        highlight=False,
    )


# -- the daemon --------------------------------------------------------------------------
def watch(
    once: Annotated[bool, typer.Option("--once", help="One run, then exit.")] = False,
    every: Annotated[str, typer.Option("--every", help="Period between runs, e.g. 6h.")] = "6h",
    json_output: JsonOption = False,
) -> None:
    """Sync the mirror, screen the watchlist, send alerts; again every period (with jitter)."""
    from redwatch.watch.daemon import RunReport, Shutdown, parse_every, watch_loop

    period = None if once else parse_every(every)
    settings = command_settings()

    def report(result: RunReport) -> None:
        if json_output:
            emit_json(result.as_dict())
        else:
            colour = "green" if result.ok else "red"
            err.print(f"[{colour}]{escape(result.status_line())}[/]", highlight=False)

    if period is not None:
        err.print(f"watching every {every} (±10%); stop with Ctrl-C or SIGTERM")
    try:
        failures = watch_loop(settings, every=period, report=report)
    except Shutdown as stop:
        err.print(f"stopped by {stop}; the next run resumes where this one stopped")
        return
    if once and failures:
        raise typer.Exit(4)
