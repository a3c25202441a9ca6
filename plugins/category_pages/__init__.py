"""Every category of ``CATEGORIES`` gets its page (and its Atom feed) even
before its first article, so a new school's menu, which links the news
categories, has no broken link. Pelican only knows categories that have an
article; this adds the others, empty, to the articles generator's list (and
so to the ``categories`` of the templates). The page says in Vietnamese that
there is no article yet; ``xml_sitemap`` leaves an empty category out.

Signal: ``article_generator_finalized`` (before Pelican writes the pages).
"""

from pelican import signals
from pelican.urlwrappers import Category


def add_empty_categories(generator):
    settings = generator.settings
    known = {category.name for category, _articles in generator.categories}
    missing = [name for name in settings.get("CATEGORIES") or () if name not in known]
    if not missing:
        return
    # In place: the templates' context holds this very list.
    generator.categories[:] = sorted(
        list(generator.categories) + [(Category(name, settings), []) for name in missing],
        reverse=settings.get("REVERSE_CATEGORY_ORDER", False))


def register():
    signals.article_generator_finalized.connect(add_empty_categories)
