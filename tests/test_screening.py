"""Screening library: the check and row contracts, and the CSV reader's errors."""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
import sys
import threading
import warnings
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from redwatch import screening
from redwatch.errors import InputError
from redwatch.fake import generate_corpus
from redwatch.matching.index import CandidateIndex, SearchMemo
from redwatch.matching.model import Query
from redwatch.mirror.importer import import_paths
from redwatch.screening import (
    CANDIDATE_FIELDS,
    ScreenRow,
    check,
    read_screen_csv,
    screen_lines,
    screen_rows,
)
from redwatch.settings import Settings
from redwatch.store.engine import open_engine
from redwatch.store.repository import Repository

DZHEMILEV_ID = "1999/99999"


def dzhemilev() -> dict[str, Any]:
    return {
        "entity_id": DZHEMILEV_ID,
        "name": "DZHEMILEV",
        "forename": "MUSTAFA",
        "date_of_birth": "1943/11/13",
        "nationalities": ["UA"],
        "sex_id": "M",
    }


@cache
def index() -> CandidateIndex:
    return CandidateIndex.from_notices([*generate_corpus(size=500, seed=21), dzhemilev()])


def write(tmp_path: Path, text: str, name: str = "people.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_check_contract() -> None:
    result = check(index(), "Мустафа Джемілєв", dob="13.11.1943", nationality="ua", sex="m")
    assert list(result) == ["query", "candidates"]
    assert result["query"] == "Мустафа Джемілєв"
    top = result["candidates"][0]
    assert tuple(top) == CANDIDATE_FIELDS
    assert top["entity_id"] == DZHEMILEV_ID
    assert (top["name"], top["forename"], top["date_of_birth"]) == (
        "DZHEMILEV",
        "MUSTAFA",
        "1943/11/13",
    )
    assert top["decision"] == "match"
    assert 0.85 <= top["score"] <= 1
    assert "Джемілєв ≈ DZHEMILEV" in top["explanation"]
    assert "same date" in top["explanation"]
    json.dumps(result)  # plain JSON types only


def test_check_ranks_and_limits() -> None:
    result = check(index(), "Ahmed", limit=3)
    assert len(result["candidates"]) <= 3
    scores = [c["score"] for c in result["candidates"]]
    assert scores == sorted(scores, reverse=True)
    assert {c["decision"] for c in result["candidates"]} <= {"match", "possible"}


def test_check_finds_nothing_for_an_unknown_name() -> None:
    assert check(index(), "Zyxwvut Qqqqq")["candidates"] == []


def test_check_rejects_bad_input() -> None:
    with pytest.raises(InputError, match="not a real date"):
        check(index(), "Mustafa Cemilev", dob="31.02.1990")
    with pytest.raises(InputError, match="sex"):
        check(index(), "Mustafa Cemilev", sex="X")
    with pytest.raises(InputError, match="name is required"):
        check(index(), "  ")


def test_check_reads_a_repository(settings: Settings, tmp_path: Path) -> None:
    repo = Repository(open_engine(settings.db_url))
    path = tmp_path / "notices.jsonl"
    records = [*generate_corpus(size=30, seed=4), dzhemilev()]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    import_paths(repo, [path])
    result = check(repo, "Mustafa Cemilev")
    assert [c["entity_id"] for c in result["candidates"]] == [DZHEMILEV_ID]


def test_screen_rows_keep_input_order_and_ids(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "id,name,dob,nationality,sex\n"
        "p-1,Mustafa Cemilev,13.11.1943,UA,M\n"
        "p-2,Zyxwvut Qqqqq,,,\n"
        'p-3,"DZHEMILEV, Mustafa",1943,,\n',
    )
    results = list(screen_rows(index(), read_screen_csv(path).rows))
    assert [r["id"] for r in results] == ["p-1", "p-2", "p-3"]
    assert [r["query"] for r in results] == [
        "Mustafa Cemilev",
        "Zyxwvut Qqqqq",
        "DZHEMILEV, Mustafa",
    ]
    assert all(list(r) == ["id", "query", "candidates"] for r in results)
    assert results[0]["candidates"][0]["entity_id"] == DZHEMILEV_ID
    assert results[0]["candidates"][0]["decision"] == "match"
    assert results[1]["candidates"] == []
    assert results[2]["candidates"][0]["entity_id"] == DZHEMILEV_ID
    for result in results:
        assert all(tuple(c) == CANDIDATE_FIELDS for c in result["candidates"])
        assert all(c["decision"] in ("match", "possible") for c in result["candidates"])
        scores = [c["score"] for c in result["candidates"]]
        assert scores == sorted(scores, reverse=True)


def test_rows_without_ids_are_numbered_from_one(tmp_path: Path) -> None:
    path = write(tmp_path, "name\n\nMustafa Cemilev\nZyxwvut Qqqqq\n\nRefat Chubarov\n")
    results = list(screen_rows(index(), read_screen_csv(path).rows))
    assert [r["id"] for r in results] == [1, 2, 3]


def test_screen_rows_take_plain_mappings() -> None:
    rows: list[dict[str, Any]] = [
        {"name": "Mustafa Cemilev", "dob": "1943"},
        {"id": 7, "name": "Zyxwvut Qqqqq"},
    ]
    results = list(screen_rows(index(), rows))
    assert [r["id"] for r in results] == [1, 7]
    assert results[0]["candidates"][0]["entity_id"] == DZHEMILEV_ID
    with pytest.raises(InputError, match="row 1: bad date of birth"):
        list(screen_rows(index(), [{"name": "Mustafa Cemilev", "dob": "someday"}]))


def test_reader_accepts_excel_habits(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "\ufeffName;DOB;Notes;ID\r\nCemilev Mustafa;13.11.1943;met in Kyiv;7\r\n;;;\r\n",
    )
    given = read_screen_csv(path)
    assert given.ignored_columns == ("Notes",)
    assert len(given.rows) == 1
    row = given.rows[0]
    assert isinstance(row, ScreenRow)
    assert (row.id, row.name, row.line) == ("7", "Cemilev Mustafa", 2)
    assert row.query.dob is not None
    assert str(row.query.dob) == "1943-11-13"


def test_each_row_read_is_the_row_the_validator_makes(tmp_path: Path) -> None:
    lines = [
        "sex,ID,name,nationality,dob,notes",
        "M, 7 ,  Cemilev Mustafa ,ua,13.11.1943,x",
        "f,,Ayshe Seitmuratova,,1990,",
        ",id 3,Leniie Umerova, UA ,05/1990",
        "ж,,Мустафа Джемілєв",
        ",,,,,",
        "male,,Ivan Ivanov,RUS,1990-05-17,",
    ]
    given = read_screen_csv(write(tmp_path, "\n".join(lines) + "\n"))
    header = [c.strip().lower() for c in lines[0].split(",")]
    expected = []
    for number, (line, text) in enumerate([(2, lines[1]), (3, lines[2]), (4, lines[3]),
                                           (5, lines[4]), (7, lines[6])], start=1):  # fmt: skip
        cells = text.split(",")
        values = {c: cells[i] if i < len(cells) else None for i, c in enumerate(header)}
        row = screening._parse_row(values, number, "here")
        expected.append(ScreenRow(row.id, row.name, row.query, line))
    assert given.rows == expected
    assert [row.id for row in given.rows] == ["7", 2, "id 3", 4, 5]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name,dob\nAyshe Seitmuratova,01.01.1990\n\nLeniie Umerova,31.02.1990\n",
         "people.csv: line 4: bad date of birth '31.02.1990'"),
        ("name,sex\nAyshe Seitmuratova,X\n", "people.csv: line 2: bad sex 'X'"),
        ("name,nationality\nAyshe Seitmuratova,Ukraine1\n",
         "people.csv: line 2: bad nationality 'Ukraine1'"),
        ("id,name\n1,\n", "people.csv: line 2: the name is empty"),
        ("name\nSeitmuratova, Ayshe\n", "people.csv: line 2: 2 fields, the header has 1"),
        ("full name,dob\nAyshe Seitmuratova,1990\n", "people.csv: line 1: the header needs"),
        ("name,name\nAyshe Seitmuratova,x\n", "people.csv: line 1: the column 'name' appears"),
        ("", "people.csv: the file is empty"),
        ('name\n"Ayshe Seitmuratova\n', "people.csv: line 2: not valid CSV"),
        ("name,dob\nA B,1990\nC D,x\nE F,y\nG H,z\n", "line 3: bad date of birth 'x' (and 2 more"),
    ],
)  # fmt: skip
def test_bad_files_name_the_line_and_never_the_person(
    tmp_path: Path, text: str, message: str
) -> None:
    with pytest.raises(InputError) as caught:
        read_screen_csv(write(tmp_path, text))
    said = str(caught.value)
    assert message in said
    assert "\n" not in said
    for name in ("Ayshe", "Seitmuratova", "Leniie", "Umerova"):
        assert name not in said


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_screen_csv(tmp_path / "missing.csv")
    with pytest.raises(InputError, match="is a folder"):
        read_screen_csv(tmp_path)
    latin1 = write(tmp_path, "name\nAyşe\nÇubarov\n", encoding="cp1254")
    with pytest.raises(InputError, match=r"line 2: not UTF-8"):
        read_screen_csv(latin1)


