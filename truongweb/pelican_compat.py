"""The one place that knows Pelican's internals.

The speed plugins, the safe writer, the front matter reader, the images
plugin and the build report reach into names Pelican (and its
pelican-yaml-metadata plugin) does not promise to keep. Each such name is
declared once here, in :data:`PRIVATE_NAMES` (attributes, methods, what
Pelican sets on its objects) and :data:`LOG_TEXTS` (the English log messages
the build report recognises); plugins use the accessors and patch helpers
below instead of the names themselves. An upgrade of Pelican is then one
review of this file: :func:`require_supported_pelican` (run at
``initialized`` by the ``site_settings`` plugin) stops a build on an
unsupported version with a Vietnamese message, and
``tests/test_pelican_compat.py`` asserts that every declared name still
exists on the installed Pelican.

On an unsupported Pelican the patch helpers change nothing: the build stops
at ``initialized`` with the version message instead of failing somewhere in
a plugin's ``register()`` on a name that moved.
"""

from __future__ import annotations

import importlib
import inspect
import re
import weakref
from dataclasses import dataclass
from typing import Any, Callable

# Pelican itself is imported when first needed: ``truongweb --help`` imports
# the build module, which reads the log texts below.
SUPPORTED_PELICAN = "4.12"
# Pelican's own default site name (pelican.settings.DEFAULT_CONFIG).
DEFAULT_SITENAME = "A Pelican Blog"

# How a name is checked: an attribute of a module or class (``getattr``), or
# an attribute Pelican assigns on its instances (``self.<name> =`` in the
# class's source, or a base class's).
ATTRIBUTE = "attribute"
INSTANCE = "instance"


@dataclass(frozen=True)
class Internal:
    owner: str  # "module" or "module:Class"
    name: str
    kind: str
    used_by: str
    # For a name Pelican only reads by a computed name: text its source must contain.
    evidence: str = ""

    @property
    def dotted(self) -> str:
        return f"{self.owner.replace(':', '.')}.{self.name}"


PRIVATE_NAMES = (
    Internal("pelican.generators:ArticlesGenerator", "_build_period_archives", ATTRIBUTE,
             "speed.linear_archives wraps it (period archives in linear time)"),
    Internal("pelican.readers", "_filter_discardable_metadata", ATTRIBUTE,
             "speed.parallel_read: the child filters metadata as Readers.read_file does"),
    Internal("pelican.cache:FileStampDataCacher", "_get_file_stamp", ATTRIBUTE,
             "speed.parallel_read shadows it per cacher (each file hashed once per build)"),
    Internal("pelican.cache:FileDataCacher", "get_cached_data", ATTRIBUTE,
             "speed.parallel_read shadows it on the build's Readers (results of the child)"),
    Internal("pelican.cache:FileDataCacher", "cache_data", ATTRIBUTE,
             "speed.parallel_read stores the child's results in the content cache"),
    Internal("pelican.readers:Readers", "readers", INSTANCE,
             "speed.parallel_read: the reader of each file suffix"),
    Internal("pelican.generators:ArticlesGenerator", "generate_articles", ATTRIBUTE,
             "speed.parallel_write shadows it while the child writes the articles"),
    Internal("pelican.generators:ArticlesGenerator", "generate_output", ATTRIBUTE,
             "speed.parallel_write shadows it to wait for the child after the listings"),
    Internal("pelican.writers:Writer", "_written_files", INSTANCE,
             "speed.parallel_write adds the child's pages (Pelican's overwrite check)"),
    Internal("pelican.writers:Writer", "_open_w", ATTRIBUTE,
             "safe_paths.writer overrides it: every page and feed is opened there"),
    Internal("pelican.contents:Content", "override_url", INSTANCE,
             "speed.fast_urls freezes each URL there (Pelican honours it before computing)",
             evidence='getattr(self, "override_" + key)'),
    Internal("pelican.contents:Content", "override_save_as", INSTANCE,
             "speed.fast_urls freezes each output path there",
             evidence='getattr(self, "override_" + key)'),
    Internal("pelican.contents:Content", "_content", INSTANCE,
             "images, search_index, safe_paths.links: the body HTML before link replacement"),
    Internal("pelican.contents:Content", "get_content", ATTRIBUTE,
             "images forgets its memo after rewriting the body (pelican.utils.memoized)"),
    Internal("pelican.contents:Content", "get_summary", ATTRIBUTE,
             "images forgets its memo after rewriting the body (pelican.utils.memoized)"),
    Internal("pelican.utils:memoized", "cache", INSTANCE,
             "images: the memo dict of get_content/get_summary"),
    Internal("pelican.generators:Generator", "env", INSTANCE,
             "speed.template_cache gives each generator's Jinja environment a bytecode cache"),
    Internal("pelican.readers:MarkdownReader", "_md", INSTANCE,
             "front_matter.reader converts with the reader's Markdown instance"),
    Internal("pelican.readers:MarkdownReader", "_source_path", INSTANCE,
             "front_matter.reader names the file in _parse_metadata"),
    Internal("pelican.readers:MarkdownReader", "_parse_metadata", ATTRIBUTE,
             "front_matter.reader overrides it (Key: value headers checked against the schema)"),
    Internal("pelican.plugins.yaml_metadata.yaml_metadata:YAMLMetadataReader",
             "_load_yaml_metadata", ATTRIBUTE,
             "front_matter.reader overrides it (bounded YAML loader, Vietnamese errors)"),
    Internal("pelican.plugins.yaml_metadata.yaml_metadata:YAMLMetadataReader",
             "_parse_yaml_metadata", ATTRIBUTE,
             "front_matter.reader overrides it (YAML headers checked against the schema)"),
    Internal("pelican.plugins.yaml_metadata.yaml_metadata", "_convert_py_to_meta", ATTRIBUTE,
             "front_matter.reader fills Markdown's Meta as the plugin does"),
    Internal("pelican.plugins.yaml_metadata.yaml_metadata", "HEADER_RE", ATTRIBUTE,
             "front_matter.reader recognises a YAML header as the plugin does"),
    Internal("pelican.plugins.signals", "initialized", ATTRIBUTE,
             "build.reset_pelican_signals: the signals are blinker Signals of this module"),
)

