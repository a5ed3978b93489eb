"""Test hooks change the fake while it runs; the runner starts and stops cleanly."""

from __future__ import annotations

import threading

import httpx
import pytest

from redwatch.fake import FakeInterpol, create_app, serve
from tests.fake.fake_helpers import TODAY, Running, notice


def test_upsert_and_remove_over_http(running: Running) -> None:
    assert running.http.get("/notices/v1/red/2024-77").status_code == 404

    created = running.http.post("/_fake/notices", json=notice("2024/77", name="SEITOVA"))
    assert created.json() == {"upserted": 1, "created": 1}
    served = running.http.get("/notices/v1/red/2024-77").json()
    assert served["name"] == "SEITOVA"
    listed = running.http.get("/notices/v1/red", params={"name": "eito"}).json()
    assert [item["entity_id"] for item in listed["_embedded"]["notices"]] == ["2024/77"]

    replaced = running.http.post(
        "/_fake/notices", json=[notice("2024/77", name="CHANGED"), notice("2024/78")]
    )
    assert replaced.json() == {"upserted": 2, "created": 1}
    assert running.http.get("/notices/v1/red/2024-77").json()["name"] == "CHANGED"

    removed = running.http.delete("/_fake/notices/2024-77")
    assert removed.json() == {"removed": "2024/77"}
    assert running.http.get("/notices/v1/red/2024-77").status_code == 404
    assert running.http.delete("/_fake/notices/2024-77").status_code == 404
    assert running.http.get("/notices/v1/red").json()["total"] == 1


@pytest.mark.parametrize(
    "body", [b"{broken", b'{"entity_id": "2024-1"}', b'"just a string"', b'{"name": "X"}']
)
def test_bad_upserts_answer_400(running: Running, body: bytes) -> None:
    reply = running.http.post("/_fake/notices", content=body)
    assert reply.status_code == 400
    assert reply.json()["name"] == "BadRequestError"
    assert len(running.service) == 0


def test_in_process_mutation_while_serving(running: Running) -> None:
    """The service is shared with the server thread: changes show at once, safely."""

    def writer() -> None:
        for number in range(300):
            running.service.upsert(notice(f"2023/{number}"))

    thread = threading.Thread(target=writer)
    thread.start()
    totals = [running.http.get("/notices/v1/red").json()["total"] for _ in range(20)]
    thread.join()
    assert totals == sorted(totals)
    assert running.http.get("/notices/v1/red").json()["total"] == 300
    assert running.service.remove("2023/0")
    assert running.service.get("2023/0") is None
    assert running.http.get("/notices/v1/red").json()["total"] == 299


def test_stats_count_requests_by_kind_and_reset(running: Running) -> None:
    running.service.upsert(notice("2022/9"))
    http = running.http
    http.get("/notices/v1/red")
    http.get("/notices/v1/red/2022-9")
    http.get("/notices/v1/red/2022-9")
    http.get("/notices/v1/red/2022-9/images")
    http.get("/en/notices/data/countries")
    thumbnail = running.service.pictures_of("2022/9").images
    if thumbnail:
        http.get(f"/notices/v1/red/2022-9/images/{thumbnail[0]}")

    stats = http.get("/_fake/stats").json()
    assert (stats["list"], stats["detail"], stats["images"], stats["countries"]) == (1, 2, 1, 1)
    assert stats["picture"] == (1 if thumbnail else 0)
    assert running.service.stats() == stats

    assert http.delete("/_fake/stats").json()["detail"] == 0
    assert running.service.stats()["list"] == 0


def test_today_hook_rejects_bad_dates(running: Running) -> None:
    assert running.http.post("/_fake/today", json={"today": "tomorrow"}).status_code == 400
    assert running.service.current_date() == TODAY
    assert running.http.post("/_fake/today", json={"today": None}).status_code == 200
    assert running.service.today is None


def test_serve_picks_a_free_port_and_releases_it() -> None:
    service = FakeInterpol([notice("2020/1")])
    with serve(create_app(service), port=0) as url:
        port = int(url.rsplit(":", 1)[1])
        assert port > 0
        with httpx.Client(base_url=url) as http:
            assert http.get("/notices/v1/red").json()["total"] == 1
    with httpx.Client() as http, pytest.raises(httpx.ConnectError):
        http.get(f"{url}/notices/v1/red")


def test_a_port_in_use_is_an_os_error() -> None:
    with serve(create_app(FakeInterpol())) as url:
        port = int(url.rsplit(":", 1)[1])
        with (
            pytest.raises(OSError, match=r"[Aa]ddress"),
            serve(create_app(FakeInterpol()), port=port),
        ):
            pass  # pragma: no cover - never reached
