"""The watchlist key and what it does: authenticated encryption of blobs, keyed hashes.

A leaked watchlist is a list of targets, so every record that could name a watched person
(or tie one to a notice) is stored as AES-256-GCM ciphertext bound to its row by associated
data, and lookups that must work without decrypting use HMAC-SHA256 tags. Two sub-keys are
derived from the one master key with HKDF, so the cipher and the tags never share a key.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import secrets
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from redwatch.errors import ConfigError

__all__ = ["KEY_BYTES", "Cipher", "DecryptError", "decode_key", "encode_key", "new_key"]

KEY_BYTES = 32
_FORMAT = b"\x01"
_NONCE_BYTES = 12
_KEY_ID_BYTES = 4


class DecryptError(ConfigError):
    """A blob does not open with this key (wrong key, or the data was tampered with)."""


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def encode_key(key: bytes) -> str:
    return base64.urlsafe_b64encode(key).decode("ascii")


def decode_key(text: str, source: str) -> bytes:
    """A key written as base64 (URL-safe or standard); ``source`` names it in errors."""
    cleaned = text.strip()
    try:
        key = base64.urlsafe_b64decode(cleaned.replace("+", "-").replace("/", "_"))
    except (binascii.Error, ValueError):
        key = b""
    if len(key) != KEY_BYTES:
        raise ConfigError(
            f"{source} must hold {KEY_BYTES} random bytes in base64 "
            "(make one with `redwatch key generate`)"
        )
    return key


def _derive(master: bytes, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose).derive(master)


class Cipher:
    """Seals and opens JSON values, and tags values, with one master key."""

    def __init__(self, master: bytes) -> None:
        if len(master) != KEY_BYTES:
            raise ValueError("a master key has 32 bytes")
        self._aead = AESGCM(_derive(master, b"redwatch/v1/seal"))
        self._mac = _derive(master, b"redwatch/v1/tag")
        self.key_id = hashlib.sha256(_derive(master, b"redwatch/v1/id")).digest()[:_KEY_ID_BYTES]

    def seal(self, value: Any, context: str) -> bytes:
        """Encrypt a JSON value; ``context`` (e.g. ``entry:ab12``) binds it to its place."""
        nonce = os.urandom(_NONCE_BYTES)
        plain = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
        sealed = self._aead.encrypt(nonce, plain, context.encode())
        return _FORMAT + self.key_id + nonce + sealed

    def open(self, blob: bytes, context: str) -> Any:
        head = len(_FORMAT) + _KEY_ID_BYTES
        if len(blob) < head + _NONCE_BYTES or blob[:1] != _FORMAT:
            raise DecryptError("an encrypted record is damaged (unknown format)")
        if blob[1:head] != self.key_id:
            raise DecryptError(
                "the watchlist key does not match this data: set REDWATCH_KEY, "
                "REDWATCH_PASSPHRASE or REDWATCH_KEY_FILE to the key it was written with"
            )
        nonce = blob[head : head + _NONCE_BYTES]
        try:
            plain = self._aead.decrypt(nonce, blob[head + _NONCE_BYTES :], context.encode())
        except InvalidTag:
            raise DecryptError(
                "an encrypted record failed its integrity check (tampered or misplaced)"
            ) from None
        return json.loads(plain)

    def tag(self, *parts: str) -> str:
        """A keyed hash: equal parts give equal tags, and nobody without the key can test one."""
        message = "\x1f".join(parts).encode()
        return hmac.new(self._mac, message, hashlib.sha256).hexdigest()
