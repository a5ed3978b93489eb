"""Expected share of public red notices by age, used to group ages into ranges under the cap.

Counts by age of every public red notice on 12 April 2023 (INTERPOL's public list, about
6,900 notices). Only a starting guess: once the mirror holds notices, the sync passes their
own age histogram instead.
"""

from __future__ import annotations

_COUNTS_FROM_19 = (
    1, 1, 5, 5, 25, 28, 64, 106, 172, 213, 267, 288, 303, 324, 326, 356, 313, 285, 254, 234,
    232, 209, 210, 179, 210, 167, 134, 165, 122, 123, 111, 126, 117, 109, 120, 82, 101, 79, 78,
    60, 54, 31, 72, 55, 49, 41, 37, 36, 30, 35, 33, 25, 27, 20, 22, 14, 18, 17, 11, 5, 6, 5, 4,
    4, 8, 4, 2, 12, 2, 2, 3, 1, 1, 1, 0, 1, 0, 0, 0, 1,
)  # fmt: skip

DEFAULT_AGE_PRIOR: dict[int, float] = {
    age: float(count) + 0.5 for age, count in enumerate(_COUNTS_FROM_19, start=19)
}
# Ages outside the observed span still get a little mass so ranges stay finite.
for _age in range(0, 121):
    DEFAULT_AGE_PRIOR.setdefault(_age, 0.2)
