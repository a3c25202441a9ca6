"""YAML for content written by people: bounded, and dates left as text.

Pure, no Pelican import. ``load_limited`` composes the document first and
measures it before building any Python object: an alias bomb (``x9: &a9
[*a8, *a8, …]``) is a few hundred bytes of text but billions of values once
expanded, and every consumer that walks, copies or prints such a value hangs.
Timestamps are not resolved: a date is kept as the text the author wrote, so
an impossible one (``2026-02-30``) gets the caller's message naming the key,
not PyYAML's ``day is out of range for month``.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

MAX_CHARS = 64_000  # a front matter header is a few hundred characters
MAX_NODES = 20_000  # values, an alias counted each time it is used
MAX_DEPTH = 6  # nesting of lists and mappings
MAX_ALIASES = 20
# Data files a tool writes and people may touch up (the importer's map of old
# addresses: one line per article, tens of thousands on a large old site).
DATA_MAX_CHARS = 20_000_000
DATA_MAX_NODES = 1_000_000


class YamlLimitError(ValueError):
    """The text is valid YAML but too big or too deep; str() is Vietnamese
    and names no file (the caller adds it)."""


def _no_timestamps(loader_class):
    class Loader(loader_class):
        pass

    Loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in loader_class.yaml_implicit_resolvers.items()
    }
    return Loader


_SLOW = _no_timestamps(yaml.SafeLoader)
# libyaml's parser is several times faster; the pure-Python loader words the
# errors (line numbers, problems) the way the messages describe them.
_FAST = _no_timestamps(getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@dataclass
class _Measure:
    aliases: int = 0


def _measure(node, depth: int, sizes: dict, seen: _Measure, max_nodes: int = MAX_NODES) -> int:
    """Expanded size of ``node``; shared nodes (aliases) are counted every time
    they are used, but measured once."""
    key = id(node)
    if key in sizes:
        seen.aliases += 1
        if seen.aliases > MAX_ALIASES:
            raise YamlLimitError(
                f"dùng quá nhiều tham chiếu YAML (&/*, tối đa {MAX_ALIASES}); "
                "hãy viết thẳng giá trị."
            )
        return sizes[key]
    if depth > MAX_DEPTH:
        raise YamlLimitError(
            f"giá trị lồng nhau quá sâu (tối đa {MAX_DEPTH} mức danh sách/bảng khóa)."
        )
    sizes[key] = 0  # a node that contains itself counts as already measured
    size = 1
    if isinstance(node, yaml.SequenceNode):
        for child in node.value:
            size += _measure(child, depth + 1, sizes, seen, max_nodes)
    elif isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            size += _measure(key_node, depth + 1, sizes, seen, max_nodes)
            size += _measure(value_node, depth + 1, sizes, seen, max_nodes)
    if size > max_nodes:
        raise YamlLimitError(
            f"có quá nhiều giá trị (hơn {max_nodes:,}; mỗi lần dùng tham chiếu * được tính "
            "lại cả danh sách nó trỏ tới).".replace(",", ".")
        )
    sizes[key] = size
    return size


def _load(text: str, loader_class, max_nodes: int = MAX_NODES):
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _measure(node, 0, {}, _Measure(), max_nodes)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def load_limited(text: str, max_chars: int = MAX_CHARS, max_nodes: int = MAX_NODES):
    """Parse ``text`` (one YAML document) within the limits above.

    Raises :class:`YamlLimitError` past a limit and ``yaml.YAMLError`` for a
    syntax error (from the pure-Python parser, with its marks)."""
    if len(text) > max_chars:
        raise YamlLimitError(f"quá dài ({len(text):,} ký tự; tối đa {max_chars:,}).".replace(",", "."))
    try:
        return _load(text, _FAST, max_nodes)
    except yaml.YAMLError:
        return _load(text, _SLOW, max_nodes)


def load_limited_data(text: str):
    """:func:`load_limited` with the limits of a tool-written data file
    (aliases and depth bounded as for front matter)."""
    return load_limited(text, DATA_MAX_CHARS, DATA_MAX_NODES)
