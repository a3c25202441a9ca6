"""Computes each article's and page's URL once instead of on every use.

Pelican rebuilds ``url`` and ``save_as`` from the URL settings on every
access (copying the metadata, formatting the date, resolving the source
path); a listing-rich theme reads them tens of thousands of times per build.
Pelican honours ``override_url``/``override_save_as`` before computing, so
freezing the computed values there (``pelican_compat.freeze_url``) changes
nothing but the cost.
Signal: ``all_generators_finalized`` (after every plugin has set slugs and
statuses, before anything is written).
"""

from pelican import signals
from pelican.generators import ArticlesGenerator, PagesGenerator

from truongweb import pelican_compat


def _contents(generator):
    if isinstance(generator, ArticlesGenerator):
        return (generator.articles + generator.translations + generator.drafts
                + generator.drafts_translations + generator.hidden_articles
                + generator.hidden_translations)
    if isinstance(generator, PagesGenerator):
        return (generator.pages + generator.translations + generator.hidden_pages
                + generator.hidden_translations + generator.draft_pages
                + generator.draft_translations)
    return []


def freeze_urls(generators):
    for generator in generators:
        for content in _contents(generator):
            pelican_compat.freeze_url(content, content.url, content.save_as)


def register():
    signals.all_generators_finalized.connect(freeze_urls)
