"""A faithful fake of INTERPOL's public notices web service, for tests and rehearsals.

It serves a realistic generated corpus (or a JSON Lines file of real detail objects) with the
real service's paths, shapes and quirks — the 160-result cap, page clamping, substring name
matching, inclusive ages — and can inject the faults a crawler meets in production, so
redwatch's mirror can be tested end to end without ever contacting INTERPOL.
"""

from redwatch.fake.app import create_app
from redwatch.fake.corpus import dump_corpus, generate_corpus, load_corpus
from redwatch.fake.faults import FaultConfig, FaultInjector
from redwatch.fake.pictures import Pictures, jpeg_for, pictures_for
from redwatch.fake.runner import serve, serve_forever
from redwatch.fake.service import (
    MAX_REACHABLE,
    FakeInterpol,
    FreeTextRefused,
    InvalidParameter,
    ResultPage,
    SearchParams,
)

__all__ = [
    "MAX_REACHABLE",
    "FakeInterpol",
    "FaultConfig",
    "FaultInjector",
    "FreeTextRefused",
    "InvalidParameter",
    "Pictures",
    "ResultPage",
    "SearchParams",
    "create_app",
    "dump_corpus",
    "generate_corpus",
    "jpeg_for",
    "load_corpus",
    "pictures_for",
    "serve",
    "serve_forever",
]