def test_a_bad_last_line_stops_the_file_before_any_screening(tmp_path: Path) -> None:
    lines = ["name,dob"] + [f"Person Number{i},1990" for i in range(200)] + ["Late Row,1990-13-40"]
    with pytest.raises(InputError, match="line 202: bad date of birth"):
        read_screen_csv(write(tmp_path, "\n".join(lines) + "\n"))


def test_screening_in_processes_gives_the_same_rows_in_the_same_order() -> None:
    rows = [
        {"id": f"r{i}", "name": record["name"] + " " + (record["forename"] or "")}
        for i, record in enumerate(generate_corpus(size=240, seed=22))
    ]
    rows.append({"id": "last", "name": "Mustafa Cemilev"})
    alone = list(screen_rows(index(), rows))
    together = list(screen_rows(index(), rows, workers=2))
    assert together == alone
    assert [r["id"] for r in together][-1] == "last"
    assert together[-1]["candidates"][0]["entity_id"] == DZHEMILEV_ID


def test_rows_asking_the_same_are_searched_once_and_get_their_own_candidates() -> None:
    names = [
        record["name"] + " " + (record["forename"] or "")
        for record in generate_corpus(size=210, seed=23)
    ]
    rows = [{"id": f"r{i}", "name": names[i % 210]} for i in range(420)]  # each name twice
    rows.append({"id": "again", "name": "Mustafa Cemilev", "dob": "1943"})
    rows.append({"id": "other date", "name": "Mustafa Cemilev", "dob": "1950"})
    rows.append({"id": "again 2", "name": "Mustafa Cemilev", "dob": "1943"})
    single = [list(screen_rows(index(), [row])) for row in rows]
    for workers in (1, 2):
        together = list(screen_rows(index(), rows, workers=workers))
        assert together == [found for [found] in single]
        assert together[-3]["candidates"] != together[-2]["candidates"]
        assert together[-3]["candidates"] == together[-1]["candidates"]
        assert together[-3]["candidates"][0] is not together[-1]["candidates"][0]


