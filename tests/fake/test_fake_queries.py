"""Query semantics over real loopback HTTP: the cap, page clamping, matching and filters."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redwatch.fake import FakeInterpol, SearchParams
from redwatch.fake.service import age_on
from tests.fake.fake_helpers import TODAY, Running, notice


def _newest_first(details: list[dict[str, Any]]) -> list[str]:
    keys = sorted(
        (tuple(int(part) for part in detail["entity_id"].split("/")) for detail in details),
        reverse=True,
    )
    return [f"{year}/{number}" for year, number in keys]


def _ids(body: dict[str, Any]) -> list[str]:
    return [item["entity_id"] for item in body["_embedded"]["notices"]]


def _russian(corpus: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        detail
        for detail in corpus
        if any(w["issuing_country_id"] == "RU" for w in detail["arrest_warrants"])
    ]


def test_at_most_160_reachable_at_160_per_page(
    client: httpx.Client, corpus: list[dict[str, Any]]
) -> None:
    body = client.get(
        "/notices/v1/red", params={"arrestWarrantCountryId": "RU", "resultPerPage": 160}
    ).json()

    russian = _russian(corpus)
    assert body["total"] == len(russian) > 160
    assert _ids(body) == _newest_first(russian)[:160]
    assert body["query"] == {"page": 1, "resultPerPage": 160, "arrestWarrantCountryId": "RU"}
    assert set(body["_links"]) == {"self", "first", "last"}
    assert body["_links"]["last"]["href"].endswith(
        "/notices/v1/red?arrestWarrantCountryId=RU&resultPerPage=160&page=1"
    )


def test_pages_of_20_stop_at_8_and_clamp(
    client: httpx.Client, corpus: list[dict[str, Any]]
) -> None:
    params: dict[str, Any] = {"arrestWarrantCountryId": "RU", "resultPerPage": 20}
    seen: list[str] = []
    url: str | None = "/notices/v1/red?arrestWarrantCountryId=RU&resultPerPage=20"
    pages = 0
    while url:
        body = client.get(url).json()
        pages += 1
        assert body["query"]["page"] == pages
        assert len(_ids(body)) == 20
        seen.extend(_ids(body))
        assert body["_links"]["last"]["href"].endswith("resultPerPage=20&page=8")
        url = body["_links"].get("next", {}).get("href")
    assert pages == 8
    assert seen == _newest_first(_russian(corpus))[:160]

    clamped = client.get("/notices/v1/red", params={**params, "page": 99}).json()
    assert clamped["query"]["page"] == 8
    assert _ids(clamped) == seen[140:]
    assert "next" not in clamped["_links"]
    assert clamped["_links"]["self"]["href"].endswith("page=8")


def test_result_per_page_is_clamped_and_defaults_to_20(client: httpx.Client) -> None:
    default = client.get("/notices/v1/red").json()
    assert default["query"] == {"page": 1, "resultPerPage": 20}
    assert len(_ids(default)) == 20
    assert default["_links"]["next"]["href"].endswith("/notices/v1/red?resultPerPage=20&page=2")
    assert client.get("/notices/v1/red?resultPerPage=500").json()["query"]["resultPerPage"] == 160
    one = client.get("/notices/v1/red?resultPerPage=0").json()
    assert one["query"]["resultPerPage"] == 1
    assert len(_ids(one)) == 1


@pytest.mark.parametrize(("field", "needle"), [("name", "ov"), ("name", "EZ"), ("forename", "med")])
def test_names_match_as_case_insensitive_substrings(
    client: httpx.Client, corpus: list[dict[str, Any]], field: str, needle: str
) -> None:
    expected = [d for d in corpus if d[field] and needle.casefold() in d[field].casefold()]
    lower = client.get("/notices/v1/red", params={field: needle.lower(), "resultPerPage": 160})
    upper = client.get("/notices/v1/red", params={field: needle.upper(), "resultPerPage": 160})

    assert lower.json()["total"] == upper.json()["total"] == len(expected) > 0
    items = lower.json()["_embedded"]["notices"]
    assert all(needle.casefold() in item[field].casefold() for item in items)
    assert any(not item[field].casefold().startswith(needle.casefold()) for item in items)


def test_filters_combine_with_and(client: httpx.Client, corpus: list[dict[str, Any]]) -> None:
    params = {
        "arrestWarrantCountryId": "RU",
        "nationality": "RU",
        "sexId": "F",
        "ageMin": "25",
        "ageMax": "35",
        "name": "a",
    }

    def wanted(detail: dict[str, Any]) -> bool:
        age = age_on(detail["date_of_birth"], TODAY)
        return (
            any(w["issuing_country_id"] == "RU" for w in detail["arrest_warrants"])
            and "RU" in (detail["nationalities"] or [])
            and detail["sex_id"] == "F"
            and age is not None
            and 25 <= age <= 35
            and "a" in (detail["name"] or "").casefold()
        )

    body = client.get("/notices/v1/red", params={**params, "resultPerPage": 160}).json()
    expected = [detail for detail in corpus if wanted(detail)]
    assert body["total"] == len(expected) > 0
    assert _ids(body) == _newest_first(expected)[:160]
    assert list(body["query"].items()) == [
        ("page", 1),
        ("resultPerPage", 160),
        ("name", "a"),
        ("nationality", "RU"),
        ("ageMin", 25),
        ("ageMax", 35),
        ("sexId", "F"),
        ("arrestWarrantCountryId", "RU"),
    ]
    assert body["_links"]["self"]["href"].endswith(
        "/notices/v1/red?name=a&nationality=RU&ageMin=25&ageMax=35&sexId=F"
        "&arrestWarrantCountryId=RU&resultPerPage=160&page=1"
    )


def test_age_bounds_are_inclusive_on_the_injected_day(running: Running) -> None:
    births = {
        "2020/1": "1996/03/01",  # 30 on 2026-03-01
        "2020/2": "1996/03/02",  # 29 until 2026-03-02
        "2020/3": "1996",  # counts from 1 January: 30
        "2020/4": "1996/03",  # counts from 1 March: 30
        "2020/5": "1996/04",  # 29
        "2020/6": None,  # never matches an age filter
    }
    for entity_id, born in births.items():
        running.service.upsert(notice(entity_id, date_of_birth=born))

    def found(**params: Any) -> set[str]:
        body = running.http.get("/notices/v1/red", params=params).json()
        return set(_ids(body))

    assert found(ageMin=30, ageMax=30) == {"2020/1", "2020/3", "2020/4"}
    assert found(ageMax=29) == {"2020/2", "2020/5"}
    assert found(ageMin=29, ageMax=29) == {"2020/2", "2020/5"}
    assert found(ageMin=0) == {"2020/1", "2020/2", "2020/3", "2020/4", "2020/5"}
    assert len(found()) == 6

    moved = running.http.post("/_fake/today", json={"today": "2026-03-02"})
    assert moved.json() == {"today": "2026-03-02"}
    assert found(ageMin=30, ageMax=30) == {"2020/1", "2020/2", "2020/3", "2020/4"}


def test_free_text_answers_502(client: httpx.Client) -> None:
    response = client.get("/notices/v1/red", params={"freeText": "terror"})
    assert response.status_code == 502


@pytest.mark.parametrize(
    "query",
    ["ageMin=abc", "ageMax=-1", "page=0", "page=x", "resultPerPage=many", "sexId=X", "ageMin=1.5"],
)
def test_invalid_values_answer_400_json(client: httpx.Client, query: str) -> None:
    response = client.get(f"/notices/v1/red?{query}")
    assert response.status_code == 400
    body = response.json()
    assert body["status"] == 400
    assert body["name"] == "BadRequestError"
    assert query.split("=")[0] in body["message"]


def test_empty_parameters_count_as_not_sent(client: httpx.Client) -> None:
    body = client.get("/notices/v1/red?name=&forename=&ageMin=&resultPerPage=20").json()
    assert body["query"] == {"page": 1, "resultPerPage": 20}


def test_yellow_and_un_lists_are_empty(client: httpx.Client) -> None:
    for path in ("/notices/v1/yellow", "/notices/v1/un"):
        body = client.get(path, params={"name": "a"}).json()
        assert body["total"] == 0
        assert body["_embedded"] == {"notices": []}
        assert body["_links"]["self"]["href"].endswith(f"{path}?name=a&resultPerPage=20&page=1")


def _service_of(count: int) -> FakeInterpol:
    return FakeInterpol(
        (notice(f"{2000 + index % 20}/{index}", name=f"N{index}") for index in range(count)),
        today=dt.date(2026, 1, 1),
    )


_SERVICES = {count: _service_of(count) for count in (0, 1, 19, 20, 21, 159, 160, 161, 400)}


@settings(max_examples=60, deadline=None)
@given(
    count=st.sampled_from(sorted(_SERVICES)),
    per_page=st.integers(min_value=1, max_value=170),
)
def test_paging_reaches_exactly_the_first_160_once(count: int, per_page: int) -> None:
    service = _SERVICES[count]
    reached: list[str] = []
    page = 1
    while True:
        result = service.search_page(SearchParams(page=page, result_per_page=min(per_page, 160)))
        assert result.total == count
        assert result.page == page
        reached.extend(entry.entity_id for entry in result.entries)
        if not result.has_next:
            break
        page += 1
    assert reached == service.entity_ids()[: min(count, 160)]
    beyond = service.search_page(SearchParams(page=page + 5, result_per_page=min(per_page, 160)))
    assert beyond.page == result.last_page == page
