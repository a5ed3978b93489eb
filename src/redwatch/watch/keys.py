"""Where the watchlist key comes from, how it is checked, and how it is rotated.

Sources, first found wins: ``REDWATCH_KEY`` (base64), ``REDWATCH_PASSPHRASE`` (Argon2id with a
salt kept in the database), else a key file (``REDWATCH_KEY_FILE``, default ``HOME/watchlist.key``)
created with mode 0600 on first use. The database keeps a sealed check value, so a wrong key is
refused with a clear message instead of silently writing records nobody can read together.

Rotation re-encrypts every record and re-computes every tag in one transaction. With a key
file, the new key is first written beside the old one (``.new``) and moved into place only after
the transaction commits; a rotation cut short between the two is finished on the next open.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.engine import Connection

from redwatch.errors import ConfigError
from redwatch.settings import Settings
from redwatch.store.schema import alerts, channels, keyring, watch_entries
from redwatch.watch.crypto import KEY_BYTES, Cipher, DecryptError, decode_key, encode_key, new_key

__all__ = ["KeySource", "alert_context", "open_cipher", "rotate_key"]

_CHECK = {"redwatch": "watchlist key check"}
_CHECK_CONTEXT = "keyring:check"
_SALT_BYTES = 16
# Argon2id, RFC 9106's second recommended option (64 MiB, 3 passes), 2 lanes for 2 cores.
_ARGON2 = {"time_cost": 3, "memory_cost": 64 * 1024, "parallelism": 2}


def entry_context(entry_id: str) -> str:
    return f"entry:{entry_id}"


def alert_context(dedupe: str) -> str:
    return f"alert:{dedupe}"


def channel_context(channel_id: str) -> str:
    return f"channel:{channel_id}"


@dataclass(frozen=True)
class KeySource:
    kind: str
    """``env``, ``passphrase`` or ``file``."""
    description: str
    """Where the key came from, for messages (never the key itself)."""


def _passphrase_key(passphrase: str, salt: bytes) -> bytes:
    return hash_secret_raw(passphrase.encode(), salt, hash_len=KEY_BYTES, type=Type.ID, **_ARGON2)


def _read_key_file(path: Path) -> bytes:
    if os.name == "posix":
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            raise ConfigError(
                f"the key file {path} can be read by other users (mode {mode:o}): "
                f"run `chmod 600 {path}`"
            )
    return decode_key(path.read_text(), f"the key file {path}")


def _write_key_file(path: Path, key: bytes) -> None:
    """Create ``path`` holding ``key``, readable by its owner only, durably."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(encode_key(key) + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def _pending(path: Path) -> Path:
    return path.with_name(path.name + ".new")


def _keyring(conn: Connection) -> dict[str, bytes]:
    return {row.name: bytes(row.value) for row in conn.execute(select(keyring))}


def _checks(cipher: Cipher, stored: bytes) -> bool:
    try:
        return bool(cipher.open(stored, _CHECK_CONTEXT) == _CHECK)
    except DecryptError:
        return False


def _key_from(settings: Settings, ring: dict[str, bytes]) -> tuple[bytes | None, KeySource]:
    if settings.watch_key:
        return decode_key(settings.watch_key, "REDWATCH_KEY"), KeySource("env", "REDWATCH_KEY")
    if settings.passphrase:
        salt = ring.get("salt")
        source = KeySource("passphrase", "REDWATCH_PASSPHRASE")
        return (None if salt is None else _passphrase_key(settings.passphrase, salt)), source
    path = settings.key_file
    source = KeySource("file", f"the key file {path}")
    if path.exists():
        return _read_key_file(path), source
    return None, source


