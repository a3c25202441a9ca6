"""RSS 2.0 and Atom feeds (a file or an http(s) address), parsed with defusedxml.

Full text where the feed has it (``content:encoded``, Atom ``content``);
otherwise the summary plus a link to the original, which the report says.
A download is bounded (20 s, 20 MB) and only http(s).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import urllib.request
from pathlib import Path

from defusedxml import ElementTree

from .model import PUBLISHED, ImportSourceError, Record

MAX_FEED_BYTES = 20 * 1024 * 1024
TIMEOUT = 20
_ATOM = "{http://www.w3.org/2005/Atom}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_DC = "{http://purl.org/dc/elements/1.1/}creator"


def _load(source: str) -> bytes:
    if source.startswith(("http://", "https://")):
        try:
            with urllib.request.urlopen(urllib.request.Request(source, headers={"User-Agent": "truongweb-import"}),
                                        timeout=TIMEOUT) as response:
                data = response.read(MAX_FEED_BYTES + 1)
        except OSError as e:
            raise ImportSourceError(f"Không tải được nguồn tin {source}: {e}") from None
    elif "://" in source:
        raise ImportSourceError(f"Chỉ nhận địa chỉ http:// hoặc https:// hay một tệp: {source}")
    else:
        try:
            data = Path(source).read_bytes()[: MAX_FEED_BYTES + 1]
        except OSError:
            raise ImportSourceError(f"Không mở được tệp {source}.") from None
    if len(data) > MAX_FEED_BYTES:
        raise ImportSourceError(f"Nguồn tin {source} lớn hơn {MAX_FEED_BYTES // 2**20} MB.")
    return data


def _date(text: str | None) -> dt.datetime | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        value = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        try:
            value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return None
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def _t(el, tag) -> str:
    found = el.find(tag)
    return (found.text or "").strip() if found is not None and found.text else ""


def read(source: str):
    """(records, notes, the feed's own site link)."""
    try:
        root = ElementTree.fromstring(_load(source))
    except ElementTree.ParseError as e:
        raise ImportSourceError(f"Nguồn tin {source} không phải XML hợp lệ ({e}).") from None
    except ImportSourceError:
        raise
    except Exception as e:  # defusedxml's refusals
        raise ImportSourceError(f"Nguồn tin {source} bị từ chối vì lý do an toàn ({type(e).__name__}).") from None
    records, summary_only = [], 0
    if root.tag == _ATOM + "feed":
        site = next((l.get("href", "") for l in root.findall(_ATOM + "link") if l.get("rel", "alternate") == "alternate"), "")
        for n, e in enumerate(root.findall(_ATOM + "entry"), 1):
            link = next((l.get("href", "") for l in e.findall(_ATOM + "link") if l.get("rel", "alternate") == "alternate"), "")
            content = e.find(_ATOM + "content")
            body = (content.text or "") if content is not None else ""
            summary = _t(e, _ATOM + "summary")
            only = not body.strip()
            summary_only += only
            records.append(Record(
                source="feed", old_id=_t(e, _ATOM + "id") or link or str(n), title=_t(e, _ATOM + "title"),
                body_html=body or (f"<p>{summary}</p>" if summary else ""), summary=summary,
                date=_date(_t(e, _ATOM + "published") or _t(e, _ATOM + "updated")),
                modified=_date(_t(e, _ATOM + "updated")), status=PUBLISHED,
                categories=[c.get("term", "") for c in e.findall(_ATOM + "category") if c.get("term")],
                authors=[_t(a, _ATOM + "name") for a in e.findall(_ATOM + "author") if _t(a, _ATOM + "name")],
                old_urls=[link] if link else [], summary_only=only, original_link=link))
    else:
        channel = root.find("channel")
        if channel is None:
            raise ImportSourceError(f"Nguồn tin {source}: không phải RSS hay Atom.")
        site = _t(channel, "link")
        for n, e in enumerate(channel.findall("item"), 1):
            link = _t(e, "link")
            body = _t(e, _CONTENT)
            summary = _t(e, "description")
            only = not body
            summary_only += only
            records.append(Record(
                source="feed", old_id=_t(e, "guid") or link or str(n), title=_t(e, "title"),
                body_html=body or summary, summary=summary if body else "",
                date=_date(_t(e, "pubDate")), status=PUBLISHED,
                categories=[c.text.strip() for c in e.findall("category") if c.text and c.text.strip()],
                authors=[a for a in (_t(e, _DC), _t(e, "author")) if a][:1],
                old_urls=[link] if link else [], summary_only=only, original_link=link))
    notes = [f"{len(records)} mục trong nguồn tin"]
    if summary_only:
        notes.append(f"{summary_only} mục chỉ có tóm tắt: bài gồm tóm tắt và liên kết tới bài gốc")
    return records, notes, site
