"""The configurable list of issuing states with documented abuse of INTERPOL channels.

The default list ships with redwatch (``issuers.json`` beside this module); an organisation
may keep its own in the same format, every entry with at least one source, and pass it to
``Rules``. A list is configuration read from a file, so it is validated with pydantic.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from redwatch.errors import ConfigError


class _IssuerEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str = Field(min_length=2, max_length=3)
    name: str = Field(min_length=1)
    sources: list[str] = Field(min_length=1)

    @field_validator("code")
    @classmethod
    def _upper(cls, value: str) -> str:
        return value.strip().upper()

    @field_validator("sources")
    @classmethod
    def _non_blank(cls, value: list[str]) -> list[str]:
        if any(not source.strip() for source in value):
            raise ValueError("a source must not be blank")
        return value


class _IssuerFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    about: str = ""
    issuers: list[_IssuerEntry]


@dataclass(frozen=True)
class Issuer:
    code: str
    name: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class IssuerList:
    about: str
    issuers: tuple[Issuer, ...]

    def get(self, code: str | None) -> Issuer | None:
        if not code:
            return None
        for issuer in self.issuers:
            if issuer.code == code.upper():
                return issuer
        return None

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and self.get(code) is not None


def parse_issuers(text: str, origin: str = "issuer list") -> IssuerList:
    try:
        parsed = _IssuerFile.model_validate(json.loads(text))
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{origin} is not JSON: {exc.msg} (line {exc.lineno})") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ConfigError(f"{origin}: {where}: {first['msg']}") from None
    return IssuerList(
        parsed.about,
        tuple(Issuer(e.code, e.name, tuple(e.sources)) for e in parsed.issuers),
    )


def default_issuers() -> IssuerList:
    text = resources.files("redwatch.risk").joinpath("issuers.json").read_text("utf-8")
    return parse_issuers(text, "built-in issuer list")


def load_issuers(path: Path) -> IssuerList:
    """An organisation's own list, in the format of the built-in one."""
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read issuer list {path}: {exc.strerror}") from None
    return parse_issuers(text, str(path))
