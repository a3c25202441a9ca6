"""Keeps unannounced articles off the public site.

With ``PUBLISH_MODE = True`` (publishconf.py) hidden articles and drafts are
dropped before anything is listed or written, so they reach no page, feed,
sitemap or search index. Future-dated articles are already drafts because
``WITH_FUTURE_DATES = False``. Locally nothing is dropped: templates mark
drafts "Bản nháp". Signal: ``article_generator_pretaxonomy``.
"""

from pelican import signals


def drop_unpublished(generator):
    if not generator.settings.get("PUBLISH_MODE"):
        return
    generator.hidden_articles = []
    generator.hidden_translations = []
    generator.drafts = []
    generator.drafts_translations = []


def register():
    signals.article_generator_pretaxonomy.connect(drop_unpublished)