def test_screen_lines_are_the_json_of_the_rows() -> None:
    names = [
        record["name"] + " " + (record["forename"] or "")
        for record in generate_corpus(size=210, seed=25)
    ]
    rows: list[dict[str, Any]] = [{"id": f"r{i}", "name": names[i % 210]} for i in range(420)]
    rows.append({"id": 7, "name": "Мустафа Джемілєв", "dob": "1943"})  # an int id, Cyrillic
    rows.append({"id": 'Ünïcode "quoted"', "name": "Mustafa Cemilev"})
    rows.append({"name": "Mustafa Cemilev", "dob": "1943"})  # no id: its row number
    expected = [
        json.dumps(row, ensure_ascii=False, default=str) for row in screen_rows(index(), rows)
    ]
    for workers in (1, 2):
        found = list(screen_lines(index(), rows, workers=workers))
        assert [line for line, _ in found] == expected
        for (_line, decision), row in zip(found, screen_rows(index(), rows), strict=True):
            decisions = {c["decision"] for c in row["candidates"]}
            best = "match" if "match" in decisions else "possible" if decisions else None
            assert decision == best
    assert found[-1].decision == "match"


def test_searches_sharing_a_memo_find_what_each_finds_alone() -> None:
    names = ["Mustafa Cemilev", "Мустафа Джемілєв", "Cemilev", "Mustafa Dzhemilev Ahmed"]
    names += [f"{r['forename'] or ''} {r['name']}" for r in generate_corpus(size=60, seed=24)]
    queries = [Query.build(name, dob=dob) for name in names for dob in (None, "1943")]
    memo = SearchMemo(index())
    for query in queries:
        assert index().search(query, None, memo=memo) == index().search(query, None)
    assert memo.hits  # the words were kept
    with pytest.raises(ValueError, match="another index"):
        CandidateIndex.from_notices([dzhemilev()]).search(queries[0], memo=memo)


