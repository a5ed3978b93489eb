"""Sealing: authenticated, bound to its row, useless under another key."""

from __future__ import annotations

import pytest

from redwatch.errors import ConfigError
from redwatch.watch.crypto import Cipher, DecryptError, decode_key, encode_key, new_key


def test_seal_round_trip_hides_the_plaintext() -> None:
    cipher = Cipher(new_key())
    value = {"names": ["Мустафа Джемілєв", "Mustafa Cemilev"], "dob": "1943-11-13"}
    blob = cipher.seal(value, "entry:0000abcd")
    assert cipher.open(blob, "entry:0000abcd") == value
    for needle in ("Cemilev", "Джемілєв", "1943"):
        assert needle.encode() not in blob
    assert cipher.seal(value, "entry:0000abcd") != blob  # a fresh nonce every time


def test_a_blob_moved_to_another_row_does_not_open() -> None:
    cipher = Cipher(new_key())
    blob = cipher.seal({"names": ["A"]}, "entry:0000abcd")
    with pytest.raises(DecryptError, match="integrity"):
        cipher.open(blob, "entry:ffff0000")


def test_tampering_is_detected() -> None:
    cipher = Cipher(new_key())
    blob = bytearray(cipher.seal({"names": ["A"]}, "x"))
    blob[-1] ^= 1
    with pytest.raises(DecryptError):
        cipher.open(bytes(blob), "x")


def test_another_key_is_refused_with_a_clear_message() -> None:
    blob = Cipher(new_key()).seal({"names": ["A"]}, "x")
    with pytest.raises(DecryptError, match="REDWATCH_KEY"):
        Cipher(new_key()).open(blob, "x")


def test_tags_are_stable_per_key_and_differ_across_keys() -> None:
    key = new_key()
    one, same, other = Cipher(key), Cipher(key), Cipher(new_key())
    assert one.tag("e1", "2020/1", "match", "0") == same.tag("e1", "2020/1", "match", "0")
    assert one.tag("e1", "2020/1", "match", "0") != other.tag("e1", "2020/1", "match", "0")
    assert one.tag("e1", "2020/1") != one.tag("e12020/1")  # parts are separated


def test_keys_encode_and_decode() -> None:
    key = new_key()
    assert decode_key(encode_key(key), "REDWATCH_KEY") == key
    with pytest.raises(ConfigError, match="32 random bytes"):
        decode_key("too-short", "REDWATCH_KEY")
