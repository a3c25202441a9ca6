"""The content schema: allowed front matter keys of articles and pages, their
checks, dates and limits; the vocabulary (channels, statuses, categories,
sections, data file keys); bounded YAML and the one YAML loader. A library,
not a Pelican plugin (no ``register``, no Pelican import): front matter
validation, the web editor's configuration, evidence counting, the section
loaders, the importer and the developer guide's key table use it."""

from .safe_yaml import YamlLimitError, load_limited, load_yaml, loaders
from .schema import (
    FIELDS,
    MAX_FILE_BYTES,
    MAX_LIST_ITEMS,
    MAX_YEAR,
    MIN_YEAR,
    NOTE_PREFIX,
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
from .vocabulary import (
    CATEGORIES,
    CHANNELS,
    DATA_FILES,
    DEFAULT_CATEGORY,
    DEFAULT_CHANNEL,
    DEFAULT_STATUS,
    DISCLOSURE_GROUPS,
    NOTICE_CATEGORY,
    SECTION_TITLES,
    SECTION_URLS,
    SECTIONS,
    STATUS_LABELS,
    STATUSES,
)

__all__ = [
    "CATEGORIES", "CHANNELS", "DATA_FILES", "DEFAULT_CATEGORY", "DEFAULT_CHANNEL",
    "DEFAULT_STATUS", "DISCLOSURE_GROUPS", "FIELDS", "MAX_FILE_BYTES", "MAX_LIST_ITEMS",
    "MAX_YEAR", "MIN_YEAR", "NOTE_PREFIX", "NOTICE_CATEGORY", "SECTIONS", "SECTION_TITLES",
    "SECTION_URLS", "STATUSES", "STATUS_LABELS", "Field", "FrontMatterError", "YamlLimitError",
    "check_file_size", "check_key", "check_metadata", "check_value", "decode_utf8",
    "editor_keys", "keys_for", "load_limited", "load_yaml", "loaders", "parse_date",
]
