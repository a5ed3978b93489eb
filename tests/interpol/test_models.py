"""Every real response in ../shared parses, with its quirks, and fields come out right."""

from __future__ import annotations

import json

from redwatch.interpol.models import ListResponse, NoticeDetail, NoticeSummary
from tests.conftest import shared_data


def test_every_real_detail_parses() -> None:
    path = shared_data() / "details-2023-11.jsonl"
    lines = path.read_text().splitlines()
    details = [NoticeDetail.model_validate(json.loads(line)) for line in lines]
    assert len(details) == 1442
    assert sum(1 for d in details if d.nationalities is None) == 20
    assert sum(1 for d in details if len(d.arrest_warrants) == 2) == 11
    assert sum(1 for d in details if d.embedded.links) == 12
    first = details[0]
    assert first.entity_id == "2020/34084"
    assert first.name == "IDIEVA"
    assert first.weight is None  # 0 means unknown
    assert first.height == 1.73
    assert first.issuing_countries == ["RU"]


def test_every_real_list_response_parses() -> None:
    count = 0
    for path in sorted((shared_data() / "lists-2023-11").glob("*.json")):
        document = json.loads(path.read_text())
        for raw in document if isinstance(document, list) else [document]:
            response = ListResponse.model_validate(raw)
            for item in response.embedded.notices:
                NoticeSummary.model_validate(item)
                count += 1
    assert count > 1000


def test_capped_real_response_keeps_total() -> None:
    raw = json.loads((shared_data() / "lists-2023-11" / "26.json").read_text())
    response = ListResponse.model_validate(raw[0] if isinstance(raw, list) else raw)
    assert response.total == 283
    assert len(response.embedded.notices) == 160
    assert response.links.next is None


def test_every_real_2020_item_parses_including_non_iso_files() -> None:
    ids = set()
    files = {path.stem for path in (shared_data() / "lists-2020-12").glob("*.json")}
    for path in (shared_data() / "lists-2020-12").glob("*.json"):
        for raw in json.loads(path.read_text()):
            ids.add(NoticeSummary.model_validate(raw).entity_id)
    assert {"914", "916", "922"} <= files
    assert len(ids) > 5900


def test_quirks_are_normalised() -> None:
    item = NoticeSummary.model_validate(
        {"entity_id": "2019/1", "forename": "-", "date_of_birth": "1980/05", "nationalities": None}
    )
    assert item.forename is None
    assert item.date_of_birth == "1980/05"
    detail = NoticeDetail.model_validate(
        {"entity_id": "2019/2", "height": 0, "weight": None, "arrest_warrants": None}
    )
    assert detail.height is None
    assert detail.arrest_warrants == []
