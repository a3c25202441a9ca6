"""The linear period archives list exactly what Pelican's own code lists."""

from types import SimpleNamespace

from pelican.generators import ArticlesGenerator
from pelican.settings import DEFAULT_CONFIG

from truongweb import pelican_compat
from truongweb.plugins.speed import linear_archives


def fake_articles():
    from datetime import datetime

    return [SimpleNamespace(date=datetime(2025, month, day), n=(month, day))
            for month in (1, 2, 3) for day in (1, 15, 28)]


def test_same_periods_and_articles_as_pelican():
    settings = {**DEFAULT_CONFIG, "YEAR_ARCHIVE_SAVE_AS": "{date:%Y}/index.html",
                "MONTH_ARCHIVE_SAVE_AS": "{date:%Y}/{date:%m}/index.html"}
    articles = fake_articles()[::-1]  # newest first, as Pelican orders them
    dates = sorted(articles, key=lambda a: a.date)
    expected = pelican_compat.original(linear_archives.PERIOD_ARCHIVES)(None, dates, articles, settings)
    actual = linear_archives.build_period_archives_linear(None, dates, articles, settings)
    assert set(actual) == set(expected) == {"year", "month"}
    for granularity in expected:
        assert [a["save_as"] for a in actual[granularity]] == [a["save_as"] for a in expected[granularity]]
        assert [a["articles"] for a in actual[granularity]] == [a["articles"] for a in expected[granularity]]


def test_registered_plugin_replaces_the_builder():
    linear_archives.register()
    assert ArticlesGenerator._build_period_archives is linear_archives.build_period_archives_linear


def test_article_list_membership_is_list_membership():
    articles = fake_articles()
    tagged = linear_archives.ArticleList(articles[::3])
    assert [a for a in articles if a in tagged] == [a for a in articles if a in list(articles[::3])]
    assert tagged == articles[::3] and isinstance(tagged, list)
    extra = articles[1]
    tagged.append(extra)
    assert extra in tagged
    tagged.remove(extra)
    assert extra not in tagged
    tagged += [extra]
    assert extra in tagged and isinstance(tagged, linear_archives.ArticleList)
