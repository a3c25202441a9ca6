"""WordPress WXR (1.0–1.2) exports: posts and pages, every status.

Parsed with defusedxml (no entity expansion, no external entities: an export
is untrusted). Dates come from the ``_gmt`` fields (the local ones depend on
the old site's setting); slugs are stored percent-encoded and are decoded;
the primary category is the first ``category`` element (WordPress writes
them in term order; the others become tags); attachments give the featured
image (``_thumbnail_id``) and ``[gallery]`` pictures; comments are counted.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path
from urllib.parse import unquote, urlsplit

from defusedxml import ElementTree

from .body import expand_shortcodes
from .model import DRAFT, PENDING, PRIVATE, PUBLISHED, SCHEDULED, TRASH, ImportSourceError, Record

MAX_WXR_BYTES = 512 * 1024 * 1024
_NS = {"wp": None, "content": "http://purl.org/rss/1.0/modules/content/",
       "excerpt": None, "dc": "http://purl.org/dc/elements/1.1/"}
_STATUS = {"publish": PUBLISHED, "future": SCHEDULED, "draft": DRAFT, "pending": PENDING,
           "private": PRIVATE, "trash": TRASH, "auto-draft": TRASH}


def _parse(path: Path):
    path = Path(path)
    try:
        if path.stat().st_size > MAX_WXR_BYTES:
            raise ImportSourceError(f"Tệp {path} quá lớn.")
        return ElementTree.parse(str(path)).getroot()
    except OSError:
        raise ImportSourceError(f"Không mở được tệp {path}.") from None
    except ElementTree.ParseError as e:
        raise ImportSourceError(f"Tệp {path} không phải XML hợp lệ ({e}).") from None
    except Exception as e:  # defusedxml's refusals (entities, DTD)
        raise ImportSourceError(f"Tệp {path} bị từ chối vì lý do an toàn ({type(e).__name__}).") from None


def _child(el, local: str) -> str:
    for c in el:
        tag = c.tag.rsplit("}", 1)[-1]
        prefix = c.tag[1:].split("}")[0] if c.tag.startswith("{") else ""
        if tag == local.split(":")[-1] and (":" not in local or local.split(":")[0] in _prefix_of(prefix)):
            return (c.text or "").strip() if local != "content:encoded" else (c.text or "")
    return ""


def _prefix_of(uri: str) -> str:
    if "wordpress.org/export" in uri:
        return "wp"
    if "excerpt" in uri:
        return "excerpt"
    if "content" in uri:
        return "content"
    if "purl.org/dc" in uri:
        return "dc"
    return ""


def _children(el, local: str):
    return [c for c in el if c.tag.rsplit("}", 1)[-1] == local]


def _gmt(value: str) -> dt.datetime | None:
    if not value or value.startswith("0000"):
        return None
    try:
        return dt.datetime.strptime(value, "%Y-%m-%d %H:%M:%S").replace(tzinfo=dt.timezone.utc)
    except ValueError:
        return None


def site_url(path: Path) -> str:
    channel = _parse(path).find("channel")
    return _child(channel, "wp:base_blog_url") or _child(channel, "link") if channel is not None else ""


def read(path: Path, where: str = ""):
    root = _parse(path)
    channel = root.find("channel")
    if channel is None or not _child(channel, "wp:wxr_version"):
        raise ImportSourceError(f"{where or path}: không phải tệp xuất của WordPress (thiếu wp:wxr_version).")
    authors = {_child(a, "wp:author_login"): _child(a, "wp:author_display_name") or _child(a, "wp:author_login")
               for a in _children(channel, "author")}
    cat_parent = {}
    cat_name = {}
    for c in _children(channel, "category"):
        nice = _child(c, "wp:category_nicename")
        cat_name[nice] = _child(c, "wp:cat_name") or nice
        cat_parent[nice] = _child(c, "wp:category_parent")
    parents = {cat_name[n]: cat_name.get(p, "") for n, p in cat_parent.items() if p}
    items = _children(channel, "item")
    attachments, by_parent = {}, {}
    for item in items:
        if _child(item, "wp:post_type") == "attachment":
            url = _child(item, "wp:attachment_url")
            pid = _child(item, "wp:post_id")
            attachments[pid] = url
            by_parent.setdefault(_child(item, "wp:post_parent"), []).append(url)
    records, notes, skipped_types = [], [], {}
    for item in items:
        kind = _child(item, "wp:post_type")
        if kind not in ("post", "page"):
            if kind != "attachment":
                skipped_types[kind] = skipped_types.get(kind, 0) + 1
            continue
        pid = _child(item, "wp:post_id")
        status = _child(item, "wp:status")
        meta = {_child(m, "wp:meta_key"): _child(m, "wp:meta_value") for m in _children(item, "postmeta")}
        cats = [(c.get("nicename"), (c.text or "").strip()) for c in _children(item, "category") if c.get("domain") == "category"]
        tags = [(c.text or "").strip() for c in _children(item, "category") if c.get("domain") == "post_tag"]
        comments = [c for c in _children(item, "comment") if _child(c, "wp:comment_approved") in ("1", "0")]
        link = _child(item, "link")
        warnings = []
        if _child(item, "wp:post_password"):
            warnings.append("bài có mật khẩu trên trang cũ: nhập ở dạng bản nháp để người phụ trách xem lại")
            status = "draft"
        if status == "private":
            warnings.append("bài riêng tư trên trang cũ: nhập ở dạng bản nháp")
        if status not in _STATUS:
            warnings.append(f"trạng thái lạ “{status}”")
        if _child(item, "wp:is_sticky") == "1":
            warnings.append("bài được ghim trên trang cũ (trang mới không ghim bài)")
        thumb = meta.get("_thumbnail_id", "")
        image = attachments.get(thumb, "")
        if thumb and not image:
            warnings.append(f"ảnh đại diện (tệp đính kèm {thumb}) không có trong bản xuất")
        date = _gmt(_child(item, "wp:post_date_gmt"))
        if date is None:
            local = _child(item, "wp:post_date")
            try:  # drafts have no GMT date: the local one, read as the site's time
                date = dt.datetime.strptime(local, "%Y-%m-%d %H:%M:%S") if local and not local.startswith("0000") else None
            except ValueError:
                date = None
        old_urls = []
        if status in ("publish", "future") and link and "?" not in link:
            old_urls.append(link)
        elif link:
            old_urls.append(link)
        records.append(Record(
            source="wordpress", old_id=pid, title=_child(item, "title"), kind="article" if kind == "post" else "page",
            body_html=_child(item, "content:encoded"), summary=_child(item, "excerpt:encoded"),
            date=date, modified=_gmt(_child(item, "wp:post_modified_gmt")),
            status=_STATUS.get(status, DRAFT), categories=[n for _, n in cats], category_parents=parents,
            tags=tags, authors=[authors.get(_child(item, "dc:creator"), _child(item, "dc:creator"))],
            image=image, image_alt=title_alt(meta), old_urls=old_urls,
            alias=unquote(_child(item, "wp:post_name")), parent_id=(_child(item, "wp:post_parent") if kind == "page" and _child(item, "wp:post_parent") != "0" else ""),
            order=int(_child(item, "wp:menu_order") or 0) if kind == "page" else None,
            comments=len(comments), warnings=warnings,
            attachments=by_parent.get(pid, [])))
    for kind, n in sorted(skipped_types.items()):
        notes.append(f"bỏ qua {n} mục loại “{kind}” (không phải bài viết hay trang)")
    shortcodes = partial(_shortcodes, attachments)
    return records, notes, shortcodes


def title_alt(meta: dict) -> str:
    return meta.get("_wp_attachment_image_alt", "")


def _shortcodes(attachments, html):
    return expand_shortcodes(html, attachments)


def relative_upload(url: str) -> str:
    return urlsplit(url).path