_DECLARED = {internal.dotted: internal for internal in PRIVATE_NAMES}


@dataclass(frozen=True)
class LogText:
    module: str  # the module whose source logs it
    text: str  # as written there (the format string, or the literal part of it)
    pattern: re.Pattern  # recognises the logged message
    sample: str  # a message as Pelican logs it, for the test


# The English messages of Pelican's that the build report translates
# (truongweb.build._TRANSLATIONS), ignores (_IGNORED) or recognises.
LOG_TEXTS = {
    "missing_key": LogText(
        "pelican.contents", "Skipping %s: could not find information about '%s'",
        re.compile(r"^Skipping (?P<file>.+?): could not find information about '(?P<key>\w+)'"),
        "Skipping /site/content/articles/a.md: could not find information about 'title'"),
    "unknown_status": LogText(
        "pelican.contents", "Unknown status '%s' for file %s, skipping it. (Not in %s)",
        re.compile(r"^Unknown status '(?P<status>[^']*)' for file (?P<file>.+?), skipping it"),
        "Unknown status 'xong' for file /site/content/articles/a.md, skipping it. "
        "(Not in ('published', 'draft', 'hidden'))"),
    "link_not_found": LogText(
        "pelican.contents", "Unable to find '%s', skipping url replacement.",
        re.compile(r"^Unable to find [`']?(?P<target>[^`'\s]+)[`']?, skipping url replacement"),
        "Unable to find 'images/khong-co.jpg', skipping url replacement."),
    "duplicate_slug": LogText(
        "pelican.utils", "There are %s original (not translated) items %s",
        re.compile(r'^There are (?P<count>\d+) original \(not translated\) items with slug '
                   r'"(?P<slug>[^"]+)":\s*(?P<files>.*)', re.S),
        'There are 2 original (not translated) items with slug "tin":\n'
        "/site/content/articles/a.md\n/site/content/articles/b.md"),
    "outside_output": LogText(
        "pelican.contents", "Skipping %s: file %r would be written outside output path",
        re.compile(r"^Skipping (?P<file>.+?): file (?P<q>['\"])(?P<target>.+)(?P=q) "
                   r"would be written outside output path"),
        "Skipping /site/content/articles/a.md: file '../x.html' would be written outside output path"),
    # Harmless in local builds, where feeds are relative on purpose.
    "feeds_without_siteurl": LogText(
        "pelican.settings", "Feeds generated without SITEURL or FEED_DOMAIN set properly",
        re.compile(r"^Feeds generated without SITEURL"),
        "Feeds generated without SITEURL or FEED_DOMAIN set properly may not be valid"),
    # Said again, per language, after "There are N original ... items with slug".
    "duplicate_slug_per_language": LogText(
        "pelican.utils", 'There are %s items "%s" with lang %s',
        re.compile(r'^There are \d+ items "with slug '),
        'There are 2 items "with slug "tin"" with lang vi:\n/site/content/articles/a.md'),
    # A reader raised: the record's format string (its text is the exception being handled).
    "could_not_process": LogText(
        "pelican.generators", "Could not process %s",
        re.compile(r"^Could not process "), "Could not process articles/a.md"),
    # pelican's main() on any exception: CRITICAL "<class name>: <text>" with the
    # traceback attached (plain_pelican prints the text, not the traceback).
    "main_exception": LogText(
        "pelican", 'logger.critical("%s: %s", e.__class__.__name__, e, exc_info=True)',
        re.compile(r"^\w+: "), "UnsupportedPelican: Phiên bản Pelican"),
}


