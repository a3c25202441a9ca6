"""Site search: a static index of folded text, for Vietnamese typed without diacritics.

"dai hoi doan" must find "Đại hội Đoàn": the index holds text folded to
ASCII (đ→d, diacritics removed, see :func:`search_index.text.fold`) split
into terms, while what a result shows (title, summary, category, date) keeps
its diacritics; ``theme/static/js/search.js`` folds the query the same way,
loads only the index files its words need and ranks the pages (format in
:mod:`search_index.indexer`). Records are made from the content objects in
memory (no written page is re-parsed), in the build's own process, while
``parallel_write``'s child writes the article pages: the articles are
written after every other generator's pages (see
:func:`plugin.write_articles_last`) and the index between the two.

Indexed: published articles and pages (``context['articles']`` and
``context['pages']``: no drafts, no hidden items), minus items with
``search: no`` in their metadata; records any generator exposes as a
``search_records`` list of dicts (keys: url, title, body_html, summary_html,
date, category); and the pages other plugins write under
``SEARCH_EXTRA_PATHS`` (default ``van-ban/`` and ``cong-khai/``: documents
and public disclosure), read from the written HTML's ``<main>`` once their
generators have written them (only those few pages are read; articles never
are). An index made from exactly the same records is copied from
``cache/search``.

It also writes the search page (template ``search.html``) to
``SEARCH_SAVE_AS`` (default ``tim-kiem/index.html``); the index goes to
``SEARCH_INDEX_URL`` (default ``tim-kiem/chi-muc/``).

Signals: ``get_generators`` (the search page generator) and
``all_generators_finalized`` (collect records once every generator's content
is final; generator-level, so items from Pelican's content cache are
included; put the index step into the generator list).
"""

from .indexer import SearchIndexError

__all__ = ["register", "SearchIndexError"]


def register() -> None:
    # The glue (and Pelican) is imported only here: the pure modules can be
    # used and tested without Pelican.
    from .plugin import register as register_signals

    register_signals()
