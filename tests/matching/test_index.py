"""The candidate index: what it finds, how it stays current, and its recall."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redwatch.fake import generate_corpus
from redwatch.matching import Candidate, Decision, Query, candidate_keys, score
from redwatch.matching._respell import Respeller
from redwatch.matching.blocking import token_keys
from redwatch.matching.index import (
    CandidateIndex,
    apply_events,
    blocking_texts,
    exhaustive_search,
    score_all,
)
from redwatch.mirror.importer import import_paths
from redwatch.names import parse_name, parse_notice_name
from redwatch.settings import Settings
from redwatch.store.engine import open_engine
from redwatch.store.repository import Repository

DZHEMILEV_SPELLINGS = [
    "Mustafa Cemilev",
    "Мустафа Джемілєв",
    "Мустафа Джемилев",
    "MUSTAFA DZHEMILEV",
    "Dzhemilev, Mustafa",
    "Mustafa Jemilev",
]


def notice(entity_id: str, name: str, forename: str, **fields: Any) -> dict[str, Any]:
    return {"entity_id": entity_id, "name": name, "forename": forename, **fields}


@cache
def corpus(size: int, seed: int) -> tuple[dict[str, Any], ...]:
    return tuple(generate_corpus(size=size, seed=seed))


def with_dzhemilev(notices: tuple[dict[str, Any], ...]) -> list[dict[str, Any]]:
    return [
        *notices,
        notice("1999/99999", "DZHEMILEV", "MUSTAFA", date_of_birth="1943/11/13", sex_id="M"),
    ]


def title_name(record: dict[str, Any]) -> str:
    forename = record["forename"] if record["forename"] not in (None, "-") else ""
    return f"{forename} {record['name'] or ''}".title().strip()


def test_blocking_texts_give_exactly_the_candidate_keys() -> None:
    for record in corpus(400, 11):
        parts = parse_notice_name(record["name"], record["forename"])
        keys = set().union(*(token_keys(t.lstrip("\x00")) for t in blocking_texts(parts)))
        assert keys == candidate_keys(parts)
    for text in [*DZHEMILEV_SPELLINGS, "Abdul Rahman", "Emir-Usein Kuku", "de la Cruz"]:
        parts = parse_name(text)
        keys = set().union(*(token_keys(t.lstrip("\x00")) for t in blocking_texts(parts)))
        assert keys == candidate_keys(parts)


@pytest.mark.parametrize("spelling", DZHEMILEV_SPELLINGS)
def test_every_spelling_finds_the_notice(spelling: str) -> None:
    index = CandidateIndex.from_notices(with_dzhemilev(corpus(400, 11)))
    query = Query.build(spelling)
    assert "1999/99999" in index.candidates(query)
    results = index.search(query)
    assert results[0].entity_id == "1999/99999"
    assert results[0].decision is Decision.MATCH


def test_each_notice_finds_itself_by_its_own_name() -> None:
    records = corpus(400, 11)
    index = CandidateIndex.from_notices(records)
    for record in records[::4]:
        query = Query.build(title_name(record) or "x", dob=record["date_of_birth"])
        found = [r.entity_id for r in index.search(query, limit=None)]
        assert record["entity_id"] in found, title_name(record)


def test_results_are_best_first_with_ties_by_entity_id() -> None:
    index = CandidateIndex.from_notices(
        [
            notice("2020/3", "PETROV", "IVAN"),
            notice("2020/1", "PETROV", "IVAN", date_of_birth="1975/05/05"),
            notice("2020/2", "PETROV", "IVAN", date_of_birth="1980/01/02"),
            notice("2020/4", "PETROV", "IVAN"),
            notice("2020/5", "SIDOROV", "PAVEL"),
        ]
    )
    results = index.search(Query.build("Ivan Petrov", dob="02.01.1980"), limit=None)
    # Equal scores (1.0) by entity id; the conflicting date of birth last, as possible.
    assert [r.entity_id for r in results] == ["2020/2", "2020/3", "2020/4", "2020/1"]
    assert results[-1].decision is Decision.POSSIBLE
    assert all(r.decision is not None for r in results)
    assert results == sorted(results, key=lambda r: (-r.score, r.entity_id))
    assert [r.entity_id for r in index.search(Query.build("Ivan Petrov"), limit=1)] == ["2020/1"]
    with pytest.raises(ValueError, match="limit"):
        index.search(Query.build("Ivan Petrov"), limit=0)


def test_search_reports_only_match_and_possible() -> None:
    index = CandidateIndex.from_notices(
        [notice("2020/1", "PETROV", "IVAN"), notice("2020/2", "PETROV", "SERGEY")]
    )
    query = Query.build("Ivan Petrov")
    assert index.candidates(query) == {"2020/1", "2020/2"}  # both share the surname's keys
    result = score(query, index.notices()[1])
    assert result is not None
    assert result.decision is None
    assert [r.entity_id for r in index.search(query)] == ["2020/1"]


def test_notices_alike_are_scored_once_each_with_its_own_id() -> None:
    twins = [
        notice("2020/1", "DZHEMILEV", "MUSTAFA", date_of_birth="1943/11/13", sex_id="M"),
        notice("2020/2", "DZHEMILEV", "MUSTAFA", date_of_birth="1943/11/13", sex_id="M"),
        notice("2020/3", "DZHEMILEV", "MUSTAFA", date_of_birth="1943", sex_id="M"),
        notice("2020/4", "CHUBAROV", "REFAT"),
    ]
    candidates = [Candidate.from_notice(t) for t in twins]
    query = Query.build("Mustafa Cemilev", dob="13.11.1943")
    assert list(score_all(query, candidates)) == [score(query, c) for c in candidates]
    index = CandidateIndex.from_notices(twins)
    found = index.search(query, limit=None)
    assert [r.entity_id for r in found] == ["2020/1", "2020/2", "2020/3"]
    assert found[0].score == found[1].score > found[2].score


def count_scores(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The entity ids the index scores from now on, in order."""
    from redwatch.matching import index as index_module

    scored: list[str] = []

    def counted(query: Query, candidate: Candidate) -> Any:
        scored.append(candidate.entity_id)
        return score(query, candidate)

    monkeypatch.setattr(index_module, "score", counted)
    return scored


