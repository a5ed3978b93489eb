"""docs/risk.md documents every indicator, category, issuer and level rule the code has."""

from __future__ import annotations

from pathlib import Path

from redwatch.risk import CATEGORIES, INDICATORS, LEVELS, default_issuers

DOC = (Path(__file__).resolve().parents[2] / "docs" / "risk.md").read_text("utf-8")


def test_every_indicator_category_and_level_is_documented() -> None:
    for code in INDICATORS:
        assert f"`{code}`" in DOC, code
    for category in CATEGORIES:
        assert f"`{category.code}`" in DOC, category.code
    for level in LEVELS:
        assert f"**{level}**" in DOC, level
    for rule in ("H1", "H2", "H3"):
        assert f"**{rule}**" in DOC, rule


def test_every_listed_issuer_is_documented_with_its_sources() -> None:
    for issuer in default_issuers().issuers:
        row = next((line for line in DOC.splitlines() if line.startswith(f"| {issuer.code} |")), "")
        assert issuer.name in row, issuer.code
        assert "State Department" in row or "INTERPOL" in row, issuer.code
