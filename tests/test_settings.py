"""Every setting is documented (datasette's habit)."""

from __future__ import annotations

from pathlib import Path

from redwatch.settings import SETTINGS


def test_every_setting_is_documented() -> None:
    text = (Path(__file__).resolve().parents[1] / "docs" / "settings.md").read_text()
    for setting in SETTINGS:
        assert f"`{setting.name}`" in text, setting.name