def test_words_met_only_by_deletion_neighbourhoods_are_weighed_before_scoring(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """BALDERMANOTE and BALERMANOTEDA share a Levenshtein neighbourhood key (two letters
    dropped on each side) but are four edits apart: the scorer aligns nothing, so the
    notices that only this word and the given name could bring are never scored."""
    records = [notice(f"2020/{i}", "BALDERMANOTE", "RUSTEM") for i in range(1, 6)]
    records.append(notice("2020/9", "BALERMANOTEDA", "RUSTEM"))
    index = CandidateIndex.from_notices(records)
    query = Query.build("Rustem Balermanoteda")
    strong, weak, _ = index._hit_texts([query])[0]
    assert "BALDERMANOTE" in weak
    assert "BALDERMANOTE" not in strong
    scored = count_scores(monkeypatch)
    assert [r.entity_id for r in index.search(query)] == ["2020/9"]
    assert scored == ["2020/9"]


def test_words_met_only_by_a_shared_key_count_at_the_scorers_similarity(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """KRANENKO and KORENKO share a phonetic key, yet the scorer aligns no word of "Vitalii
    Kranenko" with KORENKO: a notice named KORENKO alone (its whole name, which a shared key
    alone would cover) is not scored. The notices the scorer does report still are."""
    records = [
        notice("2020/1", "KORENKO", ""),
        notice("2020/2", "KRANENKO", "VITALII"),
        notice("2020/3", "KRANENKO", ""),
    ]
    index = CandidateIndex.from_notices(records)
    query = Query.build("Vitalii Kranenko")
    strong, _, _ = index._hit_texts([query])[0]
    assert "KORENKO" in strong
    assert score(query, Candidate.from_notice(records[0])) is None
    expected = [r.entity_id for r in exhaustive_search(index.notices(), query)]
    scored = count_scores(monkeypatch)
    found = [r.entity_id for r in index.search(query)]
    assert found == expected
    assert found[:1] == ["2020/2"]
    assert "2020/1" not in scored


def test_query_words_that_meet_nothing_of_a_notice_count_against_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """MARTINEZ FLORES (no given name) covers MARTINEZ of "Walter Martinez" and nothing
    else: the bound with the query's own coverage complete would score it (0.745), the
    scorer gives 0.67, below ``possible``. WALTER meets no word of it, so it is not scored;
    a second spelling that does cover it brings it back."""
    records = [
        notice("2020/1", "MARTINEZ FLORES", ""),
        notice("2020/2", "MARTINEZ", "WALTER"),
        notice("2020/3", "MARTINEZ", "WALTERIO"),
    ]
    index = CandidateIndex.from_notices(records)
    query = Query.build("Walter Martinez")
    expected = [r.entity_id for r in exhaustive_search(index.notices(), query)]
    scored = count_scores(monkeypatch)
    found = [r.entity_id for r in index.search(query)]
    assert found == expected
    assert "2020/1" not in found
    assert "2020/1" not in scored
    assert "2020/2" in found
    scored.clear()
    both = Query(("Walter Martinez", "Martinez Flores"))
    assert "2020/1" in [r.entity_id for r in index.search(both)]
    assert "2020/1" in scored


def test_notices_a_query_could_not_cover_enough_of_are_not_gathered() -> None:
    """Notices met only through a common given name never reach the bound's columns; one
    with the family name too does, and so does one with an exact date of birth. (The filter
    applies from ``_PREFILTER_FROM`` gathered notices on; below, ``_passing`` decides alone.)"""
    from redwatch.matching import index as index_module

    many = index_module._PREFILTER_FROM + 40
    records = [notice(f"2021/{i}", f"ZORBATOV{chr(65 + i % 26)}", "RUSTEM") for i in range(many)]
    records.append(notice("2020/98", "BALERMANOTEDA", "RUSTEM"))
    records.append(notice("2020/99", "KHAN", "RUSTEM", date_of_birth="1980/02/01"))
    index = CandidateIndex.from_notices(records)
    for dob in (None, "01.02.1980"):
        query = Query.build("Rustem Balermanoteda", dob=dob)
        strong, weak, bits = index._hit_texts([query])[0]
        levels = dict.fromkeys(strong, 0) | dict.fromkeys(weak, 1)
        asked = index_module._Asked.of(index, [query])
        everything = index._gathered(asked, [levels], [bits], prefilter=False).slots
        pruned = index._gathered(asked, [levels], [bits]).slots
        assert len(everything) == len(records)
        entries = [index._entries[slot] for slot in pruned.tolist()]
        kept = {entry.entity_id for entry in entries if entry is not None}
        assert "2020/98" in kept
        assert ("2020/99" in kept) == (dob is not None)
        assert len(kept) <= 2
        assert [r.entity_id for r in index.search(query)][:1] == ["2020/98"]


def test_long_words_count_as_hit_only_for_queries_that_may_align_with_them_unseen() -> None:
    """KHIZRIEBDURASHIDOV (a 16-letter key) can align without a shared key only with a word
    whose Levenshtein neighbourhood is cut (a key of 20 letters or more): for other queries
    that meet only SHARIP, it is not counted as covered, and the notice is not scored."""
    from redwatch.matching import index as index_module

    records = [
        notice("2020/1", "KHIZRIEBDURASHIDOV", "SHARIP"),
        notice("2020/2", "ARIPOV", "SHARIP"),
    ]
    index = CandidateIndex.from_notices(records)
    bounded: dict[int, set[str]] = {}
    for text in ("Sharip Aripov", "Sharip Abdurakhmanovichev", "Sharip Abdurakhmanovichshamilev"):
        query = Query.build(text)
        slots = index._bounded([query])[0]
        bounded[index_module._reach(query.names)] = {
            entry.entity_id for entry in (index._entries[slot] for slot in slots) if entry
        }
        found = [r.entity_id for r in index.search(query)]
        assert found == [r.entity_id for r in exhaustive_search(index.notices(), query)]
    assert bounded == {
        index_module._NONE: {"2020/2"},  # no long word: the long surname must be met by keys
        index_module._CUT: set(),  # a 16-letter key: only cut keys (20 letters) count
        index_module._LONG: {"2020/1"},  # a 22-letter key: 16-letter keys count as hit
    }


def test_names_weighing_words_past_the_fourth_are_bounded_like_any() -> None:
    """The bound keeps the share of every set of a name's first four words; a name that
    weighs a fifth word or later (a compound Spanish family name after particles, five given
    names) is bounded word by word, with the same results as scoring every notice."""
    records = [
        notice("2020/1", "GARCIA DE LA CRUZ MORALES", "MARIA JOSE"),
        notice("2020/2", "DE LA CRUZ", "MARIA"),
        notice("2020/3", "MORALES", "JOSE MARIA LUIS ANTONIO PEDRO"),
        notice("2020/4", "GARCIA", "PEDRO"),
    ]
    index = CandidateIndex.from_notices(records)
    assert {index._entries[slot].entity_id for slot in index._wide} == {"2020/1", "2020/3"}  # type: ignore[union-attr]
    for text in (
        "Maria Jose Garcia de la Cruz Morales",
        "Maria Garcia Morales",
        "Pedro Morales",
        "Antonio Pedro Morales",
        "Jose Maria Luis Antonio Pedro Morales",
        "Maria Cruz Morales",
    ):
        for dob in (None, "01.02.1980"):
            query = Query.build(text, dob=dob)
            found = [(r.entity_id, r.score) for r in index.search(query, None)]
            expected = [(r.entity_id, r.score) for r in exhaustive_search(index.notices(), query)]
            assert found == expected, text


def test_a_notice_without_words_is_never_fetched() -> None:
    """Name and forename ``-``: no word, no key; the scorer aligns nothing with it either."""
    records = [notice("2020/1", "-", "-"), notice("2020/2", "KUKU", "-")]
    index = CandidateIndex.from_notices(records)
    for text in ("Zzyzx Qwert", "Kuku", "-"):
        query = Query.build(text, dob="01.02.1980")
        assert "2020/1" not in index.candidates(query)
        assert score(query, Candidate.from_notice(records[0])) is None
        found = [r.entity_id for r in index.search(query)]
        assert found == [r.entity_id for r in exhaustive_search(index.notices(), query)]
    assert [r.entity_id for r in index.search(Query.build("Kuku"))] == ["2020/2"]


def test_searches_in_several_threads_agree_with_one_thread() -> None:
    records = with_dzhemilev(corpus(400, 13))
    index = CandidateIndex.from_notices(records)
    queries = [Query.build(title_name(r)) for r in records[:60]]
    queries += [Query.build("Mustafa Cemilev", dob="13.11.1943", nationality="UA", sex="M")]
    alone = [index.search(q, limit=None) for q in queries]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(lambda q: index.search(q, limit=None), queries * 3))
    assert together == alone * 3
    assert any(alone)


def _evidenced_queries(records: list[dict[str, Any]], seed: int) -> list[Query]:
    """Re-spelled notice names with every kind of evidence: the notice's date in full, its
    year or month alone, a slipped or conflicting year, no date; either sex or none; an
    agreeing, another or no nationality; a second spelling; a name of too many words for
    the query bound."""
    rng = random.Random(seed)
    respeller = Respeller(seed)
    queries = []
    for record in records:
        text, _ = respeller.respell(record)
        known = record.get("date_of_birth") or ""
        year, month, day = (known if len(known) == 10 else "1980/01/01").split("/")
        dob = rng.choice(
            [None, f"{day}.{month}.{year}", year, f"{month}/{year}", str(int(year) + 1), "1901"]
        )
        sex = rng.choice([None, "M", "F"])
        nationality = rng.choice([None, "UA", *(record.get("nationalities") or [])])
        names = [text, title_name(record)] if rng.random() < 0.2 else [text]
        queries.append(Query.build(names, dob=dob, nationality=nationality, sex=sex))
    queries.append(Query.build("Ali Veli Hasan Huseyin Mehmet Ahmet Mustafa Kemal Cemilev"))
    return queries


@pytest.mark.parametrize("batch_pairs", [1, 2_000, 1 << 20])
def test_queries_searched_together_find_what_each_finds_alone(
    monkeypatch: pytest.MonkeyPatch, batch_pairs: int
) -> None:
    """``search_many`` weighs the bounds of a batch of queries together (pairs of a query and
    a notice): each query's results are those of its own search, whatever the batch's size
    (one query, four, all), its neighbours' evidence, and whether the pre-filter runs."""
    from redwatch.matching import index as index_module

    records = with_dzhemilev(corpus(400, 17))
    index = CandidateIndex.from_notices(records)
    queries = _evidenced_queries(records[:120], seed=17)
    alone = [index.search(query, limit=None) for query in queries]
    monkeypatch.setattr(index_module, "_BATCH_PAIRS", batch_pairs)
    assert index.search_many(queries, limit=None) == alone
    assert sum(bool(found) for found in alone) > 60
    assert [index.search(q, limit=2) for q in queries] == [f[:2] for f in alone]


@pytest.mark.parametrize("text", ["Le Van", "Lee Van", "Le Vam", "Van"])
@pytest.mark.parametrize("dob", [None, "02.03.1975"])
def test_a_name_of_particles_alone_is_found_whenever_the_scorer_reports_it(
    text: str, dob: str | None
) -> None:
    record = notice("2020/1", "LE VAN", "-", date_of_birth="1980/01/01")
    query = Query.build(text, dob=dob)
    expected = score(query, Candidate.from_notice(record))
    found = CandidateIndex.from_notices([record]).search(query)
    assert found == ([expected] if expected is not None and expected.decision else [])


@pytest.mark.parametrize("text", ["De De Dzhemilev", "Dzhemilev De De", "De Dzhemilev"])
def test_a_word_spelled_like_a_particle_is_filed_where_it_is_no_particle(text: str) -> None:
    # The forename DE is a word of its own; the particle DE of the family name shares its
    # spelling, and only the particle may be left out of the index (Hypothesis found it).
    record = notice("2020/1", "DE DZHEMILEV", "DE")
    query = Query.build(text)
    expected = score(query, Candidate.from_notice(record))
    found = CandidateIndex.from_notices([record]).search(query)
    assert found == ([expected] if expected is not None and expected.decision else [])
    if text == "De De Dzhemilev":
        assert found[0].decision is Decision.MATCH


def test_update_replaces_remove_drops_and_nothing_is_left_behind() -> None:
    index = CandidateIndex()
    index.update(notice("2020/1", "DZHEMILEV", "MUSTAFA"))
    index.update(notice("2020/2", "KAIBULLAEV", "RESHAT"))
    assert len(index) == 2
    assert "2020/1" in index
    index.update(notice("2020/1", "CHUBAROV", "REFAT"))  # the notice changed its name
    assert index.search(Query.build("Mustafa Cemilev")) == []
    assert [r.entity_id for r in index.search(Query.build("Refat Chubarov"))] == ["2020/1"]
    assert len(index) == 2
    index.update(notice("2020/2", "KAIBULLAEV", "RESHAT", status="removed"))
    assert "2020/2" not in index
    assert index.get("2020/2") is None
    assert index.remove("2020/2") is False
    assert index.remove("2020/1") is True
    assert len(index) == 0
    assert index.key_count == 0
    index.update(notice("2020/9", "KAIBULLAEV", "RESHAT"))  # a freed slot is reused
    assert [r.entity_id for r in index.search(Query.build("Qaybullayev Reşat"))] == ["2020/9"]


POOL = [
    notice("2020/1", "DZHEMILEV", "MUSTAFA", date_of_birth="1943/11/13"),
    notice("2020/2", "KAIBULLAEV", "RESHAT"),
    notice("2020/3", "KAYBULLAYEV", "RESHAT", date_of_birth="1980"),
    notice("2020/4", "TSIKHANOUSKAYA", "SVIATLANA"),
    notice("2020/5", "ABDULRAHMAN", "AHMED"),
    notice("2020/6", "EMIR-USEIN", "KUKU"),
    notice("2020/7", "ANGELOV (STOYANOV)", "PETAR"),
    notice("2020/8", "MAMEDOV", "ELNUR", sex_id="M"),
    notice("2020/9", "PETROVA", "ANNA", sex_id="F"),
    notice("2020/10", "-", "IVAN"),
]
POOL_QUERIES = [
    Query.build("Mustafa Cemilev"),
    Query.build("Qaybullayev Reşat"),
    Query.build("Ціханоўская Святлана"),
    Query.build("Abdul Rahman Ahmed"),
    Query.build("Kuku Emir-Usein"),
    Query.build("Petar Stoyanov"),
    Query.build("Elnur Məmmədov"),
    Query.build("Anna Petrova", sex="F"),
    Query.build("Ivan"),
]
renamed = st.sampled_from(["PETROV", "DZHEMILEVA", "CHUBAROV", "KUKU", "ABDUL RAHMAN"])
operations = st.lists(
    st.one_of(
        st.tuples(st.just("update"), st.integers(0, len(POOL) - 1), st.none()),
        st.tuples(st.just("rename"), st.integers(0, len(POOL) - 1), renamed),
        st.tuples(st.just("remove"), st.integers(0, len(POOL) - 1), st.none()),
    ),
    max_size=25,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(operations)
def test_an_index_kept_current_equals_one_built_afresh(
    steps: list[tuple[str, int, str | None]],
) -> None:
    current: dict[str, dict[str, Any]] = {}
    index = CandidateIndex()
    for action, at, new_name in steps:
        record = dict(POOL[at])
        if action == "remove":
            index.remove(record["entity_id"])
            current.pop(record["entity_id"], None)
            continue
        if new_name is not None:
            record["name"] = new_name
        index.update(record)
        current[record["entity_id"]] = record
    afresh = CandidateIndex.from_notices(current.values())
    assert len(index) == len(afresh) == len(current)
    assert index.key_count == afresh.key_count
    for query in POOL_QUERIES:
        assert index.candidates(query) == afresh.candidates(query)
        assert index.search(query, limit=None) == afresh.search(query, limit=None)


WORDS = [
    "DZHEMILEV", "DZHEMILEVA", "MUSTAFA", "KAIBULLAEV", "KAYBULLAYEV", "RESHAT", "CHUBAROV",
    "REFAT", "TSIKHANOUSKAYA", "SVIATLANA", "EMIR-USEIN", "KUKU", "ABDUL", "RAHMAN",
    "ABDULRAHMAN", "MAMEDOV", "MAMMADOV", "ELNUR", "MARTIN", "MARTINS", "GARCIA", "DE", "LA",
    "CRUZ", "LI", "O", "NG", "AHMED", "AHMET", "MOHAMMED", "MUHAMMAD", "SEITMURATOVA",
    "AYSHE", "KHASANOV", "HASANOVA", "ALEKSANDROVICH", "OGLY", "RADZHAB", "WOLFESCHLEGELSTEIN",
    "ABDURAKHMANOVICH", "PETROV", "PETROVA", "IVANOVSKAYA", "IVANOVSKII", "YELENA", "JELENA",
    "VAN", "LE", "DYKE", "VANDYKE", "AL-HASSAN", "BIN", "(STOYANOV)", "ANGELOV", "NGUYEN",
]  # fmt: skip
texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join)
NOTICE_DATES = [
    None,
    "1943/11/13",  # exact
    "1943",  # compatible
    "1943/11",  # compatible
    "1980/01/01",  # 1 January: compatible with any date of that year
    "1943/11/12",  # a day slip
    "1943/12/11",  # a month slip
    "1943/10",  # the year, another month
    "1943/11/30",  # the same year, another day
    "1944/11/13",  # a year off by one
    "1934/11/13",  # the year's digits swapped
    "1949/11/13",  # another year
]


def slip(text: str, data: st.DataObject) -> str:
    """The text with up to two letters changed, dropped or doubled."""
    letters = list(text)
    for _ in range(data.draw(st.integers(0, 2))):
        if len(letters) < 2:
            break
        at = data.draw(st.integers(0, len(letters) - 1))
        change = data.draw(st.sampled_from(["drop", "double", "swap", "vowel"]))
        if change == "drop":
            del letters[at]
        elif change == "double":
            letters.insert(at, letters[at])
        elif change == "swap" and at + 1 < len(letters):
            letters[at], letters[at + 1] = letters[at + 1], letters[at]
        elif change == "vowel":
            letters[at] = data.draw(st.sampled_from("AEIOUY"))
    return "".join(letters)


@settings(max_examples=300, deadline=None)
@given(
    family=texts,
    forename=st.one_of(st.just("-"), texts),
    notice_dob=st.sampled_from(NOTICE_DATES),
    notice_sex=st.sampled_from([None, "M", "F", "U"]),
    query_dob=st.sampled_from([None, "13.11.1943", "1943", "1934", "02.01.1980", "11.1943"]),
    query_sex=st.sampled_from([None, "M", "F"]),
    nationalities=st.sampled_from([None, ["UA"], ["RU", "UA"], ["RU"], ["RU", "GE", "UA"]]),
    query_nationality=st.sampled_from([None, "UA", "RU", "TR"]),
    data=st.data(),
)
def test_the_index_never_drops_what_the_scorer_reports(
    family: str,
    forename: str,
    notice_dob: str | None,
    notice_sex: str | None,
    query_dob: str | None,
    query_sex: str | None,
    nationalities: list[str] | None,
    query_nationality: str | None,
    data: st.DataObject,
) -> None:
    """Over tricky names (compounds, aliases, gender forms, particles, one-letter words,
    long keys), slips of them, and every kind of date verdict, sex and nationality: a notice
    the scorer reports is always found."""
    record = notice(
        "2020/1",
        family,
        forename,
        date_of_birth=notice_dob,
        sex_id=notice_sex,
        nationalities=nationalities,
    )
    words = [w for w in f"{forename} {family}".split() if w != "-"]
    pool = st.one_of(st.sampled_from(words), st.sampled_from(WORDS))
    chosen = data.draw(st.lists(pool, min_size=1, max_size=4))
    text = slip(" ".join(chosen), data).title()
    if not text.strip():
        return
    query = Query.build(text, dob=query_dob, sex=query_sex, nationality=query_nationality)
    expected = score(query, Candidate.from_notice(record))
    if expected is None or expected.decision is None:
        return
    index = CandidateIndex.from_notices([record])
    assert index.search(query) == [expected]


@pytest.fixture
def repo(settings: Settings) -> Repository:
    return Repository(open_engine(settings.db_url))


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


def test_sync_events_keep_the_index_current(repo: Repository, tmp_path: Path) -> None:
    records = [dict(r) for r in corpus(60, 5)]
    assert repo.last_event_id() == 0  # an empty store
    import_paths(repo, [write_jsonl(tmp_path / "first.jsonl", records)])
    index = CandidateIndex.from_repository(repo)
    assert len(index) == 60
    assert index.cursor == repo.events_since(0)[-1]["id"]
    assert apply_events(index, repo) == index.cursor  # nothing new: nothing changes

    renamed, removed = records[0], records[1]
    renamed_id, old_name = renamed["entity_id"], title_name(renamed)
    renamed["name"], renamed["forename"] = "DZHEMILEV", "MUSTAFA"
    renamed["date_of_birth"] = "1943/11/13"
    added = {**records[2], "entity_id": "2001/12345", "name": "CHUBAROV", "forename": "REFAT"}
    import_paths(repo, [write_jsonl(tmp_path / "second.jsonl", [renamed, added])])
    repo.mark_removed([removed["entity_id"]], sync_id=None)

    before = index.cursor
    cursor = apply_events(index, repo)
    assert cursor > before
    assert cursor == index.cursor
    assert len(index) == 60
    assert removed["entity_id"] not in index
    found = index.search(Query.build("Mustafa Cemilev", dob="13.11.1943"))
    assert [r.entity_id for r in found] == [renamed_id]
    assert renamed_id not in {r.entity_id for r in index.search(Query.build(old_name))}
    assert [r.entity_id for r in index.search(Query.build("Refat Chubarov"))] == ["2001/12345"]
    assert apply_events(index, repo) == cursor  # applying again changes nothing
    afresh = CandidateIndex.from_repository(repo)
    assert afresh.notices() == index.notices()
    assert afresh.cursor == cursor


def respelled_queries(
    records: tuple[dict[str, Any], ...], count: int, seed: int
) -> Iterator[Query]:
    """Re-spellings of notice names, a third with the date of birth as people write it."""
    respeller = Respeller(seed)
    rng = random.Random(seed)
    for record in rng.sample(records, count):
        text, _ = respeller.respell(record)
        dob = None
        if record["date_of_birth"] and rng.random() < 0.35:
            dob = ".".join(reversed(record["date_of_birth"].split("/")))
        nationality = (record["nationalities"] or [None])[0] if rng.random() < 0.2 else None
        yield Query.build(text, dob=dob, nationality=nationality)


@pytest.mark.slow  # scores 80 names against each of 2,000 notices
def test_recall_against_exhaustive_scoring() -> None:
    """The index finds ≥ 99.5 % of what scoring every notice finds at ``possible`` or better.

    Last measured: 100 % here (102 of 102 results of 80 re-spelled queries, seed 2) and over
    600 more queries on corpora of seeds 3 and 4 (790 of 790).
    """
    records = corpus(2000, 2)
    index = CandidateIndex.from_notices(records)
    everyone = index.notices()
    expected = found = fetched = 0
    for query in respelled_queries(records, 80, seed=2):
        exhaustive = {r.entity_id: r for r in exhaustive_search(everyone, query)}
        searched = {r.entity_id: r for r in index.search(query, limit=None)}
        candidates = index.candidates(query)
        expected += len(exhaustive)
        found += len(exhaustive.keys() & searched.keys())
        fetched += len(exhaustive.keys() & candidates)
        assert searched.keys() <= exhaustive.keys()
        assert all(searched[k] == exhaustive[k] for k in searched)
        # The bound is exact: only the blocking keys may lose a result.
        assert searched.keys() == exhaustive.keys() & candidates
    recall = found / expected
    print(f"index recall {recall:.4f} ({found}/{expected}); blocking keys {fetched / expected:.4f}")
    assert expected >= 80
    assert recall >= 0.995
