"""Related articles for the article page, in linear time.

For each published article: the articles nearest in date that share its first
tag, then the nearest in its category, up to ``RELATED_MAX`` (default 4);
drafts and hidden articles get the same from the published list. Uses only
list positions (no pairwise comparison of all articles), so it stays cheap at
thousands of articles. Signal: ``article_generator_finalized``.
"""

from pelican import signals


def _nearest(sequence, position, exclude, limit):
    """Items of ``sequence`` ordered by distance from ``position``."""
    found = []
    for offset in range(1, len(sequence)):
        for index in (position - offset, position + offset):
            if 0 <= index < len(sequence) and sequence[index] not in exclude:
                found.append(sequence[index])
                exclude.add(sequence[index])
                if len(found) == limit:
                    return found
        if position - offset < 0 and position + offset >= len(sequence):
            break
    return found


def add_related(generator):
    limit = generator.settings.get("RELATED_MAX", 4)
    groups = {}
    for article in generator.articles:
        for key in _group_keys(article):
            groups.setdefault(key, []).append(article)
    positions = {key: {id(a): i for i, a in enumerate(items)} for key, items in groups.items()}

    for article in generator.articles + generator.drafts + generator.hidden_articles:
        chosen = []
        exclude = {article}
        for key in _group_keys(article):
            if key in groups and len(chosen) < limit:
                position = positions[key].get(id(article), 0)
                chosen += _nearest(groups[key], position, exclude, limit - len(chosen))
        article.related = chosen


def _group_keys(article):
    keys = []
    tags = getattr(article, "tags", None) or []
    if tags:
        keys.append(("tag", tags[0].slug))
    keys.append(("category", article.category.slug))
    return keys


def register():
    signals.article_generator_finalized.connect(add_related)
