"""What every command shares: the ``--json`` option, JSON output, settings and the store.

Kept apart from ``cli.py`` so that command modules registered there can use it too.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from redwatch.jsontext import dump_json
from redwatch.logs import configure_logging
from redwatch.settings import Settings, load_settings

if TYPE_CHECKING:
    from redwatch.store.repository import Repository

JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable output on stdout.")]

ABSENCE_REMINDER = (
    "Absence from the public list proves nothing: most red notices are not public. "
    "Only a request to the CCF is authoritative."
)


def command_settings() -> Settings:
    """Settings for a command, with logging configured from them."""
    settings = load_settings()
    configure_logging(settings.log_level)
    return settings


def open_repository(settings: Settings) -> Repository:
    from redwatch.store.engine import open_engine
    from redwatch.store.repository import Repository

    return Repository(open_engine(settings.db_url))


def emit_json(value: Any) -> None:
    """One JSON line on stdout, untouched by Rich (whose markup would eat ``[...]``)."""
    sys.stdout.write(dump_json(value) + "\n")
