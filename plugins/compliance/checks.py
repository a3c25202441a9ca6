"""Check functions named by the rule table (no Pelican import).

Two kinds:
- ``site`` checks: ``fn(site, params, pages) -> (problems, checked)`` or a
  string (the reason the rule does not apply); they may parse pages into
  trees, so rules give them small scopes (representative pages).
- ``scan`` checks: ``fn(text, page, params, site) -> problem | None``, applied
  to the raw text of every page in scope during one shared pass; they must be
  cheap string/regex tests.

Problems are short Vietnamese phrases; the engine prefixes the page path.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import unicodedata
from urllib.parse import urlsplit

CHECKS: dict = {}


def site_check(fn):
    fn.kind = "site"
    CHECKS[fn.__name__] = fn
    return fn


def scan_check(fn):
    fn.kind = "scan"
    CHECKS[fn.__name__] = fn
    return fn


def needs_finished_site(fn):
    """A scan check that looks at other files of the output (so it cannot run
    on a page while the build is still writing the rest of the site)."""
    fn.needs_finished_site = True
    return fn


def _missing(page: str) -> str:
    return f"{page}: trang không tồn tại"


def _filled(node) -> bool:
    """An element that carries what it is there for: a link with a target
    and a name, an image or script with a source, a time with its datetime,
    anything else with text."""
    if node.tag == "a":
        href = node.get("href") or ""
        return bool(node.text() or node.get("aria-label")) and bool(href) and not href.endswith(":")
    if node.tag in ("img", "script"):
        return bool(node.get("src"))
    if node.tag == "time":
        return bool(node.get("datetime"))
    return bool(node.text())


def _trees(site, pages):
    for page in pages:
        yield page, site.tree(page)


# --------------------------------------------------------------------------
# Site checks (parsed pages)


@site_check
def pages_exist(site, params, pages):
    """Every page in scope exists (params.min: at least that many pages)."""
    problems = [_missing(p) for p in pages if not site.exists(p)]
    minimum = params.get("min", 1)
    if len(pages) < minimum:
        problems.append(f"cần ít nhất {minimum} trang, có {len(pages)}")
    return problems, len(pages)


@site_check
def selector_present(site, params, pages):
    """Each page has at least ``min`` elements matching ``selector``
    (with non-empty text when ``nonempty``)."""
    problems = []
    selector, minimum = params["selector"], params.get("min", 1)
    for page, tree in _trees(site, pages):
        if tree is None:
            problems.append(_missing(page))
            continue
        found = tree.select(selector)
        if params.get("nonempty"):
            found = [n for n in found if n.text()]
        if len(found) < minimum:
            problems.append(f"{page}: thiếu {params.get('what', selector)}")
        elif "max" in params and len(found) > params["max"]:
            problems.append(f"{page}: có {len(found)} phần tử, cần {params.get('what', selector)}")
    if not pages:
        problems.append("không có trang nào để kiểm tra")
    return problems, len(pages)


@site_check
def selector_absent(site, params, pages):
    """No page has an element matching ``selector``."""
    problems = []
    for page, tree in _trees(site, pages):
        if tree is None:
            problems.append(_missing(page))
        elif tree.select(params["selector"]):
            problems.append(f"{page}: có {params.get('what', params['selector'])}")
    return problems, len(pages)


@site_check
def each_has(site, params, pages):
    """Every element matching ``each`` (at least ``min``) contains every
    selector of ``require`` with non-empty text or href."""
    problems, count = [], 0
    for page, tree in _trees(site, pages):
        if tree is None:
            problems.append(_missing(page))
            continue
        items = tree.select(params["each"])
        count += len(items)
        if len(items) < params.get("min", 1):
            problems.append(f"{page}: không có {params.get('what', params['each'])}")
        for i, item in enumerate(items, 1):
            heading = item.select_one("h2, h3, summary, th")
            label = heading.text()[:60] if heading is not None else params.get("what", f"mục {i}")
            for req, name in params["require"].items():
                nodes = [n for n in item.select(req) if _filled(n)]
                if not nodes:
                    problems.append(f"{page}: “{label}” thiếu {name}")
    return problems, count


@site_check
def labels_present(site, params, pages):
    """Some page in scope has, for every label of ``labels``, an element
    matching ``selector`` whose text contains it (case-insensitive)."""
    texts = []
    for page, tree in _trees(site, pages):
        if tree is None:
            return [_missing(page)], len(pages)
        texts += [n.text().casefold() for n in tree.select(params["selector"])]
    problems = [
        f"thiếu mục “{label}”"
        for label in params["labels"]
        if not any(label.casefold() in t for t in texts)
    ]
    return problems, len(params["labels"])


@site_check
def tables_described(site, params, pages):
    """Pages together hold at least ``min`` tables; every table has a
    non-empty caption and header cells; ``captions`` keywords each occur in
    some caption."""
    problems, captions, count = [], [], 0
    for page, tree in _trees(site, pages):
        if tree is None:
            problems.append(_missing(page))
            continue
        for table in tree.select("table"):
            count += 1
            caption = table.select_one("caption")
            if caption is None or not caption.text():
                problems.append(f"{page}: bảng thứ {count} không có tiêu đề <caption>")
            else:
                captions.append(caption.text().casefold())
            if not table.select("th"):
                problems.append(f"{page}: bảng thứ {count} không có ô tiêu đề <th>")
    if count < params.get("min", 1):
        problems.append(f"cần ít nhất {params.get('min', 1)} bảng số liệu, có {count}")
    for word in params.get("captions", []):
        if not any(word.casefold() in c for c in captions):
            problems.append(f"không có bảng nào về “{word}”")
    return problems, count


@site_check
def groups_filled(site, params, pages):
    """On the disclosure index, each group id of ``groups`` is a section with
    at least one item linking to an existing page."""
    problems = []
    for page, tree in _trees(site, pages):
        if tree is None:
            return [_missing(page)], 0
        for group in params["groups"]:
            section = tree.select_one(f"#{group}")
            if section is None:
                problems.append(f"{page}: thiếu nhóm “{group}”")
                continue
            links = section.select(params.get("item", "[data-role=muc-cong-khai] a[href]"))
            if not links:
                problems.append(f"{page}: nhóm “{group}” chưa có mục nào")
            for a in links:
                target = _local_target(site, page, a.get("href"))
                if target and not site.exists(target):
                    problems.append(f"{page}: nhóm “{group}” trỏ tới trang không có: {target}")
            for word in (params.get("titles") or {}).get(group, []):
                if not any(word.casefold() in a.text().casefold() for a in links):
                    problems.append(f"{page}: nhóm “{group}” thiếu mục “{word}”")
    return problems, len(params["groups"])


@site_check
def annual_reports(site, params, pages):
    """Annual reports for each of the last ``years`` years are linked from the
    disclosure index, each page existing and offering a file. Before the
    publication deadline (``deadline``, MM-DD) the current year is not due."""
    deadline = dt.date.fromisoformat(f"{site.as_of.year}-{params.get('deadline', '06-30')}")
    last = site.as_of.year if site.as_of > deadline else site.as_of.year - 1
    wanted = list(range(last - params["years"] + 1, last + 1))
    problems = []
    for page, tree in _trees(site, pages):
        if tree is None:
            return [_missing(page)], 0
        found = {}
        for item in tree.select(params["item"]):
            year = item.get("data-year")
            link = item.select_one("a[href]")
            if year and year.isdigit() and link is not None:
                found[int(year)] = _local_target(site, page, link.get("href"))
        for year in wanted:
            if year not in found:
                problems.append(f"thiếu báo cáo thường niên năm {year}")
                continue
            target = found[year]
            tree2 = site.tree(target) if target else None
            if tree2 is None:
                problems.append(f"báo cáo năm {year}: trang {target} không tồn tại")
            elif not tree2.select(params["file"]):
                problems.append(f"báo cáo năm {year}: trang {target} không có tệp đính kèm")
            else:
                for a in tree2.select(params["file"]):
                    t = _local_target(site, target, a.get("href"))
                    if t and not site.exists(t):
                        problems.append(f"báo cáo năm {year}: thiếu tệp {t}")
    return problems, len(wanted)


@site_check
def links_to(site, params, pages):
    """Pages together link to every host in ``hosts`` and hold at least
    ``min`` external https links."""
    hosts, count = set(), 0
    for page, tree in _trees(site, pages):
        if tree is None:
            return [_missing(page)], 0
        for a in tree.select("a[href^=https://]"):
            count += 1
            hosts.add(urlsplit(a.get("href")).hostname or "")
    wanted = dict(params.get("hosts") or {})
    for key, name in (params.get("site_hosts") or {}).items():
        url = (site.manifest.get("site") or {}).get(key)
        if url:
            wanted[urlsplit(url).hostname] = name
    problems = [
        f"thiếu liên kết tới {name} ({host})"
        for host, name in wanted.items()
        if not any(h == host or h.endswith("." + host) for h in hosts)
    ]
    if count < params.get("min", 1):
        problems.append(f"cần ít nhất {params.get('min', 1)} liên kết, có {count}")
    return problems, count


@site_check
def links_cover(site, params, pages):
    """The page(s) link, inside ``within`` (default ``main``), to every page
    of the manifest scopes in ``targets``."""
    linked = set()
    for page, tree in _trees(site, pages):
        if tree is None:
            return [_missing(page)], 0
        for a in tree.select(f"{params.get('within', 'main')} a[href]"):
            t = _local_target(site, page, a.get("href"))
            if t:
                linked.add(t)
    targets = [t for t in site.resolve_scope(params["targets"]) if t not in pages]
    problems = [f"không có liên kết tới {t}" for t in targets if t not in linked]
    return problems, len(targets)


@site_check
def sitemap_xml(site, params, pages):
    """``sitemap.xml`` exists and lists every page of the scopes in ``targets``."""
    text = site.text(params.get("file", "sitemap.xml"))
    if text is None:
        return [f"không có tệp {params.get('file', 'sitemap.xml')}"], 0
    listed = set()
    for loc in re.findall(r"<loc>\s*([^<\s]+)\s*</loc>", text):
        t = _local_target(site, "", loc)
        if t:
            listed.add(t)
    # A page that was not written at all is the concern of the rule requiring it.
    targets = [t for t in site.resolve_scope(params["targets"]) if site.exists(t)]
    problems = [f"sitemap.xml không liệt kê {t}" for t in targets if t not in listed]
    return problems, len(targets)


@site_check
def feeds_present(site, params, pages):
    """Home links an Atom feed that exists; every category has its feed."""
    problems = []
    feeds = site.manifest.get("feeds") or {}
    main = feeds.get("all")
    if not main:
        problems.append("chưa bật tin Atom tổng (FEED_ALL_ATOM)")
    elif not site.exists(main):
        problems.append(f"không có tệp tin Atom {main}")
    else:
        for page, tree in _trees(site, pages):
            if tree is None or not tree.select("link[rel=alternate][type=application/atom+xml]"):
                problems.append(f"{page}: thiếu <link rel=alternate> tới tin Atom")
    categories = feeds.get("categories") or {}
    for name in site.manifest.get("category_names", []):
        path = categories.get(name)
        if not path:
            problems.append(f"chuyên mục “{name}” chưa có tin Atom riêng")
        elif not site.exists(path):
            problems.append(f"không có tệp tin Atom {path}")
    return problems, 1 + len(categories)


@site_check
def search_available(site, params, pages):
    """Each page has a search form whose action page exists."""
    problems = []
    for page, tree in _trees(site, pages):
        if tree is None:
            problems.append(_missing(page))
            continue
        form = tree.select_one(params["selector"])
        if form is None:
            problems.append(f"{page}: không có ô tìm kiếm")
            continue
        target = _local_target(site, page, form.get("action") or "")
        if not target or not site.exists(target):
            problems.append(f"{page}: trang tìm kiếm {form.get('action')} không tồn tại")
    return problems, len(pages)


@site_check
def previous_urls_kept(site, params, pages):
    """URLs published before (one per line in the manifest's
    ``published_urls``) still exist."""
    urls = site.manifest.get("published_urls")
    if urls is None:
        return "chưa khai báo danh sách đường dẫn đã công bố (COMPLIANCE_PUBLISHED_URLS)"
    problems = []
    for url in urls:
        t = _local_target(site, "", url)
        if t and not site.exists(t):
            problems.append(f"đường dẫn đã công bố không còn: /{t.removesuffix('index.html')}")
    return problems, len(urls)


@site_check
def downtime_notice(site, params, pages):
    """When a planned downtime is set, every sampled page shows the notice."""
    notice = site.manifest.get("downtime")
    if not notice:
        return "không có lịch tạm ngừng hoạt động được khai báo"
    problems = []
    for page, tree in _trees(site, pages):
        if tree is None:
            problems.append(_missing(page))
        elif not [n for n in tree.select(params["selector"]) if n.text()]:
            problems.append(f"{page}: không hiển thị thông báo tạm ngừng hoạt động")
    return problems, len(pages)


@site_check
def repost_source_shown(site, params, pages):
    """Articles with a ``source`` show the source name (and its date)."""
    problems, count = [], 0
    for art in site.manifest.get("articles", []):
        if not art.get("source"):
            continue
        count += 1
        # The manifest holds the raw name, the page its escaped HTML
        # ("Giáo dục &amp; Thời đại"): compare text with text.
        text = html.unescape(site.text(art["path"]) or "")
        if art["source"] not in text:
            problems.append(f"{art['path']}: không hiển thị nguồn “{art['source']}”")
        elif art.get("source_date") and art["source_date"] not in text:
            problems.append(f"{art['path']}: không hiển thị ngày của nguồn {art['source_date']}")
    return problems, count


@site_check
def stylesheets_first_party(site, params, pages):
    """No stylesheet of the site (every ``.css`` file in the output) fetches
    from another host (``url()``, ``@import``): one such line, a web font
    say, is a request to a third party on every page that uses the file."""
    from .resources import css_urls, url_host

    base_host = urlsplit((site.manifest.get("site") or {}).get("url") or "").hostname
    problems, count = [], 0
    for rel in site.all_files():
        if not rel.endswith(".css") or not site.exists(rel):
            continue
        count += 1
        text = site.text(rel)
        if text is None:
            problems.append(f"{rel}: không đọc được theo mã UTF-8")
            continue
        hosts = [h for h in map(url_host, css_urls(text)) if h and h != base_host]
        if hosts:
            problems.append(f"{rel}: nạp tài nguyên của bên thứ ba ({hosts[0]})")
    return problems, count


@site_check
def min_items(site, params, pages):
    """The manifest list ``key`` holds at least ``min`` items."""
    items = site.manifest.get(params["key"]) or []
    problems = []
    if len(items) < params.get("min", 1):
        problems.append(f"cần ít nhất {params.get('min', 1)} {params['what']}, có {len(items)}")
    return problems, len(items)


@site_check
def nav_links(site, params, pages):
    """The navigation (``nav``) of each page links to every path of ``targets``."""
    problems = []
    for page, tree in _trees(site, pages):
        if tree is None:
            problems.append(_missing(page))
            continue
        nav = tree.select_one(params["nav"])
        if nav is None:
            problems.append(f"{page}: không có menu chính")
            continue
        linked = {_local_target(site, page, a.get("href")) for a in nav.select("a[href]")}
        for target in params["targets"]:
            wanted = target + "index.html" if not target or target.endswith("/") else target
            if wanted not in linked:
                problems.append(f"{page}: menu chính thiếu liên kết tới /{target}")
    return problems, len(pages)


@site_check
def skip_link(site, params, pages):
    """The first link of the body jumps to an element id on the same page."""
    problems = []
    for page, tree in _trees(site, pages):
        if tree is None:
            problems.append(_missing(page))
            continue
        body = tree.select_one("body")
        first = body.select_one("a[href]") if body is not None else None
        href = first.get("href") if first is not None else ""
        if not href.startswith("#") or len(href) < 2:
            problems.append(f"{page}: liên kết đầu tiên không phải liên kết bỏ qua tới nội dung chính")
        elif tree.select_one(f"#{href[1:]}") is None:
            problems.append(f"{page}: liên kết bỏ qua trỏ tới {href} không tồn tại")
    return problems, len(pages)


@site_check
def link_text(site, params, pages):
    """Every link has an accessible name that is not a generic phrase."""
    banned = {b.casefold() for b in params.get("banned", [])}
    problems = []
    for page, tree in _trees(site, pages):
        if tree is None:
            problems.append(_missing(page))
            continue
        for a in tree.select("a[href]"):
            name = a.get("aria-label") or a.text() or " ".join(
                img.get("alt", "") for img in a.select("img")).strip() or a.get("title", "")
            if not name.strip():
                problems.append(f"{page}: liên kết tới {a.get('href')} không có nội dung")
            elif name.strip().casefold() in banned:
                problems.append(f"{page}: liên kết “{name.strip()}” không rõ nghĩa")
    return problems, len(pages)


# --------------------------------------------------------------------------
# Scan checks (raw text, every page in scope)

_META_RE = re.compile(r"<meta\s[^>]*>", re.I)
_ATTR_RE = re.compile(r'([\w:.-]+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\'|([^\s>]+))')
_ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$")


def _attrs(tag: str) -> dict[str, str]:
    return {m.group(1).lower(): m.group(2) or m.group(3) or m.group(4) or "" for m in _ATTR_RE.finditer(tag)}


_last_metas: list = [None, None]  # (text, metas): rules run one page at a time


def _metas(text: str) -> list[dict[str, str]]:
    if _last_metas[0] is text:
        return _last_metas[1]
    end = text.find("</head>")
    metas = [_attrs(t) for t in _META_RE.findall(text[: end if end >= 0 else 20000])]
    _last_metas[:] = [text, metas]
    return metas


@scan_check
def must_match(text, page, params, site):
    """The page matches the regular expression ``pattern`` (or each of
    ``patterns``, a mapping pattern -> what is missing). Case-sensitive, so
    the regex engine can search for the literal start quickly."""
    patterns = params.get("patterns") or {params["pattern"]: params["what"]}
    missing = [what for pattern, what in patterns.items()
               if not re.search(pattern, text, re.S)]
    if missing:
        return "thiếu " + ", ".join(missing)
    return None


@scan_check
def must_not_match(text, page, params, site):
    """The page does not match the regular expression ``pattern``
    (case-sensitive). ``unless_absent``: words of which at least one must
    occur for the pattern to be tried at all (a fast plain-text pre-test)."""
    words = params.get("unless_absent")
    if words and not any(w in text for w in words):
        return None
    m = re.search(params["pattern"], text, re.S)
    if m:
        return f"có {params['what']}: {m.group(0)[:80]!r}"
    return None


# The starter files' marker (truongweb.scaffold.PLACEHOLDER): "[Cần điền: what]".
_PLACEHOLDER_RE = re.compile(r"\[Cần điền:\s*([^\]<>]{1,300}?)\s*\]")


@scan_check
def no_placeholders(text, page, params, site):
    """The page shows no "[Cần điền: …]" left from the starter files; the
    problem names what is still to be filled in (each once)."""
    if "Cần điền" not in text:
        return None
    found = list(dict.fromkeys(m.group(1) for m in _PLACEHOLDER_RE.finditer(text)))
    if not found:
        return None
    limit = params.get("max_shown", 8)
    shown = "; ".join(found[:limit])
    more = f"; … và {len(found) - limit} chỗ khác" if len(found) > limit else ""
    return f"còn {len(found)} chỗ cần điền: {shown}{more}"


@scan_check
def contains_setting(text, page, params, site):
    """The page contains the manifest value ``key`` (e.g. the school's name)."""
    value = (site.manifest.get("site") or {}).get(params["key"])
    if not value:
        return f"chưa cấu hình {params['what']}"
    if value not in text:
        return f"thiếu {params['what']} “{value}”"
    return None


@scan_check
def dublin_core(text, page, params, site):
    """The required Dublin Core meta tags are present and non-empty; date
    fields are ISO 8601."""
    found = {}
    for attrs in _metas(text):
        name = attrs.get("name", "")
        if name.lower().startswith("dc."):
            found[name[3:].lower()] = attrs.get("content", "").strip()
    missing = [f"DC.{n}" for n in params["required"] if not found.get(n.lower())]
    if missing:
        return "thiếu thẻ Dublin Core " + ", ".join(missing)
    for n in params.get("dates", []):
        if not _ISO_DATE_RE.match(found.get(n.lower(), "")):
            return f"DC.{n} không theo ISO 8601: “{found.get(n.lower())}”"
    return None


_TIME_RE = re.compile(r"<time\s[^>]*datetime\s*=\s*\"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))\"", re.I)


@scan_check
def time_with_zone(text, page, params, site):
    """A ``<time datetime>`` carrying a date, a time and a time zone."""
    if not _TIME_RE.search(text):
        return "không có <time datetime> đủ ngày, giờ và múi giờ"
    return None


_IMG_RE = re.compile(r"<img\s[^>]*>", re.I)
_TABLE_RE = re.compile(r"<table\b.*?</table>", re.I | re.S)
_TH_RE = re.compile(r"<th[\s>]", re.I)


@scan_check
def images_have_alt(text, page, params, site):
    """Every ``<img>`` has an ``alt`` attribute (empty only when decorative)."""
    for tag in _IMG_RE.findall(text):
        attrs = _attrs(tag)
        if "alt" not in attrs and not re.search(r"\salt(\s|>|/)", tag):
            return f"ảnh không có văn bản thay thế (alt): {attrs.get('src', '?')}"
    return None


@scan_check
def tables_have_headers(text, page, params, site):
    """Every data table has header cells (``<th>``); layout tables with
    ``role=presentation`` are exempt."""
    for table in _TABLE_RE.findall(text):
        opening = table[: table.find(">") + 1]
        if 'role="presentation"' in opening:
            continue
        if not _TH_RE.search(table):
            return "bảng dữ liệu không có ô tiêu đề <th>"
    return None


@scan_check
def unicode_nfc(text, page, params, site):
    """The page declares UTF-8 and its text is in Unicode NFC."""
    if not re.search(r"<meta\s+charset=\"?utf-8", text[:2000], re.I):
        return "thiếu <meta charset=\"utf-8\"> ở đầu trang"
    if not unicodedata.is_normalized("NFC", text):
        for i, ch in enumerate(text):
            if not unicodedata.is_normalized("NFC", text[max(0, i - 1): i + 2]):
                snippet = text[max(0, i - 20): i + 20].replace("\n", " ")
                return f"văn bản không ở dạng Unicode dựng sẵn (NFC) gần “{snippet}”"
        return "văn bản không ở dạng Unicode dựng sẵn (NFC)"
    return None


_ASSET_RE = re.compile(
    r"<(?:img|script|iframe|audio|video|source|embed|track)\s[^>]*\bsrc\s*=\s*[\"']?http://[^\"'\s>]*"
    r"|<link\s[^>]*\brel\s*=\s*[\"']?(?:stylesheet|icon|preload|modulepreload)[^>]*\bhref\s*=\s*[\"']?http://[^\"'\s>]*"
    r"|<link\s[^>]*\bhref\s*=\s*[\"']?http://[^\"'\s>]*[^>]*\brel\s*=\s*[\"']?(?:stylesheet|icon|preload|modulepreload)"
    r"|<object\s[^>]*\bdata\s*=\s*[\"']?http://[^\"'\s>]*"
    r"|url\(\s*[\"']?http://[^)]*\)",
    re.I,
)


@scan_check
def no_http_assets(text, page, params, site):
    """No resource is loaded over plain ``http://`` (mixed content)."""
    if "http://" not in text:
        return None
    m = _ASSET_RE.search(text)
    if m:
        return f"tài nguyên tải qua http:// (không mã hóa): {m.group(0)[:100]!r}"
    return None


@scan_check
def no_third_party_scripts(text, page, params, site):
    """Nothing on the page has the browser contact another host by itself
    (see ``resources``: resource attributes, CSS, inline script, refresh);
    no known tracker's code. Parses the page: the only scan check that does,
    the one whose evasion costs the readers' privacy."""
    from .resources import third_party_requests

    base_host = urlsplit((site.manifest.get("site") or {}).get("url") or "").hostname
    requests = third_party_requests(text, base_host)
    if requests:
        hosts = list(dict.fromkeys(host for _where, host in requests))
        where = requests[0][0]
        more = f" và {len(hosts) - 1} máy chủ khác" if len(hosts) > 1 else ""
        return f"nạp tài nguyên của bên thứ ba ({hosts[0]}{more}) qua {where}"
    for word in params.get("trackers", []):
        if word in text:
            return f"có mã theo dõi “{word}”"
    return None


_TAG_RE = re.compile(r"<[^>]+>")


@scan_check
def no_id_numbers(text, page, params, site):
    """Visible text holds no number shaped like a citizen ID (``pattern``,
    e.g. CCCD: 0 and 11 more digits) standing alone (not part of a longer
    number)."""
    for m in re.finditer(params["pattern"], text):
        before = text[m.start() - 1: m.start()]
        after = text[m.end(): m.end() + 1]
        if (before and before in "0123456789.,") or (after and after in "0123456789.,"):
            continue
        # Inside a tag (an attribute value) it is not visible text.
        if text.rfind("<", 0, m.start()) > text.rfind(">", 0, m.start()):
            continue
        return f"có dãy số giống số căn cước công dân: {m.group(0)}"
    return None


_DL_RE = re.compile(r"<dl\b[^>]*>.*?</dl>", re.S)
_DT_DD_RE = re.compile(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", re.S)


@scan_check
def dl_fields(text, page, params, site):
    """The description list marked ``role`` (``data-role``) has a non-empty
    ``<dd>`` after a ``<dt>`` for every label of ``labels``."""
    marker = f'data-role="{params["role"]}"'
    block = next((m.group(0) for m in _DL_RE.finditer(text) if marker in m.group(0)[:300]), None)
    if block is None:
        return "không có bảng thông tin"
    values = {_TAG_RE.sub("", dt_).strip(): _TAG_RE.sub("", dd).strip()
              for dt_, dd in _DT_DD_RE.findall(block)}
    missing = [label for label in params["labels"] if not values.get(label)]
    if missing:
        return "thiếu trường " + ", ".join(f"“{m}”" for m in missing)
    return None


@needs_finished_site
@scan_check
def attachment_links(text, page, params, site):
    """At least ``min`` links marked ``role`` point to files present in the
    output, and as many sizes (``size_role``) with a digit are shown."""
    marker = f'data-role="{params["role"]}"'
    links = [t for t in re.findall(r"<a\s[^>]*>", text) if marker in t]
    if len(links) < params.get("min", 1):
        return "không có tệp đính kèm"
    for tag in links:
        href = _attrs(tag).get("href")
        target = _local_target(site, page, href)
        if target is None or not site.exists(target):
            return f"tệp đính kèm không tồn tại: {href}"
    sizes = re.findall(rf'data-role="{params["size_role"]}">[^<]*\d', text)
    if len(sizes) < len(links):
        return "tệp đính kèm không ghi dung lượng"
    return None


def _role_date(text: str, role: str) -> dt.date | None | str:
    m = re.search(rf'<time\s[^>]*datetime="([^"]*)"[^>]*data-role="{role}"', text)
    if m is None:
        return None
    try:
        return dt.date.fromisoformat(m.group(1)[:10])
    except ValueError:
        return "bad"


@scan_check
def date_order(text, page, params, site):
    """The ``late`` date (``<time data-role>``) is not after the ``base``
    date, or not more than ``working_days`` working days after it."""
    base, late = _role_date(text, params["base"]), _role_date(text, params["late"])
    if base is None or late is None:
        return None  # nothing to compare (the deadline is optional)
    if "bad" in (base, late):
        return "ngày không đúng định dạng ISO 8601"
    limit = params.get("working_days")
    if limit is None:
        if late > base:
            return f"{params['what']} ({late:%d/%m/%Y}) sau hạn ({base:%d/%m/%Y})"
        return None
    days = _working_days(base, late)
    if days > limit:
        return f"{params['what']} sau {days} ngày làm việc (quá {limit} ngày)"
    return None


# --------------------------------------------------------------------------
# Helpers


def _local_target(site, page: str, href: str | None) -> str | None:
    """Map a link to an output path (``a/b/index.html``), or None if external."""
    if not href:
        return None
    from .links import link_target  # links imports this module's patterns

    base = (site.manifest.get("site") or {}).get("url") or ""
    rel = link_target(page, href, base)
    if rel is None:
        return None
    if rel == "" or rel.endswith("/"):
        rel += "index.html"
    return rel


def _working_days(start: dt.date, end: dt.date) -> int:
    days, d = 0, start
    while d < end:
        d += dt.timedelta(days=1)
        if d.weekday() < 5:
            days += 1
    return days


# --------------------------------------------------------------------------
# Weekly menus (self-contained: own applicability test, own dates)


@site_check
def menu_published(site, params, pages):
    """The menu of the week owed on the as-of date has its page
    (``params.when``: ``overdue`` or ``due_soon``, see
    ``weekly.weeks.menu_due``). Applies to preschools, boarding schools and
    sites that publish menus (manifest ``menus.required``)."""
    from truongweb.plugins.weekly.weeks import menu_due

    menus = site.manifest.get("menus") or {}
    if not menus.get("required"):
        return "chỉ áp dụng cho trường mầm non, trường có bán trú, nội trú hoặc trang có thực đơn"
    week = getattr(menu_due(site.as_of), params["when"])
    if week is None:
        return "chưa đến hạn đăng thực đơn tuần sau (hạn: trước thứ Bảy)"
    page = menus.get("page", "thuc-don/{week}/index.html").format(week=week.slug)
    if site.exists(page):
        return [], 1
    first, last = week.monday.strftime("%d/%m"), week.sunday.strftime("%d/%m/%Y")
    return [f"chưa có thực đơn tuần {week.number} ({first}–{last}): cần trang {page}"], 1