class UnsupportedPelican(RuntimeError):
    pass


def pelican_version() -> str:
    import pelican

    return getattr(pelican, "__version__", "") or ""


def is_supported(version=None) -> bool:
    version = version if version is not None else pelican_version()
    return version == SUPPORTED_PELICAN or version.startswith(SUPPORTED_PELICAN + ".")


def require_supported_pelican(version=None):
    """Raise UnsupportedPelican unless ``version`` (the installed Pelican's)
    is in the supported series."""
    version = version if version is not None else pelican_version()
    if not is_supported(version):
        raise UnsupportedPelican(
            f"Phiên bản Pelican đang cài là {version or 'không rõ'}, nhưng truongweb chỉ hỗ trợ Pelican "
            f"{SUPPORTED_PELICAN}.x. Hãy cài lại đúng phiên bản: pip install \"pelican[markdown]=={SUPPORTED_PELICAN}.*\" "
            "(hoặc cài lại truongweb để pip tự chọn).")


# -- declared names ----------------------------------------------------------
def declared(dotted: str) -> Internal:
    try:
        return _DECLARED[dotted]
    except KeyError:
        raise KeyError(f"{dotted} is not declared in truongweb.pelican_compat.PRIVATE_NAMES") from None


def owner_of(internal: Internal):
    module_name, _, class_name = internal.owner.partition(":")
    owner = importlib.import_module(module_name)
    return getattr(owner, class_name) if class_name else owner


def still_exists(internal: Internal) -> bool:
    """Whether the installed Pelican still has ``internal``."""
    try:
        owner = owner_of(internal)
    except (ImportError, AttributeError):
        return False
    if internal.kind == ATTRIBUTE:
        return hasattr(owner, internal.name)
    assigned = re.compile(rf"\bself\.{re.escape(internal.name)}\s*(:[^=\n]+)?=[^=]")
    for cls in inspect.getmro(owner):
        if cls is object:
            continue
        try:
            source = inspect.getsource(cls)
        except (OSError, TypeError):
            continue
        if internal.evidence in source if internal.evidence else assigned.search(source):
            return True
    return False


def private(dotted: str):
    """The object a declared module or class attribute refers to."""
    internal = declared(dotted)
    return getattr(owner_of(internal), internal.name)


def overrides(dotted: str) -> Callable:
    """Marks a method that overrides a declared private method (a subclass
    of Pelican's): returns it unchanged."""
    declared(dotted)
    return lambda method: method


_ORIGINALS: dict[str, Any] = {}


def original(dotted: str):
    """Pelican's own version of a declared class attribute, even after
    :func:`replace_method` replaced it."""
    internal = declared(dotted)
    return _ORIGINALS.get(dotted) or getattr(owner_of(internal), internal.name)


