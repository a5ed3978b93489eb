"""Helpers shared by the fake INTERPOL tests (a uniquely named module, not conftest)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import httpx

from redwatch.fake import FakeInterpol
from tests.conftest import shared_data

TODAY = dt.date(2026, 3, 1)


def interpol_data_dir() -> Path:
    """The real responses in shared/; fail on CI when missing, skip elsewhere."""
    return shared_data()


def notice(entity_id: str, **fields: Any) -> dict[str, Any]:
    """A minimal detail object in the real shape; ``fields`` override its values."""
    detail: dict[str, Any] = {
        "date_of_birth": "1990/01/01",
        "distinguishing_marks": None,
        "weight": 0,
        "nationalities": ["RU"],
        "entity_id": entity_id,
        "eyes_colors_id": None,
        "sex_id": "M",
        "place_of_birth": None,
        "forename": "TEST",
        "arrest_warrants": [
            {"charge": "Murder", "issuing_country_id": "RU", "charge_translation": None}
        ],
        "country_of_birth_id": "RU",
        "hairs_id": None,
        "name": "TESTOV",
        "languages_spoken_ids": ["RUS"],
        "height": 0,
        "_embedded": {"links": []},
    }
    detail.update(fields)
    return detail


class Running:
    """A private server (own service and faults) for tests that change state."""

    def __init__(self, service: FakeInterpol, url: str) -> None:
        self.service = service
        self.url = url
        self.http = httpx.Client(base_url=url, timeout=10)
