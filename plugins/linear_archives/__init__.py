"""Year and month archives built in linear time.

Pelican 4.12 fills each period archive with ``[a for a in articles if a in
dates]``, which is quadratic in the number of articles (3.4 s at 5,000
articles, 55 s at 20,000). This plugin lets Pelican compute everything else
about the periods (URLs, labels) from an empty article list, then fills each
period's articles from its already-grouped dates, kept in the site's article
order. No signal: it wraps ``ArticlesGenerator._build_period_archives`` once
when registered; the wrapper is a no-op for output.
"""

from pelican.generators import ArticlesGenerator

_ORIGINAL = ArticlesGenerator._build_period_archives


def build_period_archives_linear(self, sorted_articles, articles, settings):
    archives = _ORIGINAL(self, sorted_articles, [], settings)
    position = {id(article): index for index, article in enumerate(articles)}
    for periods in archives.values():
        for archive in periods:
            archive["articles"] = sorted(archive["dates"], key=lambda a: position[id(a)])
    return archives


def register():
    ArticlesGenerator._build_period_archives = build_period_archives_linear
