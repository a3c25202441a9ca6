"""Article bodies from another system made safe for this site (pure, no Pelican).

Order matters: WordPress shortcodes become HTML first; frames and embeds
(YouTube, Facebook video, maps) become plain links, because nothing on a
published page may load from another host; then the allowlist sanitizer
removes scripts, event handlers and ``javascript:`` links; last, ``src`` and
``href`` are rewritten by the caller (old upload paths -> copied pictures,
old article addresses -> the new articles). The sanitizer is the site's own
policy (``plugins/sanitize_html/policy.py``), so an import keeps what a build keeps.
"""

from __future__ import annotations

import html as htmllib
import re
import unicodedata
from urllib.parse import parse_qs, urlsplit

from truongweb.plugins.sanitize_html.policy import sanitize as _site_sanitize

MAX_BODY_CHARS = 1_500_000  # content_schema refuses files over 2 MB


def sanitize(html: str) -> tuple[str, list[str]]:
    """``html`` without anything outside the allowlist, and what was removed."""
    result = _site_sanitize(html)
    return result.html, list(result.removed)


# --- WordPress shortcodes ---------------------------------------------------

_ATTR_RE = re.compile(r'(\w+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\'|(\S+))')
_CAPTION_RE = re.compile(r"\[(caption|wp_caption)\b([^\]]*)\](.*?)\[/\1\]", re.S | re.I)
_GALLERY_RE = re.compile(r"\[gallery\b([^\]]*)\]", re.I)
_EMBED_RE = re.compile(r"\[embed\b[^\]]*\](.*?)\[/embed\]", re.S | re.I)
_MEDIA_RE = re.compile(r"\[(audio|video)\b([^\]]*)\](?:.*?\[/\1\])?", re.S | re.I)
_UNKNOWN_RE = re.compile(r"\[/?([a-z][a-z0-9_-]{1,30})\b[^\]\n]{0,200}\]", re.I)
_IMG_TAG_RE = re.compile(r"<img\b[^>]*>", re.I)


def _attrs(text: str) -> dict[str, str]:
    return {m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None) for m in _ATTR_RE.finditer(text)}


def expand_shortcodes(html: str, attachments: dict[str, str] | None = None,
                      post_attachments: list[str] | None = None) -> tuple[str, list[str]]:
    """WordPress's ``[caption]``, ``[gallery]``, ``[embed]``, ``[audio]`` and
    ``[video]`` as HTML; ``attachments`` maps attachment ids to file URLs and
    ``post_attachments`` lists a post's own attachments (a bare ``[gallery]``).
    Returns the HTML and warnings (other shortcodes, left as text)."""
    attachments = attachments or {}
    warnings: list[str] = []

    def caption(m):
        inner = m.group(3).strip()
        lead = re.match(r"\s*(?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?", inner, re.I)
        head = lead.group(0) if lead else ""
        text = _attrs(m.group(2)).get("caption") or inner[len(head):].strip()
        return f"<figure>{head}<figcaption>{text}</figcaption></figure>"

    def gallery(m):
        a = _attrs(m.group(1))
        ids = [i.strip() for i in a.get("ids", a.get("include", "")).split(",") if i.strip()]
        urls = [attachments[i] for i in ids if i in attachments] if ids else list(post_attachments or [])
        missing = [i for i in ids if i not in attachments]
        if missing:
            warnings.append(f"bộ ảnh [gallery] nhắc tới tệp đính kèm không có trong bản xuất: {', '.join(missing)}")
        if not urls:
            return ""
        items = "".join(f'<li><img src="{htmllib.escape(u)}" alt=""></li>' for u in urls)
        return f'<ul class="gallery">{items}</ul>'

    def embed(m):
        return embed_link(htmllib.unescape(m.group(1).strip()))

    def media(m):
        a = _attrs(m.group(2))
        url = a.get("src") or a.get("mp4") or a.get("mp3") or ""
        return f'<p><a href="{htmllib.escape(url)}">Tệp {"âm thanh" if m.group(1).lower() == "audio" else "video"}</a></p>' if url else ""

    html = _CAPTION_RE.sub(caption, html)
    html = _GALLERY_RE.sub(gallery, html)
    html = _EMBED_RE.sub(embed, html)
    html = _MEDIA_RE.sub(media, html)
    left = sorted({m.group(1).lower() for m in _UNKNOWN_RE.finditer(re.sub(r"<[^>]*>", " ", html))
                   if not m.group(0).startswith("[/")} & _KNOWN_WP_SHORTCODES)
    if left:
        warnings.append("còn mã rút gọn chưa chuyển được (giữ nguyên dạng chữ): "
                        + ", ".join(f"[{n}]" for n in left))
    return html, warnings


_KNOWN_WP_SHORTCODES = {"playlist", "wp_playlist", "contact-form", "contact-form-7", "code",
                        "sourcecode", "audio", "video", "soundcloud", "youtube", "googlemaps",
                        "archives", "portfolio", "slideshow", "tweet", "instagram", "wpvideo"}


