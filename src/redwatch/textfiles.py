"""Reading a user's text file (CSV, JSON): one place for the one-line errors it can cause.

Errors cite the path and the line, never the file's content (which may be a watched name).
"""

from __future__ import annotations

from pathlib import Path

from redwatch.errors import InputError

__all__ = ["read_user_text"]


def read_user_text(path: Path, kind: str = "CSV") -> str:
    """The file as text (UTF-8, a byte-order mark allowed); ``InputError`` otherwise."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a {kind} file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"{path}: line {line}: not UTF-8 text (save the file as UTF-8)") from None
