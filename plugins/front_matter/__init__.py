"""YAML front matter with Vietnamese errors, and article metadata checks.

Replaces pelican-yaml-metadata's reader with a subclass that stops on a broken
header (naming the file and line) instead of logging and reading the article
with no metadata; Pelican's ``Key: value`` headers keep working through the
same reader's fallback. Checks every article's category against
``CATEGORIES``.
Signals: ``readers_init``, ``article_generator_pretaxonomy``.
"""

import difflib

from pelican import signals

from vietnamese.messages import display_path

from .reader import FrontMatterError, VietnameseYAMLReader


def add_reader(readers):
    for extension in VietnameseYAMLReader.file_extensions:
        readers.reader_classes[extension] = VietnameseYAMLReader


def _nearest_hint(value, choices):
    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.4)
    return f' Có phải ý bạn là "{close[0]}"?' if close else ""


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
                f"sách CATEGORIES ({', '.join(categories)}).{_nearest_hint(name, categories)}"
            )


def register():
    signals.readers_init.connect(add_reader)
    signals.article_generator_pretaxonomy.connect(check_articles)
