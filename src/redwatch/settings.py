"""Typed settings read from ``REDWATCH_*`` environment variables.

Settings are declared as data (name, default, help) so that the documentation can be
checked against them: every setting here must appear in ``docs/settings.md``.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_data_dir

from redwatch.errors import ConfigError

REAL_INTERPOL_URL = "https://ws-public.interpol.int"
REAL_COUNTRIES_URL = "https://www.interpol.int/en/notices/data/countries"

# A current desktop Chrome, as crawlers copy it; override with REDWATCH_INTERPOL_USER_AGENT.
DEFAULT_USER_AGENT = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36"
)


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("REDWATCH_HOME", "", "Folder for database, images, keys (default: per-user data dir)."),
    Setting("REDWATCH_DB_URL", "", "SQLAlchemy URL of the store (default: SQLite in HOME)."),
    Setting("REDWATCH_INTERPOL_URL", REAL_INTERPOL_URL, "Base URL of the notices service."),
    Setting(
        "REDWATCH_INTERPOL_COUNTRIES_URL", "", "URL of the country list (default: from base URL)."
    ),
    Setting("REDWATCH_INTERPOL_RATE", "4", "Most requests per second; 0 means unlimited."),
    Setting("REDWATCH_INTERPOL_RETRIES", "6", "Attempts per request on 403/429/5xx/timeouts."),
    Setting("REDWATCH_INTERPOL_BACKOFF", "1.0", "First retry delay (s); doubles, with jitter."),
    Setting("REDWATCH_INTERPOL_TIMEOUT", "30", "Seconds before one request times out."),
    Setting(
        "REDWATCH_INTERPOL_IMPERSONATE", "", "Browser for curl_cffi to impersonate (e.g. chrome)."
    ),
    Setting("REDWATCH_INTERPOL_PROXY", "", "Proxy URL for every request to the service."),
    Setting("REDWATCH_INTERPOL_USER_AGENT", DEFAULT_USER_AGENT, "User-Agent sent to the service."),
    Setting("REDWATCH_INTERPOL_HEADERS", "", "Extra request headers as a JSON object."),
    Setting("REDWATCH_DETAIL_MAX_AGE_DAYS", "14", "Refetch details older than this many days."),
    Setting("REDWATCH_LOG_LEVEL", "WARNING", "Logging level (DEBUG, INFO, WARNING, ERROR)."),
    Setting("REDWATCH_SMTP_USER", "", "SMTP login for e-mail channels whose URL has none."),
    Setting("REDWATCH_SMTP_PASSWORD", "", "SMTP password going with REDWATCH_SMTP_USER."),
    Setting("REDWATCH_SMTP_CA_FILE", "", "CA certificate file to trust for SMTP (self-signed)."),
    Setting(
        "REDWATCH_KEY", "", "Watchlist key: 32 random bytes in base64 (`redwatch key generate`)."
    ),
    Setting("REDWATCH_PASSPHRASE", "", "Derive the watchlist key from this passphrase (Argon2id)."),
    Setting("REDWATCH_KEY_FILE", "", "Watchlist key file, made 0600 on first use (default: HOME)."),
    Setting("REDWATCH_NEW_KEY", "", "New key for `redwatch key rotate` when REDWATCH_KEY is used."),
    Setting("REDWATCH_NEW_PASSPHRASE", "", "New passphrase for `redwatch key rotate`."),
)


def _env(name: str) -> str:
    for setting in SETTINGS:
        if setting.name == name:
            return os.environ.get(name, setting.default)
    raise KeyError(name)  # pragma: no cover - programming error


def _number(name: str, kind: type[float] | type[int]) -> float:
    raw = _env(name)
    try:
        value = kind(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number, got {raw!r}") from None
    if value < 0:
        raise ConfigError(f"{name} must not be negative, got {raw!r}")
    return value


@dataclass(frozen=True)
class Settings:
    """A snapshot of the environment; build one with :func:`load_settings`."""

    home: Path
    db_url: str
    interpol_url: str
    countries_url: str
    rate: float
    retries: int
    backoff: float
    timeout: float
    impersonate: str
    proxy: str
    user_agent: str
    detail_max_age_days: float
    log_level: str
    extra_headers: dict[str, str] = field(default_factory=dict)
    watch_key: str = field(default="", repr=False)
    passphrase: str = field(default="", repr=False)
    key_file: Path = Path("watchlist.key")
    new_watch_key: str = field(default="", repr=False)
    new_passphrase: str = field(default="", repr=False)

    @property
    def images_dir(self) -> Path:
        return self.home / "images"

    @property
    def quarantine_dir(self) -> Path:
        return self.home / "quarantine"


def countries_url_for(base_url: str) -> str:
    """The real service keeps the country list on www.interpol.int; a stand-in serves it itself."""
    if base_url.rstrip("/") == REAL_INTERPOL_URL:
        return REAL_COUNTRIES_URL
    return base_url.rstrip("/") + "/en/notices/data/countries"


def load_settings() -> Settings:
    home_raw = _env("REDWATCH_HOME")
    home = Path(home_raw).expanduser() if home_raw else Path(user_data_dir("redwatch", False))
    db_url = _env("REDWATCH_DB_URL") or f"sqlite:///{home / 'redwatch.sqlite'}"
    base = _env("REDWATCH_INTERPOL_URL").rstrip("/")
    if not base.startswith(("http://", "https://")):
        raise ConfigError(f"REDWATCH_INTERPOL_URL must start with http(s)://, got {base!r}")
    level = _env("REDWATCH_LOG_LEVEL").upper()
    if level not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
        raise ConfigError(f"REDWATCH_LOG_LEVEL must be DEBUG/INFO/WARNING/ERROR, got {level!r}")
    return Settings(
        home=home,
        db_url=db_url,
        interpol_url=base,
        countries_url=_env("REDWATCH_INTERPOL_COUNTRIES_URL") or countries_url_for(base),
        rate=_number("REDWATCH_INTERPOL_RATE", float),
        retries=max(1, int(_number("REDWATCH_INTERPOL_RETRIES", int))),
        backoff=_number("REDWATCH_INTERPOL_BACKOFF", float),
        timeout=_number("REDWATCH_INTERPOL_TIMEOUT", float),
        impersonate=_env("REDWATCH_INTERPOL_IMPERSONATE"),
        proxy=_env("REDWATCH_INTERPOL_PROXY"),
        user_agent=_env("REDWATCH_INTERPOL_USER_AGENT"),
        detail_max_age_days=_number("REDWATCH_DETAIL_MAX_AGE_DAYS", float),
        log_level=level,
        extra_headers=_headers(_env("REDWATCH_INTERPOL_HEADERS")),
        watch_key=_env("REDWATCH_KEY"),
        passphrase=_env("REDWATCH_PASSPHRASE"),
        key_file=Path(_env("REDWATCH_KEY_FILE") or home / "watchlist.key").expanduser(),
        new_watch_key=_env("REDWATCH_NEW_KEY"),
        new_passphrase=_env("REDWATCH_NEW_PASSPHRASE"),
    )


def _headers(raw: str) -> dict[str, str]:
    if not raw.strip():
        return {}
    try:
        value = json.loads(raw)
    except json.JSONDecodeError:
        raise ConfigError("REDWATCH_INTERPOL_HEADERS must be a JSON object") from None
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise ConfigError("REDWATCH_INTERPOL_HEADERS must be a JSON object of strings")
    return {str(k): v for k, v in value.items()}
