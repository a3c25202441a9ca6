"""Pure HTML helpers: turn ``<img>`` tags of an article body into responsive
``<picture>`` elements and build the ``article.picture`` data for templates.

No Pelican import. Works on the article's own HTML fragment (``_content``),
never on written pages.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Callable

from .pipeline import ProcessedImage

_IMG_RE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)


class _AttrParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.attrs = attrs

    handle_startendtag = handle_starttag


def parse_attrs(tag: str) -> list[tuple[str, str | None]]:
    p = _AttrParser()
    p.feed(tag)
    p.close()
    return p.attrs


def _attr_html(name: str, value: str | None) -> str:
    if value is None:
        return f" {name}"
    return f' {name}="{html.escape(value, quote=True)}"'


#: ``sizes`` per use, read off the theme's layout (theme/static/css/site.css;
#: keep them in step with it): the page column is ``.container``, at most
#: 72rem wide with 1rem padding on each side (70rem of content, else
#: 100vw - 2rem); from 48rem the home top is ``2fr 1fr`` with a 2rem gap and
#: cards put a 12rem (listings: 14rem) image beside the text. Too small a
#: value makes the browser pick a file narrower than the image is shown.
SIZES = {
    # article head: .article__figure img is the whole column wide
    "full": "(min-width: 72rem) 70rem, calc(100vw - 2rem)",
    # home page lead story: two thirds of the column
    "featured": ("(min-width: 72rem) calc(68rem * 2 / 3), "
                 "(min-width: 48rem) calc((100vw - 4rem) * 2 / 3), calc(100vw - 2rem)"),
    # listing thumbnail
    "thumb": "(min-width: 48rem) 14rem, calc(100vw - 2rem)",
    # image in the article body: .prose is at most 46rem wide
    "content": "(min-width: 48rem) 46rem, calc(100vw - 2rem)",
}
CONTENT_SIZES = SIZES["content"]


@dataclass(frozen=True)
class Source:
    type: str
    srcset: str
    sizes: str


@dataclass
class Picture:
    """Template-facing description of a responsive image (``article.picture``).

    Interface used by ``components/picture.html``: ``sources(size)`` (list of
    :class:`Source`, URLs absolute with SITEURL), ``fallback(size)`` (path
    relative to the site root; the template prefixes SITEURL),
    ``width(size)``/``height(size)`` (of that fallback). ``size`` is "full"
    (article head), "featured" (home page lead story), "thumb" (listings)
    or "content" (article body)."""

    image: ProcessedImage
    prefix: str = "/"  # SITEURL + "/"
    alt: str = ""

    @classmethod
    def from_processed(cls, img: ProcessedImage, alt: str = "", prefix: str = "/") -> "Picture":
        return cls(img, prefix, alt)

    def _fallbacks(self):
        return sorted(self.image.by_mime(self.image.fallback_mime), key=lambda v: v.width)

    def _pick(self, size: str):
        fallbacks = self._fallbacks()
        if not fallbacks:
            return None
        if size == "thumb":
            return next((v for v in fallbacks if v.width >= 480), fallbacks[-1])
        return fallbacks[-1]

    def sources(self, size: str = "full") -> list[Source]:
        sizes = SIZES.get(size, SIZES["full"])
        out = []
        for mime in ("image/webp", self.image.fallback_mime):
            srcset = self.image.srcset(mime, self.prefix)
            if srcset:
                out.append(Source(mime, srcset, sizes))
        return out

    def fallback(self, size: str = "full") -> str:
        v = self._pick(size)
        return v.path if v else self.image.original

    def width(self, size: str = "full") -> int:
        v = self._pick(size)
        return v.width if v else self.image.width

    def height(self, size: str = "full") -> int:
        v = self._pick(size)
        return v.height if v else self.image.height

    @property
    def src(self) -> str:
        return self.prefix + self.fallback("full")


def picture_html(pic: Picture, attrs: list[tuple[str, str | None]], *, eager: bool,
                 size: str = "content") -> str:
    """``<picture>`` markup for ``pic``; ``attrs`` are the original ``<img>``
    attributes (alt, class, title... are kept; src/size/loading replaced)."""
    replaced = {"src", "srcset", "sizes", "width", "height", "loading", "decoding", "fetchpriority"}
    kept = [(k, v) for k, v in attrs if k not in replaced]
    if not any(k == "alt" for k, _ in kept):
        kept.insert(0, ("alt", ""))
    img_attrs = [("src", pic.prefix + pic.fallback(size))] + kept
    img_attrs += [("width", str(pic.width(size))), ("height", str(pic.height(size))),
                  ("loading", "eager" if eager else "lazy"), ("decoding", "async")]
    sources = "".join(
        f'<source type="{s.type}"{_attr_html("srcset", s.srcset)}{_attr_html("sizes", s.sizes)}>'
        for s in pic.sources(size))
    return "<picture>" + sources + "<img" + "".join(_attr_html(k, v) for k, v in img_attrs) + "></picture>"


@dataclass
class RewriteResult:
    html: str
    missing_alt: list[str]  # sources of images without a (non-empty) alt
    used: list[str]  # sources of images that were rewritten


def rewrite_images(fragment: str, resolve: Callable[[str], Picture | None], *,
                   first_eager: bool = True) -> RewriteResult:
    """Replace each ``<img>`` whose ``src`` ``resolve`` knows by a
    ``<picture>``. The first rewritten image is eager when ``first_eager``,
    the rest lazy. Images already carrying ``srcset`` are left alone, which
    makes the rewrite idempotent."""
    missing: list[str] = []
    used: list[str] = []

    def repl(m: re.Match) -> str:
        attrs = parse_attrs(m.group(0))
        d = dict(attrs)
        src = d.get("src")
        if not src or "srcset" in d:
            return m.group(0)
        pic = resolve(src)
        if pic is None:
            return m.group(0)
        if not (d.get("alt") or "").strip():
            missing.append(src)
        eager = first_eager and not used
        used.append(src)
        return picture_html(pic, attrs, eager=eager)

    return RewriteResult(_IMG_RE.sub(repl, fragment), missing, used)