def _clear_name_caches() -> None:
    """Empty every ``lru_cache`` of redwatch's modules: what follows runs the cold paths."""
    for module_name, module in list(sys.modules.items()):
        if module_name == "redwatch" or module_name.startswith("redwatch."):
            for value in vars(module).values():
                clear = getattr(value, "cache_clear", None)
                if callable(clear):
                    clear()


def test_screening_makes_no_reference_cycles() -> None:
    """A forked worker screens with the cyclic collector off (``screening._work``): what
    reference counting cannot free would stay for the whole run."""
    rows: list[dict[str, Any]] = _corpus_rows(300, 27)
    rows += [
        {"name": "Mustafa Dzhemilev Ahmed", "dob": "1943"},  # more pairs than _best_of_two
        {"name": "Аляксандр Лукашэнка"},  # a Belarusian spelling (``_belarusian_rules``)
        {"name": "Alaksandr Lukašenka", "sex": "M"},
        {"name": "Мустафа Джемілєв", "dob": "13.11.1943", "nationality": "UA"},
    ]
    list(screen_rows(index(), rows))  # the libraries' own one-time set-up
    _clear_name_caches()
    with warnings.catch_warnings():  # earlier tests' garbage is none of this test's business
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()
    gc.disable()
    try:
        screened = list(screen_rows(index(), rows))
        assert gc.collect() == 0
    finally:
        gc.enable()
    assert screened[-1]["candidates"][0]["entity_id"] == DZHEMILEV_ID


def _corpus_rows(size: int, seed: int) -> list[dict[str, Any]]:
    return [
        {"id": f"r{i}", "name": f"{record['forename'] or ''} {record['name']}"}
        for i, record in enumerate(generate_corpus(size=size, seed=seed))
    ]


def test_the_plan_sorts_each_window_and_keeps_every_query_once() -> None:
    queries = [Query.build(row["name"]) for row in _corpus_rows(100, 26)]
    plan = screening._plan(queries, 16)
    assert sorted(plan) == list(range(len(queries)))
    for start in range(0, len(queries), 16):
        window = plan[start : start + 16]
        assert set(window) == set(range(start, min(start + 16, len(queries))))
        keys = [screening._affinity(queries[number]) for number in window]
        assert keys == sorted(keys)