def replace_method(dotted: str, replacement: Callable) -> None:
    """Put ``replacement`` in the place of a declared class method (it may
    call :func:`original`). Nothing changes on an unsupported Pelican."""
    if not is_supported():
        return
    internal = declared(dotted)
    owner = owner_of(internal)
    _ORIGINALS.setdefault(dotted, getattr(owner, internal.name))
    setattr(owner, internal.name, replacement)


def shadow(obj, dotted: str, replacement: Callable) -> Callable:
    """Give ``obj`` its own ``replacement`` for a declared method; returns the
    method it had (call :func:`unshadow` to give it back)."""
    internal = declared(dotted)
    current = getattr(obj, internal.name)
    setattr(obj, internal.name, replacement)
    return current


def unshadow(obj, dotted: str) -> None:
    vars(obj).pop(declared(dotted).name, None)


def instance_value(obj, dotted: str, default=None):
    """A declared attribute Pelican sets on its objects (``default`` if unset)."""
    return getattr(obj, declared(dotted).name, default)


def set_instance_value(obj, dotted: str, value) -> None:
    setattr(obj, declared(dotted).name, value)


# -- accessors the plugins use ------------------------------------------------
def body_html(content) -> str:
    """A content object's body HTML as read (before Pelican replaces links)."""
    return instance_value(content, "pelican.contents.Content._content") or ""


def set_body_html(content, html: str) -> None:
    set_instance_value(content, "pelican.contents.Content._content", html)


def forget_memoized(objects) -> None:
    """Drop Pelican's memoized ``get_content``/``get_summary`` of ``objects`` so
    a rewritten body is what gets written. The memo is one dict per method
    shared by every content object, so it is scanned once for all of them."""
    if not objects:
        return
    wanted = {id(obj) for obj in objects}
    for dotted in ("pelican.contents.Content.get_content", "pelican.contents.Content.get_summary"):
        method = getattr(objects[0], declared(dotted).name, None)
        cache = instance_value(method, "pelican.utils.memoized.cache")
        if isinstance(cache, dict):
            for key in [k for k in cache if k and id(k[0]) in wanted]:
                del cache[key]


def freeze_url(content, url: str, save_as: str) -> None:
    """Make ``url`` and ``save_as`` the content's for good (Pelican reads the
    overrides before computing them from the URL settings)."""
    set_instance_value(content, "pelican.contents.Content.override_url", url)
    set_instance_value(content, "pelican.contents.Content.override_save_as", save_as)


def written_files(writer):
    """The set of paths Pelican's writer has written (None for another writer)."""
    return instance_value(writer, "pelican.writers.Writer._written_files")


def jinja_environment(generator):
    return instance_value(generator, "pelican.generators.Generator.env")


def reader_markdown(reader):
    return instance_value(reader, "pelican.readers.MarkdownReader._md")


def reader_source_path(reader):
    return instance_value(reader, "pelican.readers.MarkdownReader._source_path")


def readers_by_suffix(readers) -> dict:
    return instance_value(readers, "pelican.readers.Readers.readers", {})


def filter_discardable_metadata(metadata: dict) -> dict:
    return private("pelican.readers._filter_discardable_metadata")(metadata)


def yaml_value_to_meta(value) -> list[str]:
    """A YAML value as Markdown's Meta holds it (what pelican-yaml-metadata does)."""
    return private("pelican.plugins.yaml_metadata.yaml_metadata._convert_py_to_meta")(value)


def yaml_header_re() -> re.Pattern:
    return private("pelican.plugins.yaml_metadata.yaml_metadata.HEADER_RE")


def log_pattern(key: str) -> re.Pattern:
    return LOG_TEXTS[key].pattern


def log_format(key: str) -> str:
    return LOG_TEXTS[key].text


def disconnect_all_receivers() -> None:
    """Disconnect every receiver from Pelican's signals (they are process-wide
    blinker Signals and Pelican never disconnects)."""
    from blinker import Signal

    signals = owner_of(declared("pelican.plugins.signals.initialized"))
    for pelican_signal in vars(signals).values():
        if isinstance(pelican_signal, Signal):
            for reference in list(pelican_signal.receivers.values()):
                receiver = reference() if isinstance(reference, weakref.ref) else reference
                if receiver is not None:
                    pelican_signal.disconnect(receiver)
