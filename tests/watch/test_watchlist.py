"""Entries: validation, edit, import all or nothing, export and re-import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from redwatch.errors import InputError, NotFoundError
from redwatch.watch import WatchService, parse_entries_file, validated
from redwatch.watch.entries import edited


def test_validation_normalises_and_refuses_bad_values() -> None:
    data = validated(
        ["  Мустафа  Джемілєв ", "Mustafa Cemilev;MUSTAFA DZHEMILEV", "Mustafa Cemilev"],
        dob="13.11.1943",
        nationality="ua",
        sex="m",
        tags="family;ctrc",
    )
    assert data.names == ("Мустафа Джемілєв", "Mustafa Cemilev", "MUSTAFA DZHEMILEV")
    assert (data.nationality, data.sex, data.tags) == ("UA", "M", ("family", "ctrc"))
    with pytest.raises(InputError, match="at least one name"):
        validated([" ", ""])
    with pytest.raises(InputError, match="not a real date"):
        validated(["A B"], dob="1990-13-45")
    with pytest.raises(InputError, match="sex must be"):
        validated(["A B"], sex="x")


def test_edit_replaces_given_fields_and_clears_with_empty() -> None:
    data = validated(["A B"], dob="1990", nationality="UA", notes="n")
    changed = edited(data, {"dob": "", "notes": None, "nationality": "RU"})
    assert (changed.dob, changed.notes, changed.nationality) == (None, "n", "RU")


def test_add_get_replace_remove(service: WatchService) -> None:
    entry = service.watchlist.add(validated(["Ruslan Kaibullaev"], dob="1985"))
    assert service.watchlist.get(entry.id).data.names == ("Ruslan Kaibullaev",)
    service.watchlist.replace(entry.id, validated(["Ruslan Qaybullayev"]))
    assert service.watchlist.get(entry.id).data.names == ("Ruslan Qaybullayev",)
    service.screener.screen_entries([service.watchlist.get(entry.id)])
    assert len(service.alerts.all()) == 1
    assert service.remove_entry(entry.id) == 1
    assert service.alerts.all() == []
    with pytest.raises(NotFoundError):
        service.watchlist.get(entry.id)
    with pytest.raises(InputError, match="8 hex digits"):
        service.watchlist.get("nope")


def test_csv_import_is_all_or_nothing_and_names_the_line(
    service: WatchService, tmp_path: Path
) -> None:
    good = tmp_path / "good.csv"
    good.write_text(
        "name,dob,nationality,sex,note,tag\n"
        "Mustafa Cemilev;Мустафа Джемілєв,1943-11-13,UA,M,leader,ctrc\n"
        "Ruslan Kaibullaev,1985,,M,,family;ctrc\n",
        encoding="utf-8",
    )
    bad = tmp_path / "bad.csv"
    bad.write_text("name,dob\nMustafa Cemilev,1943\nSecret Person,1990-13-45\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        service.watchlist.import_entries(parse_entries_file(bad))
    assert str(caught.value).startswith("line 3:")
    assert "Secret" not in str(caught.value)
    assert len(service.watchlist) == 0
    ids, replaced = service.watchlist.import_entries(parse_entries_file(good))
    assert (len(ids), replaced) == (2, 0)
    first = service.watchlist.get(ids[0]).data
    assert first.names == ("Mustafa Cemilev", "Мустафа Джемілєв")
    assert first.tags == ("ctrc",)


def test_a_bad_row_late_in_a_file_leaves_the_store_untouched(
    service: WatchService, tmp_path: Path
) -> None:
    """Validation passes, but the write fails half way: the transaction keeps nothing."""
    rows = parse_entries_file(_json(tmp_path, [{"name": "A B"}, {"name": "C D"}]))
    broken = [*rows, ("not-an-id", rows[0][1])]
    with pytest.raises(InputError, match="entry 3"):
        service.watchlist.import_entries(broken)
    assert len(service.watchlist) == 0


def _json(tmp_path: Path, value: object) -> Path:
    path = tmp_path / "entries.json"
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    return path


def test_json_import_errors_cite_the_entry(service: WatchService, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="entry 2: unknown field"):
        parse_entries_file(_json(tmp_path, [{"name": "A B"}, {"name": "C", "colour": "red"}]))
    with pytest.raises(InputError, match="not valid JSON"):
        parse_entries_file(_write(tmp_path, "[{"))
    with pytest.raises(InputError, match="'name' column"):
        parse_entries_file(_write(tmp_path, "names_wrong,dob\nA,1990\n"))


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "f.txt"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("encrypted", [False, True])
def test_export_round_trips(service: WatchService, tmp_path: Path, encrypted: bool) -> None:
    service.watchlist.add(validated(["Mustafa Cemilev", "Мустафа Джемілєв"], dob="1943"))
    service.watchlist.add(validated(["Ruslan Kaibullaev"], tags=["family"]))
    document = service.watchlist.export_document(encrypted=encrypted)
    text = json.dumps(document, ensure_ascii=False)
    path = _write(tmp_path, text)
    if encrypted:
        for needle in ("Cemilev", "Джемілєв", "family"):
            assert needle not in text
        with pytest.raises(InputError, match="encrypted"):
            parse_entries_file(path)
    rows = parse_entries_file(path, service.cipher)
    before = [e.data for e in service.watchlist.entries()]
    ids, replaced = service.watchlist.import_entries(rows)
    assert replaced == 2  # same ids: an import of an export replaces, never duplicates
    assert [service.watchlist.get(i).data for i in ids] == before
