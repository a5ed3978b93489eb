"""Opening a store: migrated when behind, opened without Alembic when at the newest revision."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

from redwatch.store import engine as engine_module
from redwatch.store.engine import (
    HEAD_REVISION,
    MIGRATIONS,
    current_revision,
    get_engine,
    open_engine,
    table_names,
)


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def test_head_revision_is_alembics_head() -> None:
    assert ScriptDirectory.from_config(_config()).get_current_head() == HEAD_REVISION


def test_a_new_store_is_migrated_to_the_head(db_url: str) -> None:
    assert current_revision(get_engine(db_url)) is None
    engine = open_engine(db_url)
    assert current_revision(engine) == HEAD_REVISION
    assert {"notices", "events", "watch_entries", "alerts"} <= set(table_names(engine))


def test_a_store_behind_the_head_is_brought_up_to_it(db_url: str) -> None:
    engine = get_engine(db_url)
    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    assert current_revision(engine) == "0001"
    assert "watch_entries" not in table_names(engine)
    open_engine(db_url)
    assert current_revision(engine) == HEAD_REVISION
    assert "watch_entries" in table_names(engine)


def test_a_store_at_the_head_is_opened_without_migrating(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_engine(db_url)
    calls: list[object] = []
    monkeypatch.setattr(engine_module, "migrate", calls.append)
    assert current_revision(open_engine(db_url)) == HEAD_REVISION
    assert calls == []