def open_cipher(settings: Settings, engine: Engine) -> tuple[Cipher, KeySource]:
    """The cipher of this database's watchlist, creating the key on first use."""
    with engine.begin() as conn:
        ring = _keyring(conn)
        key, source = _key_from(settings, ring)
        check = ring.get("check")
        if key is None:
            if check is not None:
                raise ConfigError(
                    f"this database's watchlist is encrypted and {source.description} "
                    "does not exist: set REDWATCH_KEY, REDWATCH_PASSPHRASE or REDWATCH_KEY_FILE"
                )
            if source.kind == "passphrase":
                salt = os.urandom(_SALT_BYTES)
                conn.execute(insert(keyring).values(name="salt", value=salt))
                key = _passphrase_key(settings.passphrase, salt)
            else:
                key = new_key()
                _write_key_file(settings.key_file, key)
        cipher = Cipher(key)
        if check is None:
            conn.execute(
                insert(keyring).values(name="check", value=cipher.seal(_CHECK, _CHECK_CONTEXT))
            )
            return cipher, source
        if _checks(cipher, check):
            return cipher, source
        pending = _pending(settings.key_file)
        if source.kind == "file" and pending.exists():
            finished = Cipher(_read_key_file(pending))
            if _checks(finished, check):
                # A rotation committed but was cut short before its key file moved into place.
                os.replace(pending, settings.key_file)
                return finished, source
        raise ConfigError(
            f"{source.description} does not open this database's watchlist "
            "(wrong key or passphrase)"
        )


def _reseal(conn: Connection, old: Cipher, new: Cipher) -> dict[str, int]:
    """Re-encrypt every sealed record and re-compute every tag, inside ``conn``'s transaction."""
    counts = {"entries": 0, "alerts": 0, "channels": 0}
    for entry in conn.execute(select(watch_entries.c.id, watch_entries.c.blob)).all():
        sealed = new.seal(
            old.open(bytes(entry.blob), entry_context(entry.id)), entry_context(entry.id)
        )
        conn.execute(
            update(watch_entries).where(watch_entries.c.id == entry.id).values(blob=sealed)
        )
        counts["entries"] += 1
    for alert in conn.execute(select(alerts.c.id, alerts.c.dedupe, alerts.c.blob)).all():
        value: dict[str, Any] = old.open(bytes(alert.blob), alert_context(alert.dedupe))
        dedupe = new.tag(*value["dedupe_parts"])
        sealed = new.seal(value, alert_context(dedupe))
        conn.execute(
            update(alerts).where(alerts.c.id == alert.id).values(dedupe=dedupe, blob=sealed)
        )
        counts["alerts"] += 1
    for channel in conn.execute(select(channels.c.id, channels.c.blob)).all():
        context = channel_context(channel.id)
        sealed = new.seal(old.open(bytes(channel.blob), context), context)
        conn.execute(update(channels).where(channels.c.id == channel.id).values(blob=sealed))
        counts["channels"] += 1
    conn.execute(delete(keyring))
    conn.execute(insert(keyring).values(name="check", value=new.seal(_CHECK, _CHECK_CONTEXT)))
    return counts


def rotate_key(settings: Settings, engine: Engine) -> tuple[Cipher, dict[str, int], KeySource]:
    """Re-encrypt the whole watchlist under a new key; nothing is lost if it is cut short."""
    old, source = open_cipher(settings, engine)
    salt: bytes | None = None
    pending: Path | None = None
    if source.kind == "env":
        if not settings.new_watch_key:
            raise ConfigError("set REDWATCH_NEW_KEY to the new key (`redwatch key generate`)")
        key = decode_key(settings.new_watch_key, "REDWATCH_NEW_KEY")
    elif source.kind == "passphrase":
        if not settings.new_passphrase:
            raise ConfigError("set REDWATCH_NEW_PASSPHRASE to the new passphrase")
        salt = os.urandom(_SALT_BYTES)
        key = _passphrase_key(settings.new_passphrase, salt)
    else:
        key = new_key()
        pending = _pending(settings.key_file)
        pending.unlink(missing_ok=True)
        _write_key_file(pending, key)
    new = Cipher(key)
    if new.key_id == old.key_id:
        raise ConfigError("the new key is the same as the current one")
    with engine.begin() as conn:
        counts = _reseal(conn, old, new)
        if salt is not None:
            conn.execute(insert(keyring).values(name="salt", value=salt))
    if pending is not None:
        os.replace(pending, settings.key_file)
    return new, counts, source
