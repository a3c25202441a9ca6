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


class YamlLimitError(ValueError):
    """The text is valid YAML but too big or too deep; str() is Vietnamese
    and names no file (the caller adds it)."""


def _unique_mapping(loader, node, deep=False):
    loader.flatten_mapping(node)
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


def _loader(base, timestamps: bool, unique_keys: bool):
    class Loader(base):
        pass

    if not timestamps:
        Loader.yaml_implicit_resolvers = {
            first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
            for first, resolvers in base.yaml_implicit_resolvers.items()
        }
    if unique_keys:
        Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_mapping)
    return Loader


_LOADERS: dict[tuple[bool, bool], tuple[type, type]] = {}


def loaders(timestamps: bool = True, unique_keys: bool = False) -> tuple[type, type]:
    """(fast, slow) SafeLoader classes: libyaml's parser is several times
    faster (plans, rules and data files are read on every build); the
    pure-Python one words the errors (line numbers, problems) the way the
    messages describe them. ``timestamps=False`` keeps dates as the text the
    author wrote; ``unique_keys`` makes a key written twice an error."""
    key = (timestamps, unique_keys)
    if key not in _LOADERS:
        slow = _loader(yaml.SafeLoader, timestamps, unique_keys)
        fast = _loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader), timestamps, unique_keys)
        _LOADERS[key] = (fast, slow)
    return _LOADERS[key]


def load_yaml(text: str, timestamps: bool = True, unique_keys: bool = False):
    """One YAML document, SafeLoader rules; on a syntax error the
    ``yaml.YAMLError`` raised is the pure-Python parser's, with its marks."""
    fast, slow = loaders(timestamps, unique_keys)
    try:
        return yaml.load(text, Loader=fast)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError:
        return yaml.load(text, Loader=slow)  # noqa: S506 - SafeLoader subclass


_FAST, _SLOW = loaders(timestamps=False)


@dataclass
class _Measure:
    aliases: int = 0


def _measure(node, depth: int, sizes: dict, seen: _Measure) -> int:
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
            size += _measure(child, depth + 1, sizes, seen)
    elif isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            size += _measure(key_node, depth + 1, sizes, seen)
            size += _measure(value_node, depth + 1, sizes, seen)
    if size > MAX_NODES:
        raise YamlLimitError(
            f"có quá nhiều giá trị (hơn {MAX_NODES:,}; mỗi lần dùng tham chiếu * được tính "
            "lại cả danh sách nó trỏ tới).".replace(",", ".")
        )
    sizes[key] = size
    return size


def _load(text: str, loader_class):
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _measure(node, 0, {}, _Measure())
        return loader.construct_document(node)
    finally:
        loader.dispose()


def load_limited(text: str):
    """Parse ``text`` (one YAML document) within the limits above.

    Raises :class:`YamlLimitError` past a limit and ``yaml.YAMLError`` for a
    syntax error (from the pure-Python parser, with its marks)."""
    if len(text) > MAX_CHARS:
        raise YamlLimitError(f"quá dài ({len(text):,} ký tự; tối đa {MAX_CHARS:,}).".replace(",", "."))
    try:
        return _load(text, _FAST)
    except yaml.YAMLError:
        return _load(text, _SLOW)
