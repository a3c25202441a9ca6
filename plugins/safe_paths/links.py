"""Paths named by content must stay inside the content folder (no Pelican import).

Works on Pelican's content objects through plain attributes (``metadata``,
``source_path``, ``relative_dir``; the body HTML is handed in) and static files
(``source_path``, ``relative_source_path``, ``save_as``).
"""

from __future__ import annotations

import html
import os
import re
from urllib.parse import unquote, urlparse

from truongweb.paths import resolve_inside
from truongweb.plugins.vietnamese.messages import display_path

# The attributes whose values Pelican resolves as intrasite links.
_ATTRIBUTE_RE = re.compile(
    r"""\b(?:href|src|poster|data|cite|formaction|action|content)\s*=\s*(["'])(.*?)\1""",
    re.IGNORECASE | re.DOTALL,
)
# Only a value with one of these can lead upwards ("..", possibly encoded as
# %2e or an HTML entity); a page without any is skipped without parsing.
_MAY_ESCAPE = ("..", "%2", "&")
_SCHEME_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def _variants(path: str) -> set[str]:
    """The spellings of ``path`` that Pelican tries when it looks a file up."""
    return {path, unquote(path), urlparse(html.unescape(path)).path,
            unquote(html.unescape(path))}


def _named_path(value: str, intrasite: re.Pattern) -> tuple[str, str] | None:
    """``(marker, path)`` of a link value that names a file in ``content/``
    (``{static}``, ``{attach}``, ``{filename}`` or a plain relative link);
    None for addresses (https:, mailto:, /…, #…) and other markers."""
    value = value.strip()
    match = intrasite.match(value)
    if match:
        what = match.group("what")
        if what not in ("static", "attach", "filename"):
            return None
        return match.group(0), urlparse(value[match.end():]).path
    if not value or value.startswith(("/", "#", "?", "{", "|")) or _SCHEME_RE.match(value):
        return None
    return "", urlparse(value).path


def check_html(text: str, content, root: str, intrasite: re.Pattern, field: str = "") -> None:
    """Raise OutsideFolderError for the first path in ``text`` (HTML of
    ``content``) that leads outside ``root``."""
    if not text or not any(mark in text for mark in _MAY_ESCAPE):
        return
    base = os.path.join(root, content.relative_dir)
    where = display_path(content.source_path) + (f': khóa "{field}"' if field else "")
    for match in _ATTRIBUTE_RE.finditer(text):
        named = _named_path(match.group(2), intrasite)
        if named is None:
            continue
        marker, path = named
        for variant in _variants(path):
            if ".." in variant:
                kind = f"liên kết {marker}" if marker else "liên kết tương đối"
                resolve_inside(root, variant, base=base, source=f"{where}: {kind}")


def check_content_links(contents, settings, body_html) -> None:
    """``body_html(content)``: the body as read, before Pelican replaces links."""
    root = settings["PATH"]
    intrasite = re.compile(settings["INTRASITE_LINK_REGEX"])
    fields = settings.get("FORMATTED_FIELDS") or []
    for content in contents:
        if content is None:  # a file Pelican failed to read (already reported)
            continue
        check_html(body_html(content), content, root, intrasite)
        for field in fields:
            value = content.metadata.get(field)
            if isinstance(value, str):
                check_html(value, content, root, intrasite, field)


def check_static_files(staticfiles, root: str, output: str) -> None:
    """Every static file comes from inside ``root`` and goes inside ``output``
    (a link that escaped the checks above still stops here, unnamed)."""
    source = "Một liên kết {static} hoặc {attach} trong nội dung"
    for static in staticfiles:
        resolve_inside(root, static.relative_source_path, source=source)
        # not ``save_as``: reading it pins the file's location, and {attach}
        # could no longer move it next to its article
        resolve_inside(output, static.get_url_setting("save_as"), source=f"{source} (nơi ghi)")
