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

#: Default ``sizes``: full width on phones, the content column on desktops.
CONTENT_SIZES = "(min-width: 50rem) 46rem, 100vw"

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


@dataclass
class Picture:
    """Template-facing description of a responsive image.

    URLs are relative to the site root (templates prefix ``SITEURL``)."""

    src: str  # fallback <img src> (largest fallback variant)
    width: int
    height: int
    webp_srcset: str
    fallback_srcset: str
    fallback_mime: str
    original: str
    alt: str = ""

    @classmethod
    def from_processed(cls, img: ProcessedImage, alt: str = "", prefix: str = "") -> "Picture":
        largest = img.largest
        return cls(
            src=prefix + (largest.path if largest else img.original),
            width=largest.width if largest else img.width,
            height=largest.height if largest else img.height,
            webp_srcset=img.srcset("image/webp", prefix),
            fallback_srcset=img.srcset(img.fallback_mime, prefix),
            fallback_mime=img.fallback_mime,
            original=prefix + img.original,
            alt=alt,
        )


def picture_html(pic: Picture, attrs: list[tuple[str, str | None]], *, eager: bool,
                 sizes: str = CONTENT_SIZES) -> str:
    """``<picture>`` markup for ``pic``; ``attrs`` are the original ``<img>``
    attributes (alt, class, title... are kept; src/size/loading replaced)."""
    replaced = {"src", "srcset", "sizes", "width", "height", "loading", "decoding", "fetchpriority"}
    kept = [(k, v) for k, v in attrs if k not in replaced]
    if not any(k == "alt" for k, _ in kept):
        kept.insert(0, ("alt", ""))
    img_attrs = [("src", pic.src)]
    if pic.fallback_srcset:
        img_attrs += [("srcset", pic.fallback_srcset), ("sizes", sizes)]
    img_attrs += kept + [("width", str(pic.width)), ("height", str(pic.height))]
    img_attrs += [("loading", "eager" if eager else "lazy"), ("decoding", "async")]
    source = ""
    if pic.webp_srcset:
        source = (f'<source type="image/webp"{_attr_html("srcset", pic.webp_srcset)}'
                  f'{_attr_html("sizes", sizes)}>')
    return "<picture>" + source + "<img" + "".join(_attr_html(k, v) for k, v in img_attrs) + "></picture>"


@dataclass
class RewriteResult:
    html: str
    missing_alt: list[str]  # sources of images without a (non-empty) alt
    used: list[str]  # sources of images that were rewritten


def rewrite_images(fragment: str, resolve: Callable[[str], Picture | None], *,
                   first_eager: bool = True, sizes: str = CONTENT_SIZES) -> RewriteResult:
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
        return picture_html(pic, attrs, eager=eager, sizes=sizes)

    return RewriteResult(_IMG_RE.sub(repl, fragment), missing, used)
