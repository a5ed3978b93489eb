"""Running ``redwatch`` as a user does: a separate process, its own environment, exit codes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def redwatch(
    home: Path,
    *args: str,
    env: dict[str, str] | None = None,
    db_url: str | None = None,
    timeout: float = 300,
) -> subprocess.CompletedProcess[str]:
    """``redwatch ARGS`` with ``REDWATCH_HOME=home`` (and the store at ``db_url`` if given)."""
    environment = {**os.environ, "REDWATCH_HOME": str(home), **(env or {})}
    environment.pop("REDWATCH_DB_URL", None)
    if db_url is not None:
        environment["REDWATCH_DB_URL"] = db_url
    return subprocess.run(
        [sys.executable, "-c", "from redwatch.cli import main; main()", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=timeout,
        check=False,
    )
