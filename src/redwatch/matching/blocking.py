"""Blocking keys: what an index stores per notice so a query touches only plausible ones.

A notice is a candidate for a query when they share at least one key. Keys are per token,
so a notice is fetched when *any* part of the name agrees; scoring then sorts out the rest.
Recall is what matters here (a missed candidate can never be matched), so each token gives:

- ``k:<key>`` for its phonetic key and every variant key (all romanisation systems agree);
- ``s:<skeleton>`` for the skeleton of each of those keys (catches the near misses that only
  the fuzzy comparison accepts: Mammadov/MAMEDOV, Ahmed/AHMET, Lukashenka/LUKASHENKO);
- the same for each hyphen piece and for two neighbouring tokens written together
  (Abdul Rahman / ABDULRAHMAN).

Particles (de, bin, al...) and one-letter keys give no keys: they would fetch everything.
"""

from __future__ import annotations

import itertools

from redwatch.names.parse import NameParts
from redwatch.names.phonetic import analyse, skeleton

__all__ = ["candidate_keys", "token_keys"]

_MIN_KEY = 2


def token_keys(text: str, *, skeletons: bool = True, reading: str | None = None) -> set[str]:
    """Blocking keys of one word or compound (without the ``s:`` ones unless ``skeletons``),
    as a word of a name read by ``reading`` (``names.phonetic.name_reading``)."""
    found: set[str] = set()
    for key in analyse(text, reading).keys:
        if len(key) >= _MIN_KEY:
            found.add(f"k:{key}")
            if skeletons:
                bone = skeleton(key)
                if len(bone) >= _MIN_KEY:
                    found.add(f"s:{bone}")
    return found


def candidate_keys(parts: NameParts) -> set[str]:
    """Blocking keys of a whole name (query or notice); see the module docstring."""
    found: set[str] = set()
    tokens = [t for t in parts.tokens if not t.particle]
    for token in tokens:
        found |= token_keys(token.text)
        if len(token.parts) > 1:
            for piece in token.parts:
                found |= token_keys(piece)
    for left, right in itertools.pairwise(tokens):
        found |= token_keys(left.text + right.text)
    return found
