"""ASCII slugs from Vietnamese text (pure, no Pelican import).

Python-Markdown's own toc slugify drops "đ" ("Đại hội Đoàn" -> "ai-hoi-oan"),
so headings, file names and URLs all go through this one function instead.
"""

import re
import unicodedata

from unidecode import unidecode

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def slugify(text: str, separator: str = "-") -> str:
    """Return a lowercase ASCII slug: ``"Đại hội Đoàn"`` -> ``"dai-hoi-doan"``."""
    ascii_text = unidecode(unicodedata.normalize("NFC", str(text))).lower()
    return _NON_ALNUM.sub(separator, ascii_text).strip(separator)


def fold_diacritics(text: str) -> str:
    """Drop Vietnamese diacritics but keep case and punctuation ("Đoàn" -> "Doan")."""
    return unidecode(unicodedata.normalize("NFC", str(text)))
