"""Key sources, the key check, and rotation without loss."""

from __future__ import annotations

import os
import stat
from dataclasses import replace
from pathlib import Path

import pytest

from redwatch.errors import ConfigError
from redwatch.settings import Settings
from redwatch.store.repository import Repository
from redwatch.watch import WatchService, validated
from redwatch.watch.crypto import encode_key, new_key
from redwatch.watch.keys import open_cipher, rotate_key
from tests.watch.conftest import notice, put


def test_key_file_is_created_owner_only_on_first_use(settings: Settings, repo: Repository) -> None:
    assert not settings.key_file.exists()
    cipher, source = open_cipher(settings, repo.engine)
    assert source.kind == "file"
    assert stat.S_IMODE(settings.key_file.stat().st_mode) == 0o600
    again, _ = open_cipher(settings, repo.engine)
    assert again.key_id == cipher.key_id


def test_a_key_file_others_can_read_is_refused(settings: Settings, repo: Repository) -> None:
    open_cipher(settings, repo.engine)
    os.chmod(settings.key_file, 0o644)
    with pytest.raises(ConfigError, match="chmod 600"):
        open_cipher(settings, repo.engine)


def test_a_lost_key_file_is_an_error_not_a_new_key(settings: Settings, repo: Repository) -> None:
    open_cipher(settings, repo.engine)
    settings.key_file.unlink()
    with pytest.raises(ConfigError, match="does not exist"):
        open_cipher(settings, repo.engine)
    assert not settings.key_file.exists()


def test_wrong_env_key_is_refused(settings: Settings, repo: Repository) -> None:
    right = replace(settings, watch_key=encode_key(new_key()))
    open_cipher(right, repo.engine)
    wrong = replace(settings, watch_key=encode_key(new_key()))
    with pytest.raises(ConfigError, match="REDWATCH_KEY does not open"):
        open_cipher(wrong, repo.engine)


def test_passphrase_derives_the_same_key_and_refuses_another(
    settings: Settings, repo: Repository
) -> None:
    with_pass = replace(settings, passphrase="correct horse battery staple")
    first, source = open_cipher(with_pass, repo.engine)
    assert source.kind == "passphrase"
    assert not settings.key_file.exists()
    second, _ = open_cipher(with_pass, repo.engine)
    assert second.key_id == first.key_id
    with pytest.raises(ConfigError, match="wrong key or passphrase"):
        open_cipher(replace(settings, passphrase="wrong"), repo.engine)


def _populate(service: WatchService) -> None:
    entry = service.watchlist.add(validated(["Mustafa Cemilev"], dob="1943"))
    service.channels.add(
        "webhook", {"url": "http://127.0.0.1:9/hook", "secret": "s" * 32}, minimal=False
    )
    assert service.screener.screen_entries([entry]).alerts["match"] == 1


@pytest.mark.parametrize("source", ["file", "env", "passphrase"])
def test_rotation_re_encrypts_everything_without_loss(
    settings: Settings, repo: Repository, source: str
) -> None:
    if source == "env":
        settings = replace(settings, watch_key=encode_key(new_key()))
    elif source == "passphrase":
        settings = replace(settings, passphrase="old passphrase")
    service = WatchService.open(settings, repo)
    _populate(service)
    before = (
        [e.as_json() for e in service.watchlist.entries()],
        [a.as_json() for a in service.alerts.all()],
        [c.as_json() for c in service.channels.all()],
    )
    new_env = encode_key(new_key())
    rotating = replace(settings, new_watch_key=new_env, new_passphrase="new passphrase")
    cipher, counts, _ = rotate_key(rotating, repo.engine)
    assert counts == {"entries": 1, "alerts": 1, "channels": 1}
    after_settings = {
        "file": settings,
        "env": replace(settings, watch_key=new_env),
        "passphrase": replace(settings, passphrase="new passphrase"),
    }[source]
    rotated = WatchService.open(after_settings, repo)
    assert rotated.cipher.key_id == cipher.key_id
    after = (
        [e.as_json() for e in rotated.watchlist.entries()],
        [a.as_json() for a in rotated.alerts.all()],
        [c.as_json() for c in rotated.channels.all()],
    )
    assert after == before
    # Dedupe tags were re-computed: screening again finds the alert it already made.
    assert rotated.screener.rescreen().alerts == {}
    if source != "file":
        with pytest.raises(ConfigError):
            open_cipher(settings, repo.engine)


def test_rotation_needs_the_new_secret(settings: Settings, repo: Repository) -> None:
    env = replace(settings, watch_key=encode_key(new_key()))
    open_cipher(env, repo.engine)
    with pytest.raises(ConfigError, match="REDWATCH_NEW_KEY"):
        rotate_key(env, repo.engine)


def test_a_rotation_cut_short_after_commit_is_finished_on_next_open(
    settings: Settings, repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = WatchService.open(settings, repo)
    _populate(service)
    real_replace = os.replace

    def crash(src: object, dst: object) -> None:
        raise KeyboardInterrupt("killed between commit and key file move")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        rotate_key(settings, repo.engine)
    monkeypatch.setattr(os, "replace", real_replace)
    pending = Path(str(settings.key_file) + ".new")
    assert pending.exists()
    reopened = WatchService.open(settings, repo)
    assert not pending.exists()
    assert [e.data.names for e in reopened.watchlist.entries()] == [("Mustafa Cemilev",)]


def test_new_notices_do_not_need_the_key(settings: Settings, repo: Repository) -> None:
    """The mirror stays usable without any key: only the watchlist is sealed."""
    put(repo, notice("2019/1004", "ALIEV", "ISMAIL", None))
    assert repo.counts()["active"] == 4
    assert not settings.key_file.exists()
