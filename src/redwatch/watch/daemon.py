"""``redwatch watch``: sync, screen, alert — once, or every so often with jitter.

One watcher at a time (an exclusive lock on ``HOME/watch.lock``, released by the kernel if the
process dies). SIGTERM or SIGINT stops it cleanly: between runs at once, during a run at the
next instruction — a sync resumes where it stopped and every store write is a transaction.
"""

from __future__ import annotations

import fcntl
import os
import random
import re
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import FrameType
from typing import IO, Any

import structlog

from redwatch.errors import ConfigError, InputError, RedwatchError
from redwatch.settings import Settings
from redwatch.store.engine import open_engine
from redwatch.store.repository import Repository, iso_utc, utcnow
from redwatch.watch.service import after_sync

__all__ = ["RunReport", "Shutdown", "parse_every", "run_once", "watch_lock", "watch_loop"]

log = structlog.get_logger(__name__)

JITTER = 0.1
"""Each wait is the period ± this fraction, so many watchers never hit the service in step."""
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


class Shutdown(BaseException):
    """Raised in the main thread by SIGTERM/SIGINT during a run (like KeyboardInterrupt)."""


def parse_every(text: str) -> float:
    """``90s``, ``30m``, ``6h``, ``1d`` or ``1h30m`` → seconds (at least one minute)."""
    cleaned = text.strip().lower().replace(" ", "")
    pieces = re.findall(r"(\d+(?:\.\d+)?)([smhd])", cleaned)
    if not pieces or "".join(n + u for n, u in pieces) != cleaned:
        raise InputError(f"--every takes a duration such as 30m, 6h or 1d, not {text!r}")
    seconds = sum(float(number) * _UNITS[unit] for number, unit in pieces)
    if seconds < 60:
        raise InputError("--every must be at least one minute (be polite to the service)")
    return seconds


@dataclass
class RunReport:
    started_at: str
    finished_at: str = ""
    ok: bool = True
    sync: dict[str, Any] = field(default_factory=dict)
    watch: dict[str, Any] | None = None
    error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "started_at": self.started_at,
            "finished_at": self.finished_at,
            "ok": self.ok,
            "sync": self.sync,
            "watch": self.watch,
            "error": self.error,
        }

    def status_line(self) -> str:
        if not self.ok:
            return f"{self.finished_at} run failed: {self.error}"
        s = self.sync
        parts = [
            f"{self.finished_at} sync {'complete' if s.get('complete') else 'partial'}: "
            f"{s.get('notices', 0)} notices ({s.get('new', 0)} new, {s.get('changed', 0)} "
            f"changed, {s.get('removed', 0)} removed)"
        ]
        if self.watch is None:
            parts.append("no watchlist")
        else:
            w = self.watch
            kinds = ", ".join(f"{k} {v}" for k, v in sorted(w["alerts_by_kind"].items()))
            d = w["deliveries"]
            parts.append(
                f"screened {w['entries']} entries against {w['notices']} notices: "
                f"{w['new_alerts']} new alerts" + (f" ({kinds})" if kinds else "")
            )
            parts.append(
                f"deliveries: {d['sent']} sent, {d['failed']} failed, {d['pending']} waiting"
            )
        return "; ".join(parts)


def run_once(settings: Settings, progress: Any = None) -> RunReport:
    """One sync of the mirror, then screening and delivery; errors end up in the report."""
    from redwatch.mirror.sync import sync_mirror

    report = RunReport(started_at=iso_utc(utcnow()))
    try:
        repo = Repository(open_engine(settings.db_url))
        report.sync = sync_mirror(settings, repo, progress=progress).as_dict()
        report.watch = after_sync(settings, repo)
    except RedwatchError as exc:
        report.ok = False
        report.error = str(exc)
    report.finished_at = iso_utc(utcnow())
    return report


@contextmanager
def watch_lock(settings: Settings) -> Iterator[None]:
    """Hold ``HOME/watch.lock`` exclusively; a second watcher is refused with a clear message."""
    settings.home.mkdir(parents=True, exist_ok=True)
    path = settings.home / "watch.lock"
    handle: IO[str] = open(path, "a+")  # noqa: SIM115 - held open for the lock's lifetime
    try:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise ConfigError(
                f"another `redwatch watch` is running ({holder}); "
                "stop it first, or wait for it to finish"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        yield
    finally:
        handle.close()


def watch_loop(
    settings: Settings,
    *,
    every: float | None,
    report: Callable[[RunReport], None],
    stop: threading.Event | None = None,
    progress: Any = None,
) -> int:
    """Run until stopped (or once when ``every`` is None); returns the number of failed runs."""
    stop = stop or threading.Event()
    running = threading.Event()

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        stop.set()
        if running.is_set():
            raise Shutdown(signal.Signals(signum).name)

    in_main = threading.current_thread() is threading.main_thread()
    previous = {}
    if in_main:
        for signum in (signal.SIGTERM, signal.SIGINT):
            previous[signum] = signal.signal(signum, on_signal)
    failures = 0
    try:
        with watch_lock(settings):
            while not stop.is_set():
                running.set()
                try:
                    result = run_once(settings, progress)
                finally:
                    running.clear()
                failures += not result.ok
                log.info("watch run", ok=result.ok)
                report(result)
                if every is None:
                    break
                stop.wait(every * random.uniform(1 - JITTER, 1 + JITTER))
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    return failures
