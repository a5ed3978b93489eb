"""Injected faults: rates, shapes, truncation, and hooks exempt from them."""

from __future__ import annotations

import collections
import json

import pytest
from pydantic import ValidationError

from redwatch.fake import FaultConfig, FaultInjector, Pictures
from tests.fake.fake_helpers import Running, notice


def test_draws_follow_the_configured_rates() -> None:
    config = FaultConfig(
        fault_403=0.2, fault_429=0.05, fault_5xx=0.1, slow=0.3, truncate=0.1, seed=3
    )
    injector = FaultInjector(config)
    draws = [injector.decide() for _ in range(20_000)]
    statuses = collections.Counter(fault.status for fault in draws)

    assert statuses[403] / len(draws) == pytest.approx(0.2, abs=0.015)
    assert statuses[429] / len(draws) == pytest.approx(0.05, abs=0.01)
    assert sum(statuses[code] for code in (500, 502, 503)) / len(draws) == pytest.approx(
        0.1, abs=0.01
    )
    assert all(statuses[code] > 0 for code in (500, 502, 503))
    assert sum(fault.delay > 0 for fault in draws) / len(draws) == pytest.approx(0.3, abs=0.015)
    assert sum(fault.truncate for fault in draws) / len(draws) == pytest.approx(0.1, abs=0.01)

    again = FaultInjector(config)
    assert [again.decide() for _ in range(100)] == draws[:100]


def test_config_rejects_impossible_rates() -> None:
    with pytest.raises(ValidationError):
        FaultConfig(fault_403=1.5)
    with pytest.raises(ValidationError):
        FaultConfig(fault_403=0.6, fault_5xx=0.6)
    with pytest.raises(ValidationError):
        FaultConfig.model_validate({"fault_404": 0.1})


def test_faults_appear_over_http_at_roughly_the_rates(running: Running) -> None:
    reply = running.http.post(
        "/_fake/faults", json={"fault_403": 0.25, "fault_429": 0.1, "fault_5xx": 0.15, "seed": 11}
    )
    assert reply.status_code == 200
    statuses = collections.Counter(
        running.http.get("/notices/v1/red").status_code for _ in range(300)
    )

    assert 0.17 < statuses[403] / 300 < 0.33
    assert 0.04 < statuses[429] / 300 < 0.17
    assert 0.08 < sum(statuses[code] for code in (500, 502, 503)) / 300 < 0.23
    assert 0.38 < statuses[200] / 300 < 0.62
    stats = running.http.get("/_fake/stats").json()
    assert stats["fault_403"] == statuses[403]
    assert stats["list"] == 300


def test_blocked_answer_is_a_short_html_page(running: Running) -> None:
    running.http.post("/_fake/faults", json={"fault_403": 1.0})
    response = running.http.get("/notices/v1/red/2020-1")
    assert response.status_code == 403
    assert response.headers["content-type"].startswith("text/html")
    assert len(response.content) == 315
    assert b"Access Denied" in response.content


def test_truncated_bodies_are_200_but_do_not_parse(running: Running) -> None:
    running.service.upsert(notice("2020/5"), Pictures(images=(21,), thumbnail=21))
    running.http.post("/_fake/faults", json={"truncate": 1.0})

    for path in (
        "/notices/v1/red",
        "/notices/v1/red/2020-5",
        "/notices/v1/red/2020-5/images",
        "/en/notices/data/countries",
    ):
        response = running.http.get(path)
        assert response.status_code == 200
        assert int(response.headers["content-length"]) == len(response.content)
        with pytest.raises(json.JSONDecodeError):
            json.loads(response.content)

    jpeg = running.http.get("/notices/v1/red/2020-5/images/21").content  # only JSON is cut
    assert jpeg[:2] == b"\xff\xd8"
    assert jpeg[-2:] == b"\xff\xd9"
    assert running.http.get("/_fake/stats").json()["truncated"] == 4


def test_slow_answers_are_counted_and_still_answered(running: Running) -> None:
    running.http.post("/_fake/faults", json={"slow": 1.0, "slow_seconds": 0.01})
    assert running.http.get("/notices/v1/red").status_code == 200
    assert running.http.get("/_fake/stats").json()["slow"] == 1


def test_hooks_are_never_faulted(running: Running) -> None:
    running.http.post("/_fake/faults", json={"fault_5xx": 1.0, "truncate": 1.0})
    for _ in range(20):
        stats = running.http.get("/_fake/stats")
        assert stats.status_code == 200
        assert json.loads(stats.content)["list"] == 0
    assert running.http.get("/_fake/faults").json()["fault_5xx"] == 1.0
    assert running.http.get("/notices/v1/red").status_code in (500, 502, 503)


def test_bad_fault_settings_answer_400_and_keep_the_old_ones(running: Running) -> None:
    running.http.post("/_fake/faults", json={"fault_429": 0.5})
    reply = running.http.post("/_fake/faults", json={"fault_403": 2})
    assert reply.status_code == 400
    assert reply.json()["status"] == 400
    assert running.http.get("/_fake/faults").json()["fault_429"] == 0.5