def _claim_all(claims: screening._Claims, turns: list[int]) -> dict[int, list[int]]:
    """Each worker's claimed plan positions, workers asking in ``turns`` (cycled)."""
    taken: dict[int, list[int]] = {worker: [] for worker in set(turns)}
    done: set[int] = set()
    while len(done) < len(set(turns)):
        for worker in turns:
            if worker in done:
                continue
            stretch = claims.claim(worker)
            if stretch is None:
                done.add(worker)
            else:
                taken[worker].extend(range(*stretch))
    return taken


def _local_claims(total: int, workers: int, window: int) -> screening._Claims:
    return screening._Claims(total, workers, window, threading.Lock(), [0] * (1 + 2 * workers))


@pytest.mark.parametrize("workers", [2, 3])
def test_claims_give_every_position_once_and_each_worker_its_share(workers: int) -> None:
    claims = _local_claims(1000, workers, 256)
    taken = _claim_all(claims, list(range(workers)))
    every = sorted(p for positions in taken.values() for p in positions)
    assert every == list(range(1000))
    # Workers going at the same pace each keep their own share of each window.
    first = {worker: sorted(p for p in taken[worker] if p < 256) for worker in taken}
    for worker in range(workers):
        start, end = 256 * worker // workers, 256 * (worker + 1) // workers
        assert first[worker] == list(range(start, end))


def test_a_fast_worker_takes_the_rest_of_a_slow_ones_share_from_its_end() -> None:
    claims = _local_claims(1000, 2, 256)
    assert claims.claim(1) == (128, 178)  # the front of its share, a full stretch
    taken = _claim_all(claims, [0])  # worker 1 never asks again
    assert sorted(taken[0]) == [p for p in range(1000) if not 128 <= p < 178]
    in_window = [p for p in taken[0] if p < 256]
    assert in_window == [*range(128), *range(206, 256), *range(178, 206)]


def test_stretches_shrink_near_the_end() -> None:
    stretches = []
    claims = _local_claims(1000, 2, 256)
    while (stretch := claims.claim(0)) is not None:
        stretches.append(stretch[1] - stretch[0])
    assert max(stretches) == screening._CHUNK
    assert stretches[-1] <= screening._LEAST_CHUNK  # smaller near the end


def test_many_windows_in_processes_give_the_rows_in_input_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rows = _corpus_rows(300, 27)
    rows.append({"id": "last", "name": "Mustafa Cemilev"})
    alone = list(screen_rows(index(), rows))
    monkeypatch.setattr(screening, "_WINDOW", 16)
    monkeypatch.setattr(screening, "_CHUNK", 5)
    for workers in (2, 3):
        assert list(screen_rows(index(), rows, workers=workers)) == alone


def _fail_on_cemilev(
    index: CandidateIndex, queries: list[Query], memo: SearchMemo, render: Any
) -> list[Any]:
    if any("Cemilev" in query.names[0] for query in queries):
        raise LookupError("worker failure")
    return [render([]) for _ in queries]


def _exit_on_cemilev(
    index: CandidateIndex, queries: list[Query], memo: SearchMemo, render: Any
) -> list[Any]:
    if any("Cemilev" in query.names[0] for query in queries):
        os._exit(3)
    return [render([]) for _ in queries]


def test_a_worker_error_is_raised_by_the_caller(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [*_corpus_rows(240, 28), {"name": "Mustafa Cemilev"}]
    monkeypatch.setattr(screening, "_screen_batch", _fail_on_cemilev)
    with pytest.raises(LookupError, match="worker failure"):
        list(screen_rows(index(), rows, workers=2))
    monkeypatch.setattr(screening, "_screen_batch", _exit_on_cemilev)
    with pytest.raises(RuntimeError, match="stopped before the end"):
        list(screen_rows(index(), rows, workers=2))
    assert not multiprocessing.active_children()


def test_closing_the_results_early_stops_the_workers() -> None:
    found = screen_rows(index(), _corpus_rows(400, 29), workers=2)
    assert len(multiprocessing.active_children()) == 2
    next(found)
    found.close()
    assert not multiprocessing.active_children()