# --- Embeds: links, never frames ---------------------------------------------

_FRAME_RE = re.compile(r"<(iframe|embed|object|video|audio)\b([^>]*)>(?:.*?</\1\s*>)?", re.S | re.I)
_SRC_RE = re.compile(r'\b(?:src|data)\s*=\s*(?:"([^"]*)"|\'([^\']*)\'|([^\s>]+))', re.I)


def _youtube_id(url: str) -> str | None:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    if host == "youtu.be":
        return parts.path.strip("/").split("/")[0] or None
    if host in ("youtube.com", "youtube-nocookie.com"):
        if parts.path.startswith(("/embed/", "/v/", "/shorts/")):
            return parts.path.split("/")[2] or None
        return (parse_qs(parts.query).get("v") or [None])[0]
    return None


def embed_link(url: str) -> str:
    """A paragraph with a plain link to ``url`` (a video or post elsewhere),
    named after its host; empty for anything that is not http(s)."""
    if url.startswith("//"):
        url = "https:" + url
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return ""
    video = _youtube_id(url)
    if video and re.fullmatch(r"[\w-]{6,20}", video):
        url, label = f"https://www.youtube.com/watch?v={video}", "Xem video trên YouTube"
    elif "facebook.com" in parts.hostname:
        inner = parse_qs(parts.query).get("href", [None])[0]
        url = inner if inner and inner.startswith("https://") else url
        label = "Xem trên Facebook"
    else:
        label = f"Xem nội dung trên {parts.hostname.removeprefix('www.')}"
    return f'<p class="embed-link"><a href="{htmllib.escape(url)}">{label}</a></p>'


def frames_to_links(html: str) -> tuple[str, int]:
    """Every frame/embed/object/video as a link to what it showed."""
    count = 0

    def replace(m):
        nonlocal count
        count += 1
        src = _SRC_RE.search(m.group(2))
        url = htmllib.unescape(next(g for g in src.groups() if g is not None)) if src else ""
        return embed_link(url.strip())

    return _FRAME_RE.sub(replace, html), count


# --- src / href rewriting ------------------------------------------------------

_URL_ATTR_RE = re.compile(r'\b(src|href)="([^"]*)"')


def rewrite_urls(html: str, resolve) -> str:
    """``resolve(attribute, url)`` gives the new URL, the same one, or None:
    an ``<img>`` whose picture is gone is removed (its alt text stays), a link
    to nowhere keeps its text. Input is sanitizer output (double-quoted)."""

    def img(m):
        tag = m.group(0)
        src = re.search(r'\bsrc="([^"]*)"', tag)
        if not src:
            return ""
        new = resolve("src", htmllib.unescape(src.group(1)))
        if new is None:
            alt = re.search(r'\balt="([^"]*)"', tag)
            return alt.group(1) if alt else ""
        return tag[: src.start(1)] + htmllib.escape(new) + tag[src.end(1):]

    html = _IMG_TAG_RE.sub(img, html)

    def href(m):
        if m.group(1) != "href":
            return m.group(0)
        new = resolve("href", htmllib.unescape(m.group(2)))
        return f'href="{htmllib.escape(new if new is not None else "#")}"'

    html = _URL_ATTR_RE.sub(href, html)
    # links resolved to nothing: keep their text only
    return re.sub(r'<a\b[^>]*href="#"[^>]*>(.*?)</a>', r"\1", html, flags=re.S)


def plain_text(html: str) -> str:
    """Text of stored-escaped HTML (NukeViet titles, summaries): entities
    decoded, tags removed, spaces collapsed."""
    text = re.sub(r"<[^>]*>", " ", str(html or ""))
    for _ in range(2):  # "&amp;quot;" was escaped twice by some editors
        new = htmllib.unescape(text)
        if new == text:
            break
        text = new
    return unicodedata.normalize("NFC", re.sub(r"\s+", " ", text).strip())


def clean_body(html: str, resolve, shortcodes=None) -> tuple[str, list[str]]:
    """The whole pipeline; returns safe HTML and Vietnamese warnings."""
    warnings = []
    # Old editors saved decomposed Vietnamese (e + combining marks); the site is NFC.
    html = unicodedata.normalize("NFC", str(html or ""))
    if len(html) > MAX_BODY_CHARS:
        html = html[:MAX_BODY_CHARS]
        warnings.append(f"nội dung quá dài, chỉ giữ {MAX_BODY_CHARS:,} ký tự đầu")
    if shortcodes is not None:
        html, more = shortcodes(html)
        warnings += more
    html, frames = frames_to_links(html)
    if frames:
        warnings.append(f"{frames} khung nhúng (video, bản đồ …) được thay bằng liên kết")
    html, removed = sanitize(html)
    if removed:
        warnings.append("đã gỡ phần không an toàn: " + "; ".join(dict.fromkeys(removed)))
    return rewrite_urls(html, resolve), warnings
