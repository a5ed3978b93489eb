"""Picture ids and JPEG bytes for the fake's notices, both derived from ids alone.

Deriving pictures from the entity id keeps the corpus a plain list of detail objects (as the
real service returns them) while every notice still gets stable picture ids, the same quirks as
the real service (no thumbnail for ~3.6%, a thumbnail id missing from the images list for a few),
and the same bytes on every run.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

NO_THUMBNAIL_RATE = 0.036
STRAY_THUMBNAIL_RATE = 0.012


@dataclass(frozen=True)
class Pictures:
    """The picture ids of one notice: the images list and the thumbnail link."""

    images: tuple[int, ...] = ()
    thumbnail: int | None = None

    def __contains__(self, picture_id: object) -> bool:
        return picture_id in self.images or (
            self.thumbnail is not None and picture_id == self.thumbnail
        )


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode(), digest_size=16).digest()


def _unit(chunk: bytes) -> float:
    return int.from_bytes(chunk, "big") / float(1 << (8 * len(chunk)))


def pictures_for(entity_id: str) -> Pictures:
    """Stable picture ids for a notice; ids grow with the notice's year as real ones do."""
    digest = _digest(entity_id)
    if _unit(digest[0:4]) < NO_THUMBNAIL_RATE:
        return Pictures()
    year = int(entity_id.split("/", 1)[0]) if entity_id[:4].isdigit() else 2015
    base = 56_000_000 + max(0, year - 2005) * 330_000 + int.from_bytes(digest[4:8]) % 320_000
    count = (1, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 4)[digest[8] % 12]
    images = tuple(base + i * (1 + digest[9 + i] % 40) for i in range(count))
    thumbnail = images[-1]
    if _unit(digest[13:15]) < STRAY_THUMBNAIL_RATE:
        # The real thumbnail link sometimes names a picture the images list does not hold.
        thumbnail = base + 400_000 + digest[15]
    return Pictures(images=images, thumbnail=thumbnail)


# --- A tiny baseline JPEG encoder ---
# No image library is among the dependencies, and Pillow would be one for a 32x32 grey square;
# a greyscale image made of flat 8x8 blocks needs only DC coefficients, which is a page of code.

_SIDE_BLOCKS = 4  # 4 x 4 blocks of 8 x 8 pixels: a 32 x 32 picture
# Standard luminance DC Huffman table (ITU T.81, table K.3).
_DC_COUNTS = (0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0)
_DC_SYMBOLS = tuple(range(12))


def _dc_codes() -> dict[int, tuple[int, int]]:
    codes: dict[int, tuple[int, int]] = {}
    code = 0
    symbols = iter(_DC_SYMBOLS)
    for length, count in enumerate(_DC_COUNTS, start=1):
        for _ in range(count):
            codes[next(symbols)] = (code, length)
            code += 1
        code <<= 1
    return codes


_DC_CODES = _dc_codes()


def _segment(marker: int, payload: bytes) -> bytes:
    return bytes((0xFF, marker)) + (len(payload) + 2).to_bytes(2, "big") + payload


class _BitWriter:
    def __init__(self) -> None:
        self.out = bytearray()
        self.acc = 0
        self.bits = 0

    def write(self, value: int, length: int) -> None:
        for shift in range(length - 1, -1, -1):
            self.acc = (self.acc << 1) | ((value >> shift) & 1)
            self.bits += 1
            if self.bits == 8:
                self.out.append(self.acc)
                if self.acc == 0xFF:
                    self.out.append(0x00)  # byte stuffing
                self.acc = 0
                self.bits = 0

    def flush(self) -> bytes:
        if self.bits:
            self.write((1 << (8 - self.bits)) - 1, 8 - self.bits)  # pad with one-bits
        return bytes(self.out)


def _levels(picture_id: int) -> list[int]:
    """Grey levels of the 16 blocks: a left-right symmetric pattern, like an identicon."""
    digest = _digest(f"picture:{picture_id}")
    background = 60 + digest[0] % 100
    foreground = 140 + digest[1] % 110
    levels: list[int] = []
    for row in range(_SIDE_BLOCKS):
        half = [
            foreground if digest[2 + row * 2 + col] & 1 else background
            for col in range(_SIDE_BLOCKS // 2)
        ]
        levels.extend(half + half[::-1])
    return levels


def jpeg_for(picture_id: int) -> bytes:
    """A small valid baseline JPEG, the same bytes for the same picture id."""
    side = 8 * _SIDE_BLOCKS
    parts = [
        b"\xff\xd8",
        _segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"),
        _segment(0xFE, f"redwatch fake picture {picture_id}".encode()),
        _segment(0xDB, b"\x00" + b"\x01" * 64),  # quantisation table 0: all ones
        _segment(
            0xC0,
            b"\x08" + side.to_bytes(2, "big") + side.to_bytes(2, "big") + b"\x01\x01\x11\x00",
        ),
        _segment(0xC4, b"\x00" + bytes(_DC_COUNTS) + bytes(_DC_SYMBOLS)),
        # AC table 0 holds only end-of-block, coded as a single zero bit.
        _segment(0xC4, b"\x10" + bytes((1,) + (0,) * 15) + b"\x00"),
        _segment(0xDA, b"\x01\x01\x00\x00\x3f\x00"),
    ]
    writer = _BitWriter()
    previous = 0
    for level in _levels(picture_id):
        dc = 8 * (level - 128)  # DC of a flat block after level shift, quantiser 1
        diff = dc - previous
        previous = dc
        size = abs(diff).bit_length()
        code, length = _DC_CODES[size]
        writer.write(code, length)
        if size:
            writer.write(diff if diff > 0 else diff + (1 << size) - 1, size)
        writer.write(0, 1)  # end of block
    parts.append(writer.flush())
    parts.append(b"\xff\xd9")
    return b"".join(parts)
