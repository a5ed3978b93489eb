import json

import pytest

from redwatch.matching import Candidate, Decision, Query, candidate_keys, score
from redwatch.names.parse import parse_name, parse_notice_name
from tests.conftest import shared_data

GROUPS = [
    [
        "Mustafa Cemilev",
        "Мустафа Джемілєв",
        "Мустафа Джемилев",
        "Mustafa Jemilev",
        "MUSTAFA DZHEMILEV",
        "Mustafa Dzhemiliev",
    ],
    [
        "Къайбуллаев",
        "Qaybullayev",
        "Кайбуллаев",
        "Кайбуллаєв",
        "KAIBULLAEV",
        "KAYBULLAEV",
        "Kaibullaiev",
    ],
    ["Tsikhanouskaya", "TIKHANOVSKAYA", "Ціханоўская", "Cichanoŭskaja"],
    ["Elnur Mammadov", "ELNUR MAMEDOV", "Elnur Məmmədov"],
    ["Ahmed", "AHMET", "Axmed"],
    ["Abdul Rahman", "ABDULRAHMAN"],
]


@pytest.mark.parametrize("group", GROUPS)
def test_true_variants_share_a_blocking_key(group: list[str]) -> None:
    keys = [candidate_keys(parse_name(name)) for name in group]
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            assert a & b


def test_keys_are_prefixed_by_kind() -> None:
    keys = candidate_keys(parse_notice_name("DZHEMILEV", "MUSTAFA"))
    assert "k:jemilev" in keys
    assert "s:jmlf" in keys
    assert all(k.startswith(("k:", "s:")) for k in keys)


def test_particles_and_single_letters_give_no_keys() -> None:
    assert candidate_keys(parse_name("de la J")) == set()


def test_unrelated_names_share_no_key() -> None:
    a = candidate_keys(parse_name("Mustafa Dzhemilev"))
    b = candidate_keys(parse_name("Ivan Petrov"))
    assert not a & b


@pytest.mark.shared_data
def test_every_real_notice_finds_itself_by_key_and_by_score() -> None:
    details = shared_data() / "details-2023-11.jsonl"
    records = [json.loads(line) for line in details.read_text(encoding="utf-8").splitlines()]
    assert len(records) > 1000
    for record in records[::4]:  # a quarter keeps the test fast; the whole file passes too
        candidate = Candidate.from_notice(record)
        text = f"{(record['forename'] or '').title()} {(record['name'] or '').title()}".strip()
        query = Query.build(text, dob=record["date_of_birth"])
        notice_keys = candidate_keys(parse_notice_name(candidate.name, candidate.forename))
        assert notice_keys & candidate_keys(parse_name(text)), text
        result = score(query, candidate)
        assert result is not None, text
        if candidate.forename and candidate.forename != "-":
            assert result.decision is Decision.MATCH, (text, result.explanation)
