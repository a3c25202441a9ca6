"""A tiny HTML tree and CSS-like selector matcher (standard library only).

Only representative pages are parsed into trees; whole-site checks use cheap
string scans instead. Selectors support: ``tag``, ``#id``, ``.class``,
``[attr]``, ``[attr=v]``, ``[attr^=v]``, ``[attr*=v]``, ``[attr$=v]``,
the descendant combinator (space) and alternatives separated by commas.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
    "param", "source", "track", "wbr",
}
# Elements whose start closes an open element of the same kind (lenient HTML).
SELF_NESTING_CLOSERS = {"p", "li", "dt", "dd", "tr", "td", "th", "option"}


class Node:
    __slots__ = ("tag", "attrs", "children", "parent", "_flat", "_by_tag")

    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None):
        self.tag = tag
        self.attrs = attrs
        self.children: list[Node | str] = []
        self.parent = parent
        self._flat: list[Node] | None = None
        self._by_tag: dict[str, list[Node]] | None = None

    def descendants(self) -> list[Node]:
        """All descendant elements in document order (cached: trees are read-only)."""
        if self._flat is None:
            self._flat = list(self.iter())
        return self._flat

    def text(self) -> str:
        parts: list[str] = []
        self._text(parts)
        return re.sub(r"\s+", " ", "".join(parts)).strip()

    def _text(self, parts: list[str]) -> None:
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif child.tag not in ("script", "style"):
                child._text(parts)

    def iter(self):
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.iter()

    def select(self, selector: str) -> list[Node]:
        """All descendants matching ``selector`` (document order, no duplicates)."""
        return list(self._iter_select(selector))

    def select_one(self, selector: str) -> Node | None:
        return next(self._iter_select(selector), None)

    def _candidates(self, alternatives) -> list[Node]:
        tags = {chain[-1][0] for chain in alternatives}
        if None in tags:
            return self.descendants()
        if self._by_tag is None:
            self._by_tag = {}
            for node in self.descendants():
                self._by_tag.setdefault(node.tag, []).append(node)
        if len(tags) == 1:
            return self._by_tag.get(next(iter(tags)), [])
        wanted = {id(n) for t in tags for n in self._by_tag.get(t, [])}
        return [n for n in self.descendants() if id(n) in wanted]

    def _iter_select(self, selector: str):
        alternatives = _parse_selector(selector)
        for node in self._candidates(alternatives):
            if any(_matches(node, chain, self) for chain in alternatives):
                yield node

    def get(self, name: str, default: str | None = None) -> str | None:
        return self.attrs.get(name, default)

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"<{self.tag} {self.attrs}>"


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        if tag in SELF_NESTING_CLOSERS and self.stack[-1].tag == tag:
            self.stack.pop()
        node = Node(tag, {k: (v if v is not None else "") for k, v in attrs}, self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        node = Node(tag, {k: (v if v is not None else "") for k, v in attrs}, self.stack[-1])
        self.stack[-1].children.append(node)

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return
        # Stray end tag: ignore, browsers do the same.

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(html: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


# --------------------------------------------------------------------------
# Selectors

_COMPOUND_RE = re.compile(
    r"""(?P<tag>[a-zA-Z][a-zA-Z0-9-]*|\*)?
        (?P<rest>(?:\#[\w-]+|\.[\w-]+|\[[^\]]+\])*)$""",
    re.X,
)
_PART_RE = re.compile(r"\#([\w-]+)|\.([\w-]+)|\[([^\]=^*$~]+)(?:([\^*$]?=)\"?([^\]\"]*)\"?)?\]")

_cache: dict[str, list[list[tuple]]] = {}


def _parse_selector(selector: str) -> list[list[tuple]]:
    if selector in _cache:
        return _cache[selector]
    alternatives = []
    for alt in selector.split(","):
        chain = []
        for compound in alt.split():
            m = _COMPOUND_RE.match(compound)
            if not m:
                raise ValueError(f"Bộ chọn không hợp lệ: “{selector}”")
            tag = m.group("tag")
            conds = []
            for part in _PART_RE.finditer(m.group("rest")):
                ident, cls, attr, op, value = part.groups()
                if ident:
                    conds.append(("id", ident))
                elif cls:
                    conds.append(("class", cls))
                else:
                    conds.append(("attr", attr.strip(), op, value))
            chain.append((None if tag in (None, "*") else tag.lower(), conds))
        if not chain:
            raise ValueError(f"Bộ chọn rỗng: “{selector}”")
        alternatives.append(chain)
    _cache[selector] = alternatives
    return alternatives


def _compound_ok(node: Node, compound: tuple) -> bool:
    tag, conds = compound
    if tag and node.tag != tag:
        return False
    for cond in conds:
        if cond[0] == "id":
            if node.attrs.get("id") != cond[1]:
                return False
        elif cond[0] == "class":
            if cond[1] not in node.attrs.get("class", "").split():
                return False
        else:
            _, attr, op, value = cond
            if attr not in node.attrs:
                return False
            actual = node.attrs[attr]
            if op == "=" and actual != value:
                return False
            if op == "^=" and not actual.startswith(value):
                return False
            if op == "*=" and value not in actual:
                return False
            if op == "$=" and not actual.endswith(value):
                return False
    return True


def _matches(node: Node, chain: list[tuple], scope: Node) -> bool:
    if not _compound_ok(node, chain[-1]):
        return False
    i = len(chain) - 2
    ancestor = node.parent
    while i >= 0:
        while ancestor is not None and ancestor is not scope.parent:
            if _compound_ok(ancestor, chain[i]):
                break
            ancestor = ancestor.parent
        else:
            return False
        if ancestor is None or ancestor is scope.parent:
            return False
        ancestor = ancestor.parent
        i -= 1
    return True
