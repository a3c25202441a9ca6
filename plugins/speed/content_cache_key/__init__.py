"""Reads every content file again when what Pelican's content cache holds
would come out differently.

Pelican keeps each file's converted HTML and metadata in ``CACHE_PATH`` and
reuses it while the file itself is unchanged, even after the Markdown
settings, a reader plugin or Pelican itself changed (an update of this
project, an edited ``pelicanconf.py``): the site would keep the old HTML
until each article is edited. This plugin keeps a key of those inputs in
``CACHE_PATH/content-key.txt``; when it differs, the build ignores the cache
(``LOAD_CONTENT_CACHE = False``) and Pelican writes a fresh one. The key
includes the installed truongweb's version and plugin sources, so an upgrade
of the package reads everything again once. The key is
stored only after a build that finished, so a failed build never marks a
half-refreshed cache as current. Nothing is deleted.

Signals: ``initialized`` (compare), ``finalized`` (store).
"""

from __future__ import annotations

import hashlib
import json
import os
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from pelican import signals

KEY_FILE = "content-key.txt"
# The settings that change what a reader turns a file into. SITEURL and the
# like do not: links are resolved after the cache, so a preview and a
# publish build share it.
READING_SETTINGS = ("MARKDOWN", "FORMATTED_FIELDS", "READERS", "TIMEZONE", "DEFAULT_LANG",
                    "DEFAULT_DATE", "DEFAULT_METADATA", "PLUGINS", "CHECK_MODIFIED_METHOD",
                    "CONTENT_CACHING_LAYER", "TYPOGRIFY", "TYPOGRIFY_IGNORE_TAGS")
PACKAGES = ("truongweb", "pelican", "markdown", "pyyaml", "pelican-yaml-metadata", "pygments", "nh3")


def _versions() -> list[str]:
    found = []
    for package in PACKAGES:
        try:
            found.append(f"{package}={version(package)}")
        except PackageNotFoundError:
            found.append(f"{package}=-")
    return found


def _plugin_sources(settings) -> list[tuple[str, str]]:
    """Digest of every Python file of the product's plugins and of the site's
    own (``PLUGIN_PATHS``): readers and Markdown extensions live there, and an
    editable install changes them without a new version number."""
    from truongweb import plugins

    sources = []
    folders = [*plugins.__path__, *(settings.get("PLUGIN_PATHS") or [])]  # absolute
    for folder in folders:
        root = Path(folder)
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*.py")):
            sources.append((path.relative_to(root).as_posix(),
                            hashlib.sha256(path.read_bytes()).hexdigest()))
    return sources


def content_key(settings) -> str:
    chosen = {name: settings.get(name) for name in READING_SETTINGS}
    chosen["PLUGINS"] = [getattr(p, "__name__", str(p)) for p in chosen["PLUGINS"] or []]
    payload = json.dumps([chosen, _versions(), _plugin_sources(settings)],
                         sort_keys=True, default=repr)
    return hashlib.sha256(payload.encode()).hexdigest()


def _key_path(settings) -> str | None:
    cache = settings.get("CACHE_PATH")
    return os.path.join(cache, KEY_FILE) if cache else None


def compare(pelican) -> None:
    settings = pelican.settings
    path = _key_path(settings)
    if not path or not settings.get("CACHE_CONTENT"):
        return
    pelican.content_cache_key = key = content_key(settings)
    try:
        with open(path, encoding="utf-8") as fp:
            stored = fp.read().strip()
    except OSError:
        stored = None
    if stored != key:
        settings["LOAD_CONTENT_CACHE"] = False


def store(pelican) -> None:
    key = getattr(pelican, "content_cache_key", None)
    path = _key_path(pelican.settings)
    if not key or not path:
        return
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as fp:
            fp.write(key + "\n")
    except OSError:
        pass  # the next build reads every file again


def register():
    signals.initialized.connect(compare)
    signals.finalized.connect(store)
