"""JSON as redwatch writes it: one document a line, letters as they are, dates as text.

Shared by the commands (``cli_support.emit_json``) and by screening, whose workers write
the JSON Lines of ``redwatch screen`` themselves: both must give the same bytes.
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["dump_json"]

_ENCODER = json.JSONEncoder(ensure_ascii=False, default=str)


def dump_json(value: Any) -> str:
    """One JSON document on one line; dates and other values as text."""
    return _ENCODER.encode(value)
