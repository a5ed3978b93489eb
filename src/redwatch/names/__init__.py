"""Names: script detection, parsing, romanisation and phonetic keys (no database here)."""

from redwatch.names.parse import (
    NameParts,
    NameToken,
    Role,
    parse_name,
    parse_notice_name,
)
from redwatch.names.phonetic import (
    TokenKey,
    analyse,
    name_key,
    phonetic_key,
    phonetic_keys,
    skeleton,
)
from redwatch.names.romanize import (
    System,
    crimean_tatar_to_cyrillic,
    crimean_tatar_to_latin,
    romanizations,
    romanizations_by_system,
    romanize,
)
from redwatch.names.scripts import Orthography, Script, detect_script, guess_orthographies

__all__ = [
    "NameParts",
    "NameToken",
    "Orthography",
    "Role",
    "Script",
    "System",
    "TokenKey",
    "analyse",
    "crimean_tatar_to_cyrillic",
    "crimean_tatar_to_latin",
    "detect_script",
    "guess_orthographies",
    "name_key",
    "parse_name",
    "parse_notice_name",
    "phonetic_key",
    "phonetic_keys",
    "romanizations",
    "romanizations_by_system",
    "romanize",
    "skeleton",
]
