"""Removes script and other unsafe HTML from article and page bodies.

Every content reader's ``read()`` is wrapped so that the HTML it returns
(the body and the HTML metadata fields, ``FORMATTED_FIELDS`` such as
``summary``) goes through :func:`sanitize_html.policy.sanitize` before
Pelican stores it in its content cache: cached content is clean, and the
forked reader of ``parallel_read`` (which calls the same ``read()``) cleans
too. Running at reading time also puts it before ``images``, which rewrites
``<img>`` into ``<picture>`` later (``all_generators_finalized``); the policy
keeps that markup all the same.

What was removed is logged as a Vietnamese warning naming the file. The
findings are kept in ``CACHE_PATH/sanitize-html.json`` (with a digest of the
file) so that a build served from the content cache repeats the warning until
the file is fixed. A changed file is always read again, by this process or by
``parallel_read``'s child, which leaves any file that warned to this process;
so a finding whose digest no longer matches belongs to a fixed file.
Data-file bodies (``school_sections``) call :func:`report` themselves.

Static files from content/ (``content/images``, ``{attach}`` links) are
copied byte for byte and served from the site's origin: an SVG with script,
event handlers, ``<foreignObject>`` or outside references, or an HTML or
JavaScript file, stops the build with a Vietnamese error naming the file
(:mod:`sanitize_html.active_files`); a plain SVG drawing passes.

Signals: ``generator_init`` (wrap the readers), ``content_object_init``
(repeat cached findings), ``static_generator_finalized`` (static files),
``finalized`` (store the findings).
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os

from pelican import signals

from truongweb.plugins.vietnamese.messages import display_path

from .active_files import ActiveFileError, check_static
from .policy import Sanitized, describe, sanitize

logger = logging.getLogger(__name__)

STORE = "sanitize-html.json"

__all__ = ["ActiveFileError", "register", "report", "sanitize"]


class _State:
    """Findings of this build (``{content-relative path: [removed]}``)."""

    def __init__(self, settings):
        self.settings = settings
        self.root = os.path.abspath(settings.get("PATH", "content"))
        self.path = os.path.join(settings.get("CACHE_PATH", "cache"), STORE)
        self.read_now: set[str] = set()
        self.repeated: set[str] = set()
        # {content-relative path: {"digest": sha256 of the file, "removed": [...]}}
        self.findings: dict[str, dict] = {}
        try:
            with open(self.path, encoding="utf-8") as f:
                stored = json.load(f)
            self.findings = {k: v for k, v in stored.items()
                             if isinstance(v, dict) and isinstance(v.get("removed"), list)}
        except (OSError, ValueError, AttributeError):
            self.findings = {}

    def key(self, path) -> str:
        return os.path.relpath(os.path.abspath(path), self.root).replace(os.sep, "/")

    def save(self) -> None:
        if not self.settings.get("CACHE_CONTENT"):
            return
        os.makedirs(os.path.dirname(self.path) or ".", exist_ok=True)
        with open(self.path, "w", encoding="utf-8") as f:
            json.dump(self.findings, f, ensure_ascii=False, sort_keys=True, indent=0)


_state: _State | None = None


def _digest(path) -> str:
    try:
        with open(path, "rb") as f:
            return hashlib.sha256(f.read()).hexdigest()
    except OSError:
        return ""


def report(path, removed: list[str], what: str = "nội dung") -> None:
    """Log the Vietnamese warning for ``removed`` parts of ``path``."""
    if removed:
        where = display_path(path) if os.path.isabs(path) else path  # already shown
        logger.warning("%s: đã gỡ khỏi %s mã HTML không được phép: %s.",
                       where, what, describe(removed))


def _clean_read(read, state: _State, settings):
    @functools.wraps(read)
    def wrapped(path, *args, **kwargs):
        content, metadata = read(path, *args, **kwargs)
        removed: list[str] = []
        if isinstance(content, str):
            result: Sanitized = sanitize(content)
            content = result.html
            removed += result.removed
        for name in settings.get("FORMATTED_FIELDS", ()):
            value = metadata.get(name) if isinstance(metadata, dict) else None
            if isinstance(value, str):
                result = sanitize(value)
                if result.html != value:
                    metadata[name] = type(value)(result.html)  # str or Markup, as read
                removed += [r for r in result.removed if r not in removed]
        key = state.key(path)
        state.read_now.add(key)
        if removed:
            state.findings[key] = {"digest": _digest(path), "removed": removed}
            report(path, removed)
        else:
            state.findings.pop(key, None)
        return content, metadata

    wrapped.sanitize_html = True
    return wrapped


def wrap_readers(generator) -> None:
    global _state
    if _state is None or _state.settings is not generator.settings:
        _state = _State(generator.settings)
    readers = getattr(generator, "readers", None)
    for reader in getattr(readers, "readers", {}).values():
        if not getattr(reader.read, "sanitize_html", False):
            reader.read = _clean_read(reader.read, _state, generator.settings)


def repeat_cached(instance) -> None:
    """A file served from the content cache was cleaned when it was read:
    say again what was removed (once per build)."""
    if _state is None or not getattr(instance, "source_path", None):
        return
    key = _state.key(instance.source_path)
    if key in _state.read_now or key in _state.repeated:
        return
    found = _state.findings.get(key)
    if not found:
        return
    if found.get("digest") != _digest(instance.source_path):
        del _state.findings[key]  # changed and read again cleanly (parallel_read's child)
        return
    _state.repeated.add(key)
    report(instance.source_path, found["removed"])


def check_static_files(generator) -> None:
    for static in generator.staticfiles:
        source = static.source_path

        def data(source=source):
            with open(source, "rb") as f:
                return f.read()

        check_static(os.path.basename(source), data, display_path(source))


def store(pelican) -> None:
    global _state
    if _state is not None:
        _state.save()
    _state = None


def register() -> None:
    signals.generator_init.connect(wrap_readers)
    signals.content_object_init.connect(repeat_cached)
    signals.static_generator_finalized.connect(check_static_files)
    signals.finalized.connect(store)
