"""Responses have the real service's shapes: compared key by key with the real files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from redwatch.fake import FakeInterpol, create_app, load_corpus, pictures_for, serve
from redwatch.fake.pictures import Pictures
from tests.fake.fake_helpers import Running, notice

REAL_BASE = "https://ws-public.interpol.int"
NOT_FOUND = b'{"status":404,"name":"NotFoundError","message":"Not Found"}'


def _real_lists(interpol_data: Path) -> list[dict[str, Any]]:
    responses: list[dict[str, Any]] = []
    for path in sorted((interpol_data / "lists-2023-11").glob("*.json")):
        loaded = json.loads(path.read_text(encoding="utf-8"))
        responses.extend(loaded if isinstance(loaded, list) else [loaded])
    return responses


def _key_sets(values: list[dict[str, Any]]) -> set[frozenset[str]]:
    return {frozenset(value) for value in values}


@pytest.mark.shared_data
def test_list_response_has_the_real_keys_at_every_level(
    client: httpx.Client, shared_url: str, interpol_data: Path
) -> None:
    real = _real_lists(interpol_data)
    capped = next(r for r in real if r["total"] > 160 and "name" not in r["query"])
    query = {key: value for key, value in capped["query"].items() if key != "page"}

    ours = client.get("/notices/v1/red", params=query).json()

    assert _key_sets([ours]) == _key_sets(real)
    assert list(ours["query"]) == list(capped["query"])
    assert all(type(ours["query"][key]) is type(value) for key, value in capped["query"].items())
    assert set(ours["_embedded"]) == set(capped["_embedded"]) == {"notices"}
    real_items = [item for response in real for item in response["_embedded"]["notices"]]
    assert _key_sets(ours["_embedded"]["notices"]) <= _key_sets(real_items)
    real_item_links = _key_sets([item["_links"] for item in real_items])
    assert _key_sets([item["_links"] for item in ours["_embedded"]["notices"]]) <= real_item_links
    assert set(ours["_links"]) == set(capped["_links"])
    for name, link in capped["_links"].items():
        assert ours["_links"][name]["href"] == link["href"].replace(REAL_BASE, shared_url)


@pytest.mark.shared_data
def test_list_links_match_the_real_hrefs_for_a_name_query(
    client: httpx.Client, shared_url: str, interpol_data: Path
) -> None:
    real = next(r for r in _real_lists(interpol_data) if "name" in r["query"])
    ours = client.get("/notices/v1/red", params=real["query"]).json()
    assert ours["query"] == real["query"]
    assert ours["_links"]["self"]["href"] == real["_links"]["self"]["href"].replace(
        REAL_BASE, shared_url
    )


@pytest.mark.shared_data
def test_real_notices_are_served_as_they_were(interpol_data: Path) -> None:
    """Loaded real details come back field for field, links rebuilt on the fake's URL."""
    lines = (interpol_data / "details-2023-11.jsonl").read_text(encoding="utf-8").splitlines()
    originals = {d["entity_id"]: d for d in (json.loads(line) for line in lines if line.strip())}
    service = FakeInterpol(load_corpus(interpol_data / "details-2023-11.jsonl"))
    linked = [eid for eid, d in originals.items() if d["_embedded"]["links"]]
    sample = [*list(originals)[:40], *linked]
    with serve(create_app(service)) as url, httpx.Client(base_url=url) as http:
        for entity_id in sample:
            served = http.get(f"/notices/v1/red/{entity_id.replace('/', '-')}").json()
            original = originals[entity_id]
            assert list(served) == list(original)
            for key, value in original.items():
                if key not in ("_links", "_embedded"):
                    assert served[key] == value, (entity_id, key)
            assert served["_links"]["self"]["href"] == original["_links"]["self"]["href"].replace(
                REAL_BASE, url
            )
            for ours, theirs in zip(
                served["_embedded"]["links"], original["_embedded"]["links"], strict=True
            ):
                assert list(ours) == list(theirs)
                assert ours["_links"]["self"]["href"] == theirs["_links"]["self"]["href"].replace(
                    REAL_BASE, url
                )


