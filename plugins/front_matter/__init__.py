"""Front matter of articles and pages: read, checked against the one content
schema, with Vietnamese errors.

Replaces pelican-yaml-metadata's reader with a subclass (``reader.py``) that
stops on a broken, oversized or non-UTF-8 file or header (naming the file and
line or key) instead of logging and reading the article with no metadata;
Pelican's ``Key: value`` headers go through the same checks. Keys and values
follow ``content_schema``; dates are read in the site's ``TIMEZONE``. Checks
every article's category against ``CATEGORIES``, and gives feed entries the
title as written (Pelican strips ``<…>`` from it as if it were HTML).
Signals: ``readers_init``, ``article_generator_pretaxonomy``, ``feed_generated``.
"""

from urllib.parse import urlsplit

from pelican import signals

from truongweb.plugins.vietnamese.messages import did_you_mean, display_path

from .reader import FrontMatterError, VietnameseYAMLReader

__all__ = ["FrontMatterError", "VietnameseYAMLReader", "register"]


def add_reader(readers):
    for extension in VietnameseYAMLReader.file_extensions:
        readers.reader_classes[extension] = VietnameseYAMLReader


def check_articles(generator):
    categories = generator.settings.get("CATEGORIES") or []
    everything = (
        generator.articles
        + generator.translations
        + generator.drafts
        + generator.drafts_translations
        + generator.hidden_articles
        + generator.hidden_translations
    )
    for article in everything:
        name = article.category.name
        if categories and name not in categories:
            where = display_path(article.source_path)
            raise FrontMatterError(
                f'{where}: khóa "category": chuyên mục "{name}" không có trong danh '
                f"sách CATEGORIES ({', '.join(categories)}).{did_you_mean(name, categories)}"
            )


def _path(url: str, base: str = "") -> str:
    """``url`` relative to the site root; ``base`` is SITEURL (maybe with a
    sub-folder, as on GitHub Pages)."""
    url = url.split("?", 1)[0].split("#", 1)[0]
    if base and url.startswith(base):
        return url[len(base):].strip("/")
    return urlsplit(url).path.strip("/")


def plain_feed_titles(context, feed):
    """Pelican's writer takes ``Markup(title).striptags()``: ``a < b và b > c``
    becomes ``a c``. Put back the title as written; the feed writer escapes it."""
    titles = context.get("_plain_feed_titles")
    if titles is None:
        titles = {}
        for item in context.get("articles", []) + context.get("pages", []):
            titles[_path(item.url)] = str(item.title)
        context["_plain_feed_titles"] = titles
    base = (context.get("SITEURL") or "").rstrip("/")
    for entry in feed.items:
        title = titles.get(_path(entry.get("link", ""), base))
        if title is not None:
            entry["title"] = title


def register():
    signals.readers_init.connect(add_reader)
    signals.article_generator_pretaxonomy.connect(check_articles)
    signals.feed_generated.connect(plain_feed_titles)
