"""The content schema: allowed front matter keys of articles and pages, their
checks, dates, limits and bounded YAML. A library, not a Pelican plugin (no
``register``, no Pelican import): the ``front_matter`` reader and the web
editor's configuration use it."""

from .safe_yaml import YamlLimitError, load_limited
from .schema import (
    FIELDS,
    MAX_FILE_BYTES,
    MAX_LIST_ITEMS,
    MAX_YEAR,
    MIN_YEAR,
    NOTE_PREFIX,
    STATUSES,
    Field,
    FrontMatterError,
    check_file_size,
    check_key,
    check_metadata,
    check_value,
    decode_utf8,
    editor_keys,
    keys_for,
    parse_date,
)

__all__ = [
    "FIELDS", "MAX_FILE_BYTES", "MAX_LIST_ITEMS", "MAX_YEAR", "MIN_YEAR", "NOTE_PREFIX",
    "STATUSES", "Field", "FrontMatterError", "YamlLimitError", "check_file_size",
    "check_key", "check_metadata", "check_value", "decode_utf8", "editor_keys",
    "keys_for", "load_limited", "parse_date",
]
