"""The watcher: durations, one at a time, a clean stop on SIGTERM, a status line per run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from redwatch.errors import ConfigError, InputError
from redwatch.fake import FakeInterpol, create_app, generate_corpus, serve
from redwatch.settings import Settings
from redwatch.watch.daemon import RunReport, parse_every, watch_lock


@pytest.mark.parametrize(
    ("text", "seconds"), [("6h", 21600), ("30m", 1800), ("1d", 86400), ("1h30m", 5400)]
)
def test_durations(text: str, seconds: float) -> None:
    assert parse_every(text) == seconds


@pytest.mark.parametrize("text", ["", "6", "six hours", "10s", "1h 2x"])
def test_bad_durations_are_input_errors(text: str) -> None:
    with pytest.raises(InputError, match="--every"):
        parse_every(text)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_second_watcher_is_refused(settings: Settings) -> None:
    with (
        watch_lock(settings),
        pytest.raises(ConfigError, match="another `redwatch watch` is running"),
        watch_lock(settings),
    ):
        pass
    with watch_lock(settings):  # released when the first one ends
        pass


def test_status_line_says_what_happened() -> None:
    report = RunReport(
        started_at="t0",
        finished_at="t1",
        sync={"complete": True, "notices": 10, "new": 2, "changed": 1, "removed": 0},
        watch={
            "entries": 3,
            "notices": 3,
            "new_alerts": 1,
            "alerts_by_kind": {"match": 1},
            "deliveries": {"sent": 1, "failed": 0, "pending": 0},
        },
    )
    line = report.status_line()
    assert "sync complete: 10 notices (2 new, 1 changed, 0 removed)" in line
    assert "1 new alerts (match 1)" in line
    assert "1 sent, 0 failed, 0 waiting" in line
    failed = RunReport(started_at="t0", finished_at="t1", ok=False, error="service refused")
    assert failed.status_line() == "t1 run failed: service refused"


@pytest.mark.slow
def test_sigterm_stops_the_watcher_cleanly(tmp_path: Path) -> None:
    service = FakeInterpol(generate_corpus(size=200, seed=2))
    with serve(create_app(service)) as base_url:
        env = {
            **os.environ,
            "REDWATCH_HOME": str(tmp_path / "home"),
            "REDWATCH_INTERPOL_URL": base_url,
            "REDWATCH_INTERPOL_RATE": "0",
        }
        env.pop("REDWATCH_DB_URL", None)
        process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "from redwatch.cli import main; main()",
                "watch",
                "--every",
                "1h",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert process.stderr is not None
        lines = []
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            line = process.stderr.readline()
            lines.append(line)
            if "sync complete" in line or not line:
                break
        assert any("sync complete: 200 notices" in line for line in lines), lines
        # A second watcher on the same home is refused while the first one waits.
        second = subprocess.run(
            [sys.executable, "-c", "from redwatch.cli import main; main()", "watch", "--once"],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )
        assert second.returncode != 0
        assert "another `redwatch watch` is running" in second.stderr
        process.send_signal(signal.SIGTERM)
        _out, err = process.communicate(timeout=30)
        assert process.returncode == 0, err
        assert "Traceback" not in err
