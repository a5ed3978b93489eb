"""The generated corpus is realistic and deterministic; JSON Lines corpora load strictly."""

from __future__ import annotations

import collections
import json
from pathlib import Path
from typing import Any

import pytest

from redwatch.fake import dump_corpus, generate_corpus, load_corpus
from redwatch.fake.service import age_on
from tests.fake.fake_helpers import TODAY, notice


def _issuers(detail: dict[str, Any]) -> set[str]:
    return {warrant["issuing_country_id"] for warrant in detail["arrest_warrants"]}


def test_default_corpus_is_realistic(corpus: list[dict[str, Any]]) -> None:
    assert len(corpus) >= 7000
    assert len({detail["entity_id"] for detail in corpus}) == len(corpus)

    russian = [detail for detail in corpus if "RU" in _issuers(detail)]
    assert 0.43 <= len(russian) / len(corpus) <= 0.49

    ages = collections.Counter(age_on(detail["date_of_birth"], TODAY) for detail in corpus)
    del ages[None]
    assert sum(1 for count in ages.values() if count > 160) >= 5

    by_issuer = collections.Counter(country for detail in corpus for country in _issuers(detail))
    for big in ("RU", "SV", "AR", "IN", "US"):
        assert by_issuer[big] > 160, big
    assert {"914", "916", "922", "UNK"} <= set(by_issuer)
    assert len(by_issuer) >= 140

    assert any(detail["date_of_birth"] is None for detail in corpus)
    assert any(detail["nationalities"] is None for detail in corpus)
    assert any(len(detail["nationalities"] or []) == 2 for detail in corpus)
    assert any(len(detail["date_of_birth"] or "") == 4 for detail in corpus)
    assert any(len(detail["date_of_birth"] or "") == 7 for detail in corpus)
    assert any(detail["forename"] in (None, "-") for detail in corpus)
    assert any(len(detail["arrest_warrants"]) == 2 for detail in corpus)
    assert any(detail["_embedded"]["links"] for detail in corpus)
    sexes = collections.Counter(detail["sex_id"] for detail in corpus)
    assert 0.75 <= sexes["M"] / len(corpus) <= 0.88


def test_russian_names_mix_romanisation_systems(corpus: list[dict[str, Any]]) -> None:
    names = [
        f"{detail['forename'] or ''} {detail['name'] or ''}"
        for detail in corpus
        if "RU" in _issuers(detail)
    ]
    icao_style = [name for name in names if "IA" in name or "IU" in name]
    mvd_style = [name for name in names if "YA" in name or "YU" in name]
    assert len(icao_style) > 20
    assert len(mvd_style) > 20
    assert all(name == name.upper() for name in names)


def test_russian_charges_include_russian_text_and_articles(corpus: list[dict[str, Any]]) -> None:
    charges = [
        warrant["charge"]
        for detail in corpus
        for warrant in detail["arrest_warrants"]
        if warrant["issuing_country_id"] == "RU"
    ]
    criminal_code = "УК РФ"
    assert any(criminal_code in charge and "\r\n" in charge for charge in charges)
    assert any("Criminal Code of the Russian Federation" in charge for charge in charges)
    commonest = collections.Counter(charges).most_common(5)
    assert any("armed formation" in charge for charge, _ in commonest)


def test_same_seed_same_corpus_other_seed_other_corpus() -> None:
    first = generate_corpus(size=300, seed=5, today=TODAY)
    assert generate_corpus(size=300, seed=5, today=TODAY) == first
    assert generate_corpus(size=300, seed=6, today=TODAY) != first


def test_entity_ids_are_year_slash_number_and_never_future(corpus: list[dict[str, Any]]) -> None:
    years = collections.Counter(int(detail["entity_id"].split("/")[0]) for detail in corpus)
    assert max(years) <= TODAY.year
    assert min(years) >= 2005
    numbers = {len(detail["entity_id"].split("/")[1]) for detail in corpus}
    assert len(numbers) >= 3  # no fixed width


def test_load_corpus_drops_links_and_accepts_missing_warrants(tmp_path: Path) -> None:
    with_links = notice("2019/1", _links={"self": {"href": "https://example.invalid/x"}})
    with_links["_embedded"] = {
        "links": [
            {
                "forename": "A",
                "color": "RED",
                "name": "B",
                "entity_id": "2019/2",
                "_links": {"self": {"href": "https://example.invalid/y"}},
            }
        ]
    }
    without_warrants = notice("2019/2")
    del without_warrants["arrest_warrants"]
    path = tmp_path / "corpus.jsonl"
    path.write_text(
        json.dumps(with_links) + "\n\n" + json.dumps(without_warrants) + "\n", encoding="utf-8"
    )

    loaded = load_corpus(path)

    assert [detail["entity_id"] for detail in loaded] == ["2019/1", "2019/2"]
    assert "_links" not in loaded[0]
    assert loaded[0]["_embedded"]["links"] == [
        {"forename": "A", "color": "RED", "name": "B", "entity_id": "2019/2"}
    ]
    assert "arrest_warrants" not in loaded[1]


@pytest.mark.parametrize(
    ("bad_line", "expected"),
    [
        ("{not json", "line 3"),
        ('["a list"]', "line 3: a notice must be a JSON object"),
        ('{"entity_id": "2020-1"}', "line 3: entity_id must look like YYYY/N"),
    ],
)
def test_load_corpus_names_the_bad_line(tmp_path: Path, bad_line: str, expected: str) -> None:
    path = tmp_path / "bad.jsonl"
    good = json.dumps(notice("2020/1"))
    path.write_text(f"{good}\n{good}\n{bad_line}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=expected):
        load_corpus(path)


def test_dump_then_load_round_trips(tmp_path: Path) -> None:
    notices = generate_corpus(size=50, seed=1, today=TODAY)
    path = tmp_path / "round.jsonl"
    dump_corpus(notices, path)
    assert load_corpus(path) == notices


@pytest.mark.shared_data
def test_real_details_file_loads(interpol_data: Path) -> None:
    loaded = load_corpus(interpol_data / "details-2023-11.jsonl")
    assert len(loaded) > 1000
    assert all("_links" not in detail for detail in loaded)


@pytest.mark.shared_data
def test_generated_details_have_the_real_key_set(
    corpus: list[dict[str, Any]], interpol_data: Path
) -> None:
    lines = (interpol_data / "details-2023-11.jsonl").read_text(encoding="utf-8").splitlines()
    real = [json.loads(line) for line in lines if line.strip()]
    real_keys = {frozenset(detail) - {"_links"} for detail in real}
    assert {frozenset(detail) for detail in corpus} == real_keys
    real_warrant_keys = {frozenset(w) for detail in real for w in detail["arrest_warrants"]}
    ours = {frozenset(w) for detail in corpus for w in detail["arrest_warrants"]}
    assert ours == real_warrant_keys
    real_link_keys = {
        frozenset(link) - {"_links"} for detail in real for link in detail["_embedded"]["links"]
    }
    ours_links = {frozenset(link) for detail in corpus for link in detail["_embedded"]["links"]}
    assert ours_links == real_link_keys
