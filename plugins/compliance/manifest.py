"""Build the checker's page manifest from a Pelican context.

Only attribute access on content objects; no Pelican import, so the module
stays importable in unit tests with simple stand-ins.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from truongweb.plugins.content_schema import levels
from truongweb.plugins.content_schema import SECTION_URLS
from truongweb.plugins.vietnamese.dates import format_date

# Every section key's URL; a site's manifest holds those of its level
# (levels.resolve), whether or not a plugin wrote them.
DEFAULT_SECTION_URLS = SECTION_URLS


def _save(obj) -> str | None:
    return getattr(obj, "save_as", None) or None


def build_manifest(context: dict, settings: dict, as_of: dt.date,
                   published_urls: list[str] | None) -> dict:
    school = settings.get("SCHOOL") or {}
    articles = list(context.get("articles") or [])
    pages = list(context.get("pages") or [])
    categories = [c for c, _arts in (context.get("categories") or [])]
    tags = [t for t, _arts in (context.get("tags") or [])]
    sections = context.get("school_sections")
    # Every section the level requires, whether or not a plugin wrote it: a
    # site without one fails its rules instead of passing them vacuously.
    level = levels.resolve(school)
    section_urls = level.section_urls()

    by_category: dict[str, str] = {}
    for art in articles:
        by_category.setdefault(art.category.name, art.save_as)

    documents = [f"{d.url}index.html" for d in sections.documents] if sections else []
    disclosures = [f"{i.url}index.html" for i in sections.disclosures] if sections else []
    disclosure_groups: dict[str, list[str]] = {}
    if sections:
        for i in sections.disclosures:
            disclosure_groups.setdefault(i.group, []).append(f"{i.url}index.html")

    def setting_path(key: str) -> str | None:
        value = settings.get(key)
        return value or None

    category_feeds = {}
    pattern = settings.get("CATEGORY_FEED_ATOM")
    if pattern:
        for c in categories:
            category_feeds[c.name] = pattern.format(slug=c.slug)

    home = "index.html"
    sample = [home]
    # One page per template: the article template is the same for every category.
    sample += sorted(set(by_category.values()))[:1]
    if pages:
        sample.append(_save(pages[0]))
    if categories:
        sample.append(_save(categories[0]))
    if tags:
        sample.append(_save(tags[0]))
    for key in ("ARCHIVES_SAVE_AS",):
        if settings.get(key):
            sample.append(settings[key])
    sample += [u + "index.html" for u in section_urls.values()]
    sample += documents[:1] + disclosures[:1]

    return {
        "schema": 1,
        "as_of": as_of.isoformat(),
        "level": {"level": level.code, "stages": list(level.stages),
                  "sections_extra": list(school.get("sections_extra") or ())},
        # Not public pages (the web editor): no rule applies to them.
        "exclude": list(settings.get("COMPLIANCE_EXCLUDE", ["admin/"])),
        "site": {
            "name": school.get("name") or settings.get("SITENAME"),
            "parent_url": school.get("parent_url"),
            "authority_url": school.get("authority_url"),
            "responsible": school.get("responsible"),
            "url": settings.get("SITEURL") or "",
        },
        "home": home,
        "sample": [p for p in dict.fromkeys(sample) if p],
        "articles": [
            {
                "path": a.save_as,
                "category": a.category.name,
                "source": getattr(a, "source", None),
                "source_date": _source_date(getattr(a, "source_date", None)),
            }
            for a in articles
        ],
        "article_sample": sorted(set(by_category.values())),
        "pages": [{"path": p.save_as, "slug": p.slug} for p in pages if p.save_as],
        "categories": [_save(c) for c in categories if _save(c)],
        "category_names": [c.name for c in categories],
        "sections": {k: v + "index.html" for k, v in section_urls.items()},
        "documents": documents,
        "disclosures": disclosures,
        "disclosure_groups": disclosure_groups,
        "feeds": {"all": setting_path("FEED_ALL_ATOM"), "categories": category_feeds},
        "downtime": settings.get("DOWNTIME_NOTICE") or None,
        "published_urls": published_urls,
        # One page per week of the weekly sections (scopes @week_pages.<key>).
        "week_pages": _week_pages(context.get("weekly")),
        # The weekly plugin's menu weeks and whether the menu rule applies
        # (plugins/weekly/generator.menu_manifest); without that plugin, by level.
        "menus": context.get("weekly_menus") or _default_menus(school),
    }


def _week_pages(weekly) -> dict:
    if weekly is None:
        return {}
    return {
        key: [f"{weekly.urls[kind]}{week.slug}/index.html" for week in getattr(weekly, attr)]
        for key, kind, attr in (("lich_cong_tac", "schedule", "schedules"),
                                ("thuc_don", "menu", "menus"))
    }


def _default_menus(school: dict) -> dict:
    from truongweb.plugins.weekly.weeks import menus_required

    return {"required": menus_required(school, False), "weeks": [],
            "page": "thuc-don/{week}/index.html"}


def _source_date(value) -> str | None:
    """The article template shows source_date with the vn_date filter
    (dd/mm/yyyy); the checker looks for that text."""
    if value is None or value == "":
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return format_date(value)
    try:
        return format_date(dt.date.fromisoformat(str(value)[:10]))
    except ValueError:
        return str(value)


def read_url_list(path: Path) -> list[str]:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
