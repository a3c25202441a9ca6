"""Privacy-safe responsive images for articles and pages.

Every raster image that the site publishes as a static file (anything in
``STATIC_PATHS`` and every file linked with ``{static}`` or ``{attach}``,
recognised by its bytes whatever its name: ``.JPG``, ``.jfif``, ``.tiff``,
no extension...) is re-encoded by Pillow with its EXIF orientation applied
and all metadata (EXIF, GPS, XMP, IPTC, ICC, comments) removed; the original
bytes never reach the output. Kinds that cannot be cleaned (HEIC, JPEG XL,
PSD, JPEG 2000) and images above ``IMAGES_MAX_PIXELS`` stop the build with a
Vietnamese message naming the file. Images used by articles/pages (the
``image:`` front matter and inline ``{static}``/``{attach}`` images) also get
responsive widths (``IMAGES_WIDTHS``) in WebP with a JPEG (or PNG) fallback:

* inline ``<img>`` in an article's HTML (``_content``) becomes
  ``<picture>``/``srcset`` with ``width``/``height``; the first image of an
  article (its featured image when it has one, shown eagerly by the theme)
  is eager, every other one ``loading="lazy"``;
* ``article.picture`` (a :class:`images.markup.Picture`) describes the
  featured image for templates (macro ``components/picture.html``).

Results are cached in ``CACHE_PATH/images`` keyed on content + settings and
cache misses are processed on all cores, in workers of a fresh interpreter
that imports only the pipeline (see :mod:`images.pipeline`).
A missing alt text is a warning, or an error when ``IMAGES_REQUIRE_ALT`` is
true (default: ``PUBLISH_MODE``, set by publishconf.py); an unreadable image
stops the build naming the file.

Settings: ``IMAGES_PATH`` ("images"), ``IMAGES_WIDTHS`` ((480, 800, 1200)),
``IMAGES_WEBP_QUALITY`` (78), ``IMAGES_JPEG_QUALITY`` (82),
``IMAGES_ORIGINAL_QUALITY`` (88), ``IMAGES_MAX_PIXELS`` (50,000,000),
``IMAGES_WORKERS`` (all cores), ``IMAGES_REQUIRE_ALT`` (``PUBLISH_MODE``).

Signals: ``static_generator_finalized`` (take the images out of Pelican's
plain copy) and ``all_generators_finalized`` (relocate ``{attach}``ed
images as Pelican would, process, install into the output, rewrite
content). Only generator-level signals are used, so items
served from Pelican's content cache are handled too.
"""

from __future__ import annotations

import html
import logging
import os
import posixpath
import re
from urllib.parse import unquote

from truongweb import pelican_compat
from truongweb.paths import resolve_inside
from truongweb.plugins.vietnamese.messages import display_path

from .markup import Picture, rewrite_images
from .pipeline import ImageError, ImageSettings, Job, is_raster, process_images, sniff_file

logger = logging.getLogger(__name__)

__all__ = ["register", "ImageError"]


def _settings(settings) -> ImageSettings:
    return ImageSettings(
        widths=tuple(settings.get("IMAGES_WIDTHS", (480, 800, 1200))),
        webp_quality=int(settings.get("IMAGES_WEBP_QUALITY", 78)),
        jpeg_quality=int(settings.get("IMAGES_JPEG_QUALITY", 82)),
        original_quality=int(settings.get("IMAGES_ORIGINAL_QUALITY", 88)),
        max_pixels=int(settings.get("IMAGES_MAX_PIXELS", 50_000_000)),
    )


def _images_prefix(settings) -> str:
    return settings.get("IMAGES_PATH", "images").strip("/") + "/"


def take_over_static_images(generator) -> None:
    """Remove every raster image (by its bytes, wherever it is and whatever
    its name) from Pelican's plain copy; this plugin writes sanitised copies
    at the same URLs instead. A file named like an image but holding
    something else is taken too: it is an error, never copied as is.
    ``save_as`` is not read here: reading it would stop Pelican from
    relocating an ``{attach}``ed file."""
    taken = []
    for sf in list(generator.staticfiles):
        src = sf.relative_source_path.replace(os.sep, "/")
        if is_raster(src) or sniff_file(sf.source_path):
            generator.staticfiles.remove(sf)
            taken.append((src, sf))
    generator.context["images_taken_over"] = taken


def _content_objects(generators):
    from pelican.generators import ArticlesGenerator, PagesGenerator

    for g in generators:
        if isinstance(g, ArticlesGenerator):
            groups = (g.articles, g.translations, g.hidden_articles,
                      g.hidden_translations, g.drafts, g.drafts_translations)
        elif isinstance(g, PagesGenerator):
            groups = (g.pages, g.translations, g.hidden_pages,
                      g.hidden_translations, g.draft_pages, g.draft_translations)
        else:
            continue
        seen = set()
        for group in groups:
            for obj in group:
                if id(obj) not in seen and getattr(obj, "save_as", ""):
                    seen.add(id(obj))
                    yield obj


def _static_target(obj, src: str) -> str | None:
    """Content-relative path of a ``{static}``/``{attach}`` reference, as
    Pelican resolves it."""
    for marker in _LINK_MARKERS:
        if src.startswith(marker):
            path = src[len(marker):].split("?", 1)[0].split("#", 1)[0]
            if path.startswith("/"):
                return posixpath.normpath(path[1:])
            base = posixpath.dirname(obj.relative_source_path.replace(os.sep, "/"))
            return posixpath.normpath(posixpath.join(base, path))
    return None