def test_detail_shape(client: httpx.Client, shared_url: str, corpus: list[dict[str, Any]]) -> None:
    detail = next(d for d in corpus if d["_embedded"]["links"])
    path = f"/notices/v1/red/{detail['entity_id'].replace('/', '-')}"
    served = client.get(path).json()

    assert served["_links"]["self"]["href"] == f"{shared_url}{path}"
    assert served["_links"]["images"]["href"] == f"{shared_url}{path}/images"
    assert set(served) == set(detail) | {"_links"}
    link = served["_embedded"]["links"][0]
    assert list(link) == ["forename", "color", "name", "entity_id", "_links"]
    color = link["color"].lower()
    assert link["_links"]["self"]["href"].endswith(
        f"/notices/v1/{color}/{link['entity_id'].replace('/', '-')}"
    )


def test_unknown_notice_is_the_real_404(client: httpx.Client) -> None:
    for path in (
        "/notices/v1/red/1999-1",
        "/notices/v1/red/not-an-id",
        "/notices/v1/red/1999-1/images",
        "/notices/v1/red/1999-1/images/123",
        "/notices/v1/yellow/2018-75053",
        "/no/such/path",
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.content == NOT_FOUND


def test_country_list(client: httpx.Client) -> None:
    countries = client.get("/en/notices/data/countries").json()
    assert isinstance(countries, list)
    assert all(set(country) == {"value", "label"} for country in countries)
    values = [country["value"] for country in countries]
    assert len(values) == len(set(values)) >= 195
    assert {"RU", "UA", "SV", "US", "914", "916", "922", "UNK"} <= set(values)
    iso = [value for value in values if value not in ("914", "916", "922", "UNK")]
    assert all(len(value) == 2 and value.isupper() for value in iso)


def test_images_and_pictures(client: httpx.Client, corpus: list[dict[str, Any]]) -> None:
    detail = next(d for d in corpus if len(pictures_for(d["entity_id"]).images) >= 2)
    notice_path = f"/notices/v1/red/{detail['entity_id'].replace('/', '-')}"
    images = client.get(f"{notice_path}/images").json()

    assert set(images) == {"_embedded", "_links"}
    assert set(images["_links"]) == {"self", "notice", "thumbnail"}
    assert images["_links"]["notice"]["href"].endswith(notice_path)
    assert len(images["_embedded"]["images"]) >= 2
    for image in images["_embedded"]["images"]:
        assert set(image) == {"picture_id", "_links"}
        assert isinstance(image["picture_id"], str)
        picture = client.get(image["_links"]["self"]["href"])
        assert picture.status_code == 200
        assert picture.headers["content-type"] == "image/jpeg"
        assert picture.content[:2] == b"\xff\xd8"
        assert picture.content[-2:] == b"\xff\xd9"
        assert client.get(image["_links"]["self"]["href"]).content == picture.content
    first, second = (
        client.get(i["_links"]["self"]["href"]).content for i in images["_embedded"]["images"][:2]
    )
    assert first != second


def test_thumbnail_quirks_are_reproduced(
    client: httpx.Client, corpus: list[dict[str, Any]]
) -> None:
    pictures = {d["entity_id"]: pictures_for(d["entity_id"]) for d in corpus}
    without = [eid for eid, p in pictures.items() if p.thumbnail is None]
    stray = [
        eid
        for eid, p in pictures.items()
        if p.thumbnail is not None and p.thumbnail not in p.images
    ]
    assert 0.02 < len(without) / len(corpus) < 0.05
    assert stray

    item = client.get(f"/notices/v1/red/{without[0].replace('/', '-')}").json()
    assert set(item["_links"]) == {"self", "images"}

    served = client.get(f"/notices/v1/red/{stray[0].replace('/', '-')}/images").json()
    listed = {image["picture_id"] for image in served["_embedded"]["images"]}
    thumbnail = served["_links"]["thumbnail"]["href"]
    assert thumbnail.rsplit("/", 1)[1] not in listed
    assert client.get(thumbnail).content[:2] == b"\xff\xd8"


def test_explicit_pictures_override_derived_ones(running: Running) -> None:
    running.service.upsert(notice("2021/7"), Pictures(images=(11, 12), thumbnail=13))
    images = running.http.get("/notices/v1/red/2021-7/images").json()
    assert [image["picture_id"] for image in images["_embedded"]["images"]] == ["11", "12"]
    assert images["_links"]["thumbnail"]["href"].endswith("/notices/v1/red/2021-7/images/13")
    assert running.http.get("/notices/v1/red/2021-7/images/14").status_code == 404
