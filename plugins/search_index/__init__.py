"""Site search with Pagefind, folded for Vietnamese typed without diacritics.

Pagefind (>= 1.5) folds most diacritics but not ``đ``, so "dai hoi doan" would
miss "Đại hội Đoàn". This plugin therefore feeds Pagefind *custom records*
whose searchable text is fully folded (đ→d, diacritics removed, see
:func:`search_index.text.fold`) while the displayed metadata (title, summary,
category, date) keeps its diacritics; ``theme/static/js/search.js`` folds the
query the same way and renders results from that metadata. Records are made
from the content objects in memory (no written page is re-parsed), folded and
indexed in a background process while Pelican writes the pages, so indexing
uses the machine's second core instead of adding to the build time. The
process starts with the build (its start-up overlaps with reading the
content), and the articles are written after every other generator's pages
(see :func:`write_articles_last`), so the index is done before they are.

Indexed: published articles and pages (``context['articles']`` and
``context['pages']``: no drafts, no hidden items), minus items with
``search: no`` in their metadata; records any generator exposes as a
``search_records`` list of dicts (keys: url, title, body_html, summary_html,
date, category); and the pages other plugins write under
``SEARCH_EXTRA_PATHS`` (default ``van-ban/`` and ``cong-khai/``: documents
and public disclosure), read from the written HTML's ``<main>`` once their
generators have written them (only those few pages are read; articles never
are).

It also writes the search page (template ``search.html``) to
``SEARCH_SAVE_AS`` (default ``tim-kiem/index.html``).

Signals: ``get_generators`` (the search page generator, which starts the
indexer process), ``all_generators_finalized`` (collect records once every
generator's content is final; generator-level, so items from Pelican's
content cache are included; reorder the generators) and ``finalized``
(wait for the index under ``output/pagefind/``).
"""

from .indexer import SearchIndexError

__all__ = ["register", "SearchIndexError"]


def register() -> None:
    # The glue (and Pelican) is imported only here: the indexer process
    # imports this package and must not pay for importing Pelican.
    from .plugin import register as register_signals

    register_signals()