def _featured_path(obj) -> str | None:
    image = getattr(obj, "image", None) or obj.metadata.get("image")
    if not image:
        return None
    image = str(image).strip()
    for marker in ("{static}", "|static|"):
        if image.startswith(marker):
            image = image[len(marker):]
    return posixpath.normpath(image.lstrip("/"))


def _alt_problem(settings, message: str) -> None:
    if settings.get("IMAGES_REQUIRE_ALT", settings.get("PUBLISH_MODE", False)):
        raise ImageError(message)
    logger.warning(message)


def process(generators) -> None:
    from pelican.generators import StaticGenerator

    gens = list(generators)
    static = next((g for g in gens if isinstance(g, StaticGenerator)), None)
    anchor = gens[0]
    settings, context = anchor.settings, anchor.context
    content_root = anchor.path
    output_root = anchor.output_path
    prefix = _images_prefix(settings)
    siteurl = settings.get("SITEURL", "").rstrip("/")

    taken = dict(context.get("images_taken_over", [])) if static else {}
    objects = list(_content_objects(gens))

    # 1. Which images are used, by whom.
    featured: dict[int, str] = {}
    used: set[str] = set()
    for obj in objects:
        path = _featured_path(obj)
        if path:
            # outside content/, the copies would be written outside the output folder too
            resolve_inside(content_root, path,
                           source=f'{display_path(obj.source_path)}: khóa "image"')
            if not is_raster(path) or not os.path.isfile(os.path.join(content_root, path)):
                raise ImageError(
                    f"Ảnh đại diện không tồn tại hoặc không phải ảnh: {path} "
                    f"(khóa image trong {obj.relative_source_path})"
                )
            featured[id(obj)] = path
            used.add(path)
        for m in _SRC_RE.finditer(pelican_compat.body_html(obj)):
            target = _static_target(obj, m.group(2))
            if target:
                resolve_inside(content_root, target,
                               source=f"{display_path(obj.source_path)}: ảnh {m.group(2)}")
            if target and (target in taken or target.startswith(prefix) and is_raster(target)
                           and os.path.isfile(os.path.join(content_root, target))):
                used.add(target)
    _relocate_attached(objects, taken)

    # 2. Process (cache-aware, parallel) and install into the output.
    jobs = {}
    for src, sf in taken.items():
        jobs[src] = Job(src, sf.source_path, sf.save_as.replace(os.sep, "/"), src in used)
    for src in used:
        if src not in jobs:
            jobs[src] = Job(src, os.path.join(content_root, src), src, True)
    cache_dir = os.path.join(settings.get("CACHE_PATH", "cache"), "images")
    results = process_images(sorted(jobs.values(), key=lambda j: j.source), output_root,
                             cache_dir, _settings(settings),
                             workers=settings.get("IMAGES_WORKERS"))
    fresh = sum(1 for r in results.values() if not r.cached)
    logger.info("Ảnh: %d tệp, %d xử lý mới, %d lấy từ bộ nhớ đệm",
                len(results), fresh, len(results) - fresh)

    # 3. Templates' data and inline rewrite.
    url_prefix = siteurl + "/"
    rewritten = []
    for obj in objects:
        path = featured.get(id(obj))
        if path:
            alt = str(obj.metadata.get("image_alt") or "").strip()
            if not alt:
                _alt_problem(settings, f"Ảnh đại diện thiếu mô tả (image_alt): {path} "
                                       f"trong {obj.relative_source_path}")
            obj.picture = Picture.from_processed(results[path], alt, url_prefix)
        else:
            obj.picture = None

        def resolve(src, obj=obj):
            target = _static_target(obj, src)
            img = results.get(target) if target else None
            return Picture.from_processed(img, prefix=url_prefix) if img and img.variants else None

        body = pelican_compat.body_html(obj)
        if body:
            # the featured image (shown at the top by the theme) is the eager one
            res = rewrite_images(body, resolve, first_eager=path is None)
            if res.used:
                pelican_compat.set_body_html(obj, res.html)
                rewritten.append(obj)
            for src in res.missing_alt:
                _alt_problem(settings, f"Ảnh thiếu mô tả (alt): {_static_target(obj, src)} "
                                       f"trong {obj.relative_source_path}")
    pelican_compat.forget_memoized(rewritten)


_SRC_RE = re.compile(r"""<img\b[^>]*?\bsrc\s*=\s*(["'])(.*?)\1""", re.IGNORECASE)
_LINK_MARKERS = ("{static}", "|static|", "{attach}", "|attach|")
_ATTACH_RE = re.compile(r"""\b(?:href|src)\s*=\s*(["'])((?:\{attach\}|\|attach\|).*?)\1""",
                        re.IGNORECASE)


def _relocate_attached(objects, taken) -> None:
    """Move each ``{attach}``ed image next to the first item linking it, as
    Pelican does while writing that item; done now because this plugin
    writes the images before any page is written. Pelican's own later
    ``attach_to`` then finds the same location and keeps it."""
    for obj in objects:
        for m in _ATTACH_RE.finditer(pelican_compat.body_html(obj)):
            target = _static_target(obj, m.group(2))
            sf = taken.get(target) if target else None
            if sf is None and target:
                sf = taken.get(unquote(html.unescape(target)))
            if sf is not None:
                sf.attach_to(obj)


def register() -> None:
    # Pelican is imported here, not at the top: the image workers'
    # interpreter imports this package (for the pipeline) and must not pay
    # for importing Pelican (0.7 s).
    from pelican import signals

    signals.static_generator_finalized.connect(take_over_static_images)
    signals.all_generators_finalized.connect(process)
